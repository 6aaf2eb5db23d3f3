package build

import (
	"strings"
	"testing"

	"docsite/internal/config"
	"docsite/render/search"
)

// TestSearchOnTheKnowledgeBase replays the user story on the
// project's own content: a Chinese query typed without spaces lands on the
// overview's section 1.2.1, an English word on the English pages.
func TestSearchOnTheKnowledgeBase(t *testing.T) {
	pl, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := pl.Model(Options{Content: "../../content", Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	files, _, err := SearchFiles(s)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ q, lang, url, heading string }{
		{"核心理念", "zh-CN", "/01-overview/", "1.2.1 核心理念演进"},
		{"orchestration", "en", "/en/", ""},
	}
	for _, c := range cases {
		hits := search.Query(files, c.lang, c.q)
		if len(hits) == 0 {
			t.Errorf("%s: no hits", c.q)
			continue
		}
		h := hits[0]
		if !strings.HasPrefix(h.URL, c.url) || (c.heading != "" && h.Heading != c.heading) {
			t.Errorf("%s: first hit %s § %s, want %s § %s", c.q, h.URL, h.Heading, c.url, c.heading)
		}
	}
}

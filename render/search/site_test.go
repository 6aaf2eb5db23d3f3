package search_test

import (
	"docsite/internal/sitetest"

	"strings"
	"testing"

	"docsite/internal/config"
	"docsite/render/build"
	"docsite/render/search"
)

// TestSearchOnTheKnowledgeBase replays the user story on the
// project's own content: a Chinese query typed without spaces lands on the
// overview's section 1.2.1, an English word on the English pages.
func TestSearchOnTheKnowledgeBase(t *testing.T) {
	pl, err := build.NewPipeline(build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := pl.Model(build.Options{Content: "../../content", Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	files, _, err := build.SearchFiles(s)
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

// TestSearchIncludeCode: search.includeCode makes code blocks searchable.
func TestSearchIncludeCode(t *testing.T) {
	dir := sitetest.Tree(t, "-- a.md --\n# Alpha\n\n```go\nfunc uniqueIdentifier() {}\n```\n-- b.md --\n# Beta\n")
	pl, err := build.NewPipeline(build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Parse("docsite.yaml", []byte("search:\n  includeCode: true\n"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := pl.Model(build.Options{Content: dir, Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	files, _, _ := build.SearchFiles(s)
	if hits := search.Query(files, "en", "uniqueidentifier"); len(hits) == 0 {
		t.Errorf("code not searchable with includeCode")
	}
	s.Config.Search.IncludeCode = false
	files, _, _ = build.SearchFiles(s)
	if hits := search.Query(files, "en", "uniqueidentifier"); len(hits) != 0 {
		t.Errorf("code searchable without includeCode")
	}
}

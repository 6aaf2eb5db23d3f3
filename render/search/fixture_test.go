package search

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"docsite/internal/slug"
)

// The fixture corpus in testdata/ is Markdown; docFromMarkdown turns it into
// Docs the rough way the site pipeline does: the first H1 is the title,
// every deeper heading starts a section, code fences are left out.

var (
	headingRE = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*$`)
	linkRE    = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	numberRE  = regexp.MustCompile(`^(\d+(?:\.\d+)*)\.?\s`)
)

func docFromMarkdown(name, src string) Doc {
	base := strings.TrimSuffix(name, ".md")
	lang := "zh-CN"
	if i := strings.LastIndexByte(base, '.'); i >= 0 {
		lang, base = base[i+1:], base[:i]
	}
	d := Doc{URL: "/" + base + "/", Lang: lang}
	var sl slug.Slugger
	var text strings.Builder
	cur := Section{}
	flush := func() {
		cur.Text = text.String()
		d.Sections = append(d.Sections, cur)
		text.Reset()
	}
	fence := ""
	for line := range strings.Lines(src) {
		trimmed := strings.TrimSpace(line)
		if fence != "" {
			if strings.HasPrefix(trimmed, fence) {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~") {
			fence = trimmed[:3]
			continue
		}
		if m := headingRE.FindStringSubmatch(trimmed); m != nil {
			if len(m[1]) == 1 && d.Title == "" {
				d.Title = m[2]
				if n := numberRE.FindStringSubmatch(m[2]); n != nil {
					d.Number = n[1]
				}
				continue
			}
			flush()
			cur = Section{Heading: m[2], Anchor: sl.Slug(m[2]), Level: len(m[1])}
			continue
		}
		line = linkRE.ReplaceAllString(line, "$1")
		line = strings.NewReplacer("**", "", "`", "", "|", " ", "---", " ").Replace(line)
		text.WriteString(line)
	}
	flush()
	return d
}

func loadFixtures(t testing.TB) []Doc {
	t.Helper()
	names, err := filepath.Glob("testdata/*.md")
	if err != nil || len(names) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	var docs []Doc
	for _, n := range names {
		src, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, docFromMarkdown(filepath.Base(n), string(src)))
	}
	return docs
}

func buildFixtures(t testing.TB, opts ...Option) map[string][]byte {
	t.Helper()
	files, _, err := Build(loadFixtures(t), opts...)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

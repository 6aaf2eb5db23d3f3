package citation

import (
	"docsite/internal/sitetest"

	"os"
	"path/filepath"
	"testing"
)

func golden(t *testing.T, name, got string) {
	t.Helper()
	sitetest.Golden(t, filepath.Join("testdata", name), []byte(got))
}

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// goldenSite is testdata/REFERENCES.md at the root and testdata/page.md in
// folder 01-overview/.
func goldenSite(t *testing.T) (*Index, string, string) {
	refs, page := readTestdata(t, "REFERENCES.md"), readTestdata(t, "page.md")
	ix := NewIndex(map[string][]Def{"REFERENCES.md": defsOf(refs)},
		map[string][]Def{"01-overview/page.md": defsOf(page)})
	return ix, refs, page
}

func TestGoldenPage(t *testing.T) {
	ix, _, page := goldenSite(t)
	out := render(t, newMarkdown(), page, PageInfo{Path: "01-overview/page.md", Index: ix, ReferencesURL: "/docs/references/"})
	golden(t, "page.html", out)
}

func TestGoldenReferencesPage(t *testing.T) {
	ix, refs, page := goldenSite(t)
	md := newMarkdown()
	back := Backlinks{}
	back.Add("轻量运行时对比", "/docs/01-overview/page/", Collect(parse(md, page, PageInfo{Path: "01-overview/page.md", Index: ix})))
	back.Add("参考文献", "/docs/references/", Collect(parse(md, refs, PageInfo{Path: "REFERENCES.md", Index: ix})))
	out := ReferencesPage(ix, back, PageOptions{FileURL: func(p string) string {
		if p == "REFERENCES.md" {
			return "/docs/references/"
		}
		return ""
	}})
	golden(t, "references.html", string(out))
	en := ReferencesPage(ix, back, PageOptions{Lang: "en"})
	golden(t, "references.en.html", string(en))
}

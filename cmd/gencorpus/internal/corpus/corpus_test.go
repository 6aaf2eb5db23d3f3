package corpus

import (
	"bytes"
	"strings"
	"testing"

	checknum "docsite/check/numbering"
	"docsite/internal/numbering"
)

func same(a, b []File) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			return false
		}
	}
	return true
}

func TestDeterministic(t *testing.T) {
	a, _ := Generate(WithSeed(7), WithFiles(60), WithWorkers(1))
	b, _ := Generate(WithSeed(7), WithFiles(60), WithWorkers(4))
	if !same(a, b) {
		t.Fatal("same seed gave different output (worker count must not matter)")
	}
	c, _ := Generate(WithSeed(8), WithFiles(60))
	if same(a, c) {
		t.Fatal("different seeds gave the same output")
	}
}

func TestLayout(t *testing.T) {
	files, st := Generate(WithSeed(3), WithFiles(100))
	if st.Markdown != 100 {
		t.Errorf("Markdown = %d, want 100", st.Markdown)
	}
	for _, want := range []string{"README.md", "REFERENCES.md", "GLOSSARY.md"} {
		if !hasPath(files, want) {
			t.Errorf("missing %s", want)
		}
	}
	depth := map[int]int{}
	landing := map[string]int{}
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".md") {
			continue
		}
		depth[strings.Count(f.Path, "/")]++
		parts := strings.Split(f.Path, "/")
		if len(parts) > 1 {
			base, dir := parts[len(parts)-1], parts[len(parts)-2]
			switch {
			case base == "README.md":
				landing["README"]++
			case base == dir[3:]+".md":
				landing["name"]++
			}
		}
		if bytes.HasPrefix(f.Data, []byte("---\n")) {
			t.Errorf("%s has front matter", f.Path)
		}
	}
	if depth[2] == 0 || depth[3] == 0 {
		t.Errorf("pages by depth %v: want folders nested 2 and 3 deep", depth)
	}
	if landing["README"] == 0 || landing["name"] == 0 {
		t.Errorf("landing pages %v: want both README.md and <name>/<name>.md", landing)
	}
}

func hasPath(files []File, p string) bool {
	for _, f := range files {
		if f.Path == p {
			return true
		}
	}
	return false
}

func TestRelPath(t *testing.T) {
	for _, tc := range []struct{ dir, target, want string }{
		{"", "a/b.md", "a/b.md"},
		{"a", "a/b.md", "b.md"},
		{"a/x", "a/b.md", "../b.md"},
		{"a/x", "c/d/e.md", "../../c/d/e.md"},
		{"01-core", "REFERENCES.md", "../REFERENCES.md"},
	} {
		if got := relPath(tc.dir, tc.target); got != tc.want {
			t.Errorf("relPath(%q, %q) = %q, want %q", tc.dir, tc.target, got, tc.want)
		}
		if got, ok := resolve(tc.dir, tc.want); !ok || got != tc.target {
			t.Errorf("resolve(%q, %q) = %q, %v", tc.dir, tc.want, got, ok)
		}
	}
}

// Every line of prose stays within 80 columns unless it holds a single
// unbreakable unit (a long link), as the formatter leaves them.
func TestWrappedAt80(t *testing.T) {
	files, _ := Generate(WithSeed(5), WithFiles(40))
	over, lines := 0, 0
	for _, f := range files {
		if !strings.HasSuffix(f.Path, ".md") {
			continue
		}
		fence := false
		for _, l := range strings.Split(string(f.Data), "\n") {
			if strings.HasPrefix(l, "```") {
				fence = !fence
				continue
			}
			if fence || strings.HasPrefix(l, "|") || strings.HasPrefix(l, "#") || strings.HasPrefix(l, "[") || strings.HasPrefix(l, "- [") || strings.HasPrefix(l, "  - [") || strings.HasPrefix(l, "$$") {
				continue
			}
			lines++
			if textWidth(l) > 80 {
				over++
			}
		}
	}
	if lines == 0 || over*100 > lines {
		t.Errorf("%d of %d prose lines exceed 80 columns", over, lines)
	}
}

// TestNumberingSchemes plans a full-size corpus and reads every page's
// headings with docsite's own numbering model: each page follows the
// scheme it was given, in the real corpus's shares, and the findings
// within it are exactly the seeded mistakes, one each.
func TestNumberingSchemes(t *testing.T) {
	g := newGen(config{seed: 2, files: 1200, workers: 1})
	g.layout()
	g.plan()
	kinds := map[scheme]numbering.Kind{perDocument: numbering.Document, chapter: numbering.Chapter, mixed: numbering.Mixed, unnumbered: numbering.None}
	count := map[scheme]int{}
	content, loose, findings, seeded := 0, 0, 0, 0
	for _, p := range g.pages {
		if p.kind != normalPage && p.kind != landingPage {
			continue
		}
		content++
		count[p.scheme]++
		if p.dir == "" {
			loose++
			if p.scheme == chapter {
				t.Errorf("%s: a loose root report is a chapter", p.path)
			}
		}
		hs := []numbering.Heading{{Level: 1, Text: p.h1.text}}
		if p.toc.text != "" {
			hs = append(hs, numbering.Heading{Level: 2, Text: p.toc.text})
		}
		for _, h := range p.heads {
			hs = append(hs, numbering.Heading{Level: h.level, Text: h.text})
		}
		sc := numbering.Read(hs, 0)
		want, ok := kinds[p.scheme]
		switch {
		case p.scheme == lists && sc.Kind != numbering.Lists && sc.Kind != numbering.Document:
			// one list alone reads as sections under their heading
			t.Errorf("%s: a lists page reads as %s", p.path, sc.Kind)
		case ok && sc.Kind != want:
			t.Errorf("%s: scheme %d reads as %s, want %s", p.path, p.scheme, sc.Kind, want)
		}
		if n := sc.TitleNumber(); n != nil && n.Last() <= p.siblings {
			t.Errorf("%s: H1 number %s within its folder's %d positions", p.path, n, p.siblings)
		}
		if p.h1Off && p.scheme != chapter || p.brokenNum && p.scheme == unnumbered {
			t.Errorf("%s: a mistake seeded outside the page's scheme", p.path)
		}
		fs := checknum.Findings(sc)
		n := 0
		if p.brokenNum {
			n++
		}
		if p.h1Off {
			n++
		}
		if len(fs) != n {
			t.Errorf("%s: %d findings, %d seeded: %v", p.path, len(fs), n, hs)
		}
		findings += len(fs)
		seeded += n
	}
	if loose != len(looseReports) {
		t.Errorf("%d loose root reports, want %d", loose, len(looseReports))
	}
	if share := float64(count[chapter]) / float64(content); share < 0.09 || share > 0.14 {
		t.Errorf("chapter share %.3f, want about 0.115", share)
	}
	for s := perDocument; s <= unnumbered; s++ {
		if count[s] == 0 {
			t.Errorf("no page with scheme %d", s)
		}
	}
	t.Logf("schemes %v over %d pages; %d findings for %d seeded mistakes", count, content, findings, seeded)
}

package site

import (
	"os"
	"path/filepath"
	"testing"
)

// TestFrontMatter: the block is split off once, at load; BodyOffset is
// where the Markdown starts, and a block that is not YAML is a finding on
// its line, with the page read as text.
func TestFrontMatter(t *testing.T) {
	tests := []struct {
		src      string
		glossary any
		body     int
		finding  int // line of the page/front-matter finding, 0 for none
	}{
		{"---\ntitle: x\nglossary: true\n---\n# x\n", true, 32, 0},
		{"---\r\nglossary: true\r\n---\r\n", true, 26, 0},
		{"---\nglossary: true\n...\n", true, 23, 0},
		{"# no front matter\nglossary: true\n", nil, 0, 0},
		{"---\nglossary: true\n", nil, 0, 0},        // never closed: not front matter
		{"---\nIntro paragraph.\n---\n", nil, 0, 2}, // closed, but not a mapping
		{"---\n- a list\n---\n", nil, 0, 2},         // YAML, not a mapping
		{"---\ntitle: [unclosed\n---\ntext\n", nil, 0, 2},
		{"----\nglossary: true\n---\n", nil, 0, 0},
		{"---", nil, 0, 0},
	}
	for _, tt := range tests {
		p := &Page{Path: "p.md", Source: []byte(tt.src)}
		p.readFrontMatter()
		if got := p.Meta["glossary"]; got != tt.glossary || p.BodyOffset != tt.body {
			t.Errorf("%q: glossary %v, body at %d; want %v, %d", tt.src, got, p.BodyOffset, tt.glossary, tt.body)
		}
		switch {
		case tt.finding == 0 && len(p.Diags) > 0:
			t.Errorf("%q: unexpected finding %+v", tt.src, p.Diags[0])
		case tt.finding > 0 && (len(p.Diags) != 1 || p.Diags[0].Rule != RulePageFrontMatter || p.Diags[0].Line != tt.finding):
			t.Errorf("%q: findings %+v, want one page/front-matter on line %d", tt.src, p.Diags, tt.finding)
		}
	}
}

// TestCaseConflict: two files whose names differ only in case are named,
// since a checkout on macOS or Windows keeps only one of them.
func TestCaseConflict(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"Case.md", "case.md", "other.md"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("# "+name+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Load(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range s.Diagnostics {
		if d.Rule == RuleLoadCaseConflict {
			n++
		}
	}
	if n != 1 || len(s.Pages) != 3 {
		t.Errorf("%d case conflicts among %d pages: %+v", n, len(s.Pages), s.Diagnostics)
	}
}

package corpus

import (
	"bytes"
	"strings"
	"testing"
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

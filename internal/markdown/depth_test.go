package markdown

import (
	"strings"
	"testing"
)

func TestNesting(t *testing.T) {
	for _, tc := range []struct {
		src         string
		depth, line int
	}{
		{"plain\n", 0, 0},
		{"# 标题\n\n- a\n  - b\n    - c\n", 3, 5},
		{"> > > quoted\n", 3, 1},
		{"- > - x\n", 3, 1},
		{"[[[a]]] \\[\\[ [b]\n", 3, 1},
		{strings.Repeat("  ", 999) + "- deep\n", 1000, 1},
		{strings.Repeat("[", 5000), 5000, 1},
		{"```\n" + strings.Repeat(" ", 40) + "code\n```\n", 20, 2},
	} {
		depth, line := Nesting([]byte(tc.src))
		if depth != tc.depth || line != tc.line {
			t.Errorf("Nesting(%.40q) = %d at line %d, want %d at %d", tc.src, depth, line, tc.depth, tc.line)
		}
	}
}

func FuzzNesting(f *testing.F) {
	f.Add([]byte("- a\n  - b\n> [x]\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		depth, line := Nesting(src)
		if depth < 0 || line < 0 || line > strings.Count(string(src), "\n")+1 {
			t.Fatalf("Nesting = %d, %d", depth, line)
		}
	})
}

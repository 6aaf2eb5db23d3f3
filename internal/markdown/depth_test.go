package markdown

import (
	"strings"
	"testing"

	"docsite/internal/diag"
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

// TestMayNestDeeper: the quick bound never says no where Nesting is over
// the limit, and says no for an ordinary page.
func TestMayNestDeeper(t *testing.T) {
	srcs := []string{"plain\n", "- a\n  - b\n    - c\n", "> > > q\n", "[[[a]]]\n", "\t\t\t- x\n", "-\t-\t-\t[x]\n",
		strings.Repeat("  ", 60) + "- deep\n", strings.Repeat("[", 120), strings.Repeat("> ", 80) + "x\n"}
	for _, src := range srcs {
		mayNestDeeperHolds(t, src)
	}
	if b := []byte("# 标题\n\n正文 [链接](a.md)\n\n- 列表\n  - 子项\n"); MayNestDeeper(b, diag.NewLines(b), 100) {
		t.Error("an ordinary page may nest deeper than 100, says the bound")
	}
}

func mayNestDeeperHolds(t *testing.T, src string) {
	t.Helper()
	b := []byte(src)
	depth, _ := Nesting(b)
	for _, limit := range []int{1, 2, 3, 10, 100} {
		if depth > limit && !MayNestDeeper(b, diag.NewLines(b), limit) {
			t.Errorf("%q nests %d deep, and the bound says not over %d", src, depth, limit)
		}
	}
}

func FuzzMayNestDeeper(f *testing.F) {
	for _, s := range []string{"- a\n  - b\n", "> > [x]\n", "\t-\t>\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) { mayNestDeeperHolds(t, src) })
}

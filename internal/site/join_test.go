package site

import (
	"path"
	"strings"
	"testing"
)

func TestJoinRel(t *testing.T) {
	for _, tc := range [][2]string{
		{"", ""}, {"", "a.md"}, {"a", "b.md"}, {"a/b", "../c.md"}, {"a/b", "../../c.md"}, {"a", "../../c.md"},
		{"", "../a"}, {"", "../../a/../b"}, {"a", "./b/./c/"}, {"a", "b//c"}, {"a/b", ".."}, {"a/b", "../.."},
		{"a", "../.."}, {"..", ".."}, {"../a", "../.."}, {"a/..", "b"}, {"中文/目录", "../其他/页.md"}, {"a", "..b/c"},
	} {
		if got, want := joinRel(tc[0], tc[1]), path.Join(tc[0], tc[1]); got != want {
			t.Errorf("joinRel(%q, %q) = %q, want %q", tc[0], tc[1], got, want)
		}
	}
}

func FuzzJoinRel(f *testing.F) {
	f.Add("a/b", "../c.md")
	f.Add("", "../../x")
	f.Fuzz(func(t *testing.T, dir, p string) {
		if strings.HasPrefix(dir, "/") || strings.HasPrefix(p, "/") {
			return // relative paths only
		}
		if got, want := joinRel(dir, p), path.Join(dir, p); got != want {
			t.Errorf("joinRel(%q, %q) = %q, want %q", dir, p, got, want)
		}
	})
}

func TestTrimSpace(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a", "a ", "a\t", "\u3000a", "a\u3000", "#中文", "中文", "x\u00a0", "\u0085"} {
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Errorf("trimSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

package diag

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestPositionOnLongLines(t *testing.T) {
	line := strings.Repeat("中文 abc ", 3000) // ~33 KB, wide and narrow runes
	src := []byte("first\n" + line + "\nlast")
	l := NewLines(src)
	for _, off := range []int{0, 5, 6, 6 + 4096, 6 + 4097, 6 + len(line)/2, 6 + len(line), len(src)} {
		// Positions on a rune boundary only.
		for off < len(src) && !utf8.RuneStart(src[off]) {
			off++
		}
		line, col := l.Position(off)
		start := strings.LastIndexByte(string(src[:off]), '\n') + 1
		wantLine := strings.Count(string(src[:off]), "\n") + 1
		wantCol := utf8.RuneCount(src[start:off]) + 1
		if line != wantLine || col != wantCol {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", off, line, col, wantLine, wantCol)
		}
	}
}

func BenchmarkPositionLongLine(b *testing.B) {
	src := []byte(strings.Repeat("x", 1<<20))
	l := NewLines(src)
	for b.Loop() {
		l.Position(len(src) - 1)
	}
}

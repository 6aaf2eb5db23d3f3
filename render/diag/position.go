package diag

import (
	"sort"
	"unicode/utf8"
)

// Lines maps byte offsets in a source file to 1-based line and column
// (columns in code points), as every diagnostic needs.
type Lines struct {
	src    []byte
	starts []int // byte offset where each line starts
}

// NewLines indexes src once; lookups are then O(log lines + line length).
func NewLines(src []byte) *Lines {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &Lines{src: src, starts: starts}
}

// Position returns the line and column of byte offset off.
func (l *Lines) Position(off int) (line, col int) {
	if off < 0 {
		off = 0
	}
	if off > len(l.src) {
		off = len(l.src)
	}
	i := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off }) - 1
	return i + 1, utf8.RuneCount(l.src[l.starts[i]:off]) + 1
}

// LineStart returns the byte offset at which 1-based line n begins.
func (l *Lines) LineStart(n int) int {
	if n < 1 {
		return 0
	}
	if n > len(l.starts) {
		return len(l.src)
	}
	return l.starts[n-1]
}

// LineCount is the number of lines in the source.
func (l *Lines) LineCount() int { return len(l.starts) }

// Span fills the position fields of d from byte offsets start and end.
func (l *Lines) Span(d *Diagnostic, start, end int) {
	d.Line, d.Column = l.Position(start)
	d.EndLine, d.EndColumn = l.Position(end)
}

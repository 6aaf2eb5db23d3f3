package diag

import (
	"bytes"
	"sort"
	"unicode/utf8"
)

// Lines maps byte offsets in a source file to 1-based line and column
// (columns in code points), as every diagnostic needs.
type Lines struct {
	src    []byte
	starts []int // byte offset where each line starts
	// marks hold, for long lines, the rune count at every stride bytes, so
	// a position on a 1 MB line is not a count from the line's start.
	marks map[int][]mark
}

type mark struct{ off, runes int }

const stride = 4096

// NewLines indexes src once; lookups are then O(log lines + stride).
func NewLines(src []byte) *Lines {
	// Counting first sizes the index once: growing it line by line was
	// most of the cost on a page of short lines.
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	l := &Lines{src: src, starts: starts}
	for i := 0; ; {
		n := bytes.IndexByte(src[i:], '\n') // vectorised: twice a byte loop on the seed page
		if n < 0 {
			break
		}
		i += n + 1
		l.starts = append(l.starts, i)
	}
	for n, start := range l.starts {
		end := len(src)
		if n+1 < len(l.starts) {
			end = l.starts[n+1]
		}
		if end-start <= stride {
			continue
		}
		if l.marks == nil {
			l.marks = map[int][]mark{}
		}
		var ms []mark
		runes, at := 0, start
		for next := start + stride; next < end; next += stride {
			for next < end && !utf8.RuneStart(src[next]) {
				next++
			}
			runes += utf8.RuneCount(src[at:next])
			at = next
			ms = append(ms, mark{next, runes})
		}
		l.marks[n] = ms
	}
	return l
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
	from, runes := l.starts[i], 0
	if ms := l.marks[i]; len(ms) > 0 {
		if k := sort.Search(len(ms), func(k int) bool { return ms[k].off > off }) - 1; k >= 0 {
			from, runes = ms[k].off, ms[k].runes
		}
	}
	return i + 1, runes + utf8.RuneCount(l.src[from:off]) + 1
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

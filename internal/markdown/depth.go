package markdown

import (
	"bytes"

	"docsite/internal/diag"
)

// Nesting is the deepest nesting in src that the parser would build, and
// the line where it is: block quotes and list items a line opens (an
// indent of two columns counts as one list level, as a nested list item is
// indented), and unescaped '[' open on one line. goldmark's cost grows
// with the cube of list depth and the square of bracket depth, so a page
// beyond a limit is published as text instead (see load.Parser.Page). One
// pass, no allocation.
func Nesting(src []byte) (depth, line int) {
	ln := 1
	for i := 0; i < len(src); {
		d, end := lineNesting(src, i)
		if d > depth {
			depth, line = d, ln
		}
		i = end + 1
		ln++
	}
	return depth, line
}

// MayNestDeeper is a quick bound on Nesting, so that most pages skip the
// measure: false when src cannot nest deeper than limit. lines indexes
// src. Brackets nest deeper than limit only with more '[' than that, and a
// line's blocks only behind more than limit/2 bytes of indentation and
// markers (a tab counts two levels, a marker one).
func MayNestDeeper(src []byte, lines *diag.Lines, limit int) bool {
	if bytes.Count(src, []byte{'['}) > limit {
		return true
	}
	for n := 1; n <= lines.LineCount(); n++ {
		run := 0
		for i := lines.LineStart(n); i < len(src); i++ {
			if c := src[i]; c != ' ' && c != '\t' && c != '>' && c != '-' && c != '*' && c != '+' {
				break
			}
			run++
		}
		if 2*run > limit {
			return true
		}
	}
	return false
}

// lineNesting measures the line starting at i and returns where it ends.
func lineNesting(src []byte, i int) (int, int) {
	blocks, col := 0, 0
	for ; i < len(src); i++ {
		switch c := src[i]; {
		case c == ' ':
			col++
		case c == '\t':
			col += 4
		case c == '>', (c == '-' || c == '*' || c == '+') && i+1 < len(src) && (src[i+1] == ' ' || src[i+1] == '\t'):
			blocks += col/2 + 1
			col = 0
		default:
			goto inline
		}
	}
	return blocks + col/2, i
inline:
	depth := blocks + col/2
	end := len(src)
	if n := bytes.IndexByte(src[i:], '\n'); n >= 0 {
		end = i + n
	}
	if bytes.IndexByte(src[i:end], '[') < 0 {
		return depth, end // most lines: no bracket to count
	}
	brackets, most := 0, 0
	for ; i < end; i++ {
		switch src[i] {
		case '\\':
			i++
		case '[':
			brackets++
			most = max(most, brackets)
		case ']':
			brackets = max(brackets-1, 0)
		}
	}
	return max(depth, most), end
}

package corpus

import (
	"strings"
	"unicode/utf8"
)

// runeWidth is the column width of r in a monospace editor: East Asian
// wide and fullwidth characters and most emoji take two columns. The
// formatter that wrapped the real corpus counted this way, which is why its
// Chinese sentences break mid-line.
func runeWidth(r rune) int {
	switch {
	case r < 0x1100:
		return 1
	case r <= 0x115F,
		r == 0x2705, r == 0x274C, r == 0x2B50, r == 0x26A1,
		r >= 0x2E80 && r <= 0xA4CF && r != 0x303F,
		r >= 0xAC00 && r <= 0xD7A3,
		r >= 0xF900 && r <= 0xFAFF,
		r >= 0xFE30 && r <= 0xFE4F,
		r >= 0xFF00 && r <= 0xFF60,
		r >= 0xFFE0 && r <= 0xFFE6,
		r >= 0x1F300 && r <= 0x1FAFF,
		r >= 0x20000 && r <= 0x3FFFD:
		return 2
	}
	return 1
}

// textWidth sums runeWidth over s.
func textWidth(s string) int {
	w := 0
	for _, r := range s {
		w += runeWidth(r)
	}
	return w
}

// A unit is the smallest piece the wrapper never splits: a Latin word, one
// wide character, or an atom (link, code span, formula, HTML tag).
type unit struct {
	s       string
	w       int
	wide    bool // a single wide character
	space   bool // preceded by a space in the input
	glued   bool // must stay on the line of the unit before it
	emph    bool // a run of * or _ (emphasis delimiters)
	noStart bool // would change the Markdown meaning at the start of a line
}

// tokenize splits one logical line into units.
func tokenize(text string) []unit {
	var out []unit
	space := false
	i := 0
	for i < len(text) {
		c := text[i]
		if c == ' ' {
			space = true
			i++
			continue
		}
		wide := false
		j := atomEnd(text, i)
		if j == i {
			r, n := decodeRune(text[i:])
			if runeWidth(r) == 2 {
				j, wide = i+n, true
			} else {
				j = latinEnd(text, i)
			}
		}
		u := unit{s: text[i:j], space: space, wide: wide}
		if wide {
			u.w = 2
		} else {
			u.w = textWidth(u.s)
		}
		u.emph = !wide && isEmph(u.s)
		out = append(out, u)
		space = false
		i = j
	}
	for k := range out {
		u := &out[k]
		// Emphasis delimiters must touch the word they belong to, or they
		// stop being delimiters: "**" at the end of a line cannot open.
		if k > 0 && !u.space && (u.emph || out[k-1].emph) {
			u.glued = true
		}
		u.noStart = unsafeStart(u.s, k+1 < len(out) && out[k+1].space || k+1 == len(out))
	}
	return out
}

func isEmph(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '*' && s[i] != '_' {
			return false
		}
	}
	return true
}

// unsafeStart reports whether a line starting with s would no longer be a
// paragraph continuation (a list item, heading, quote, HTML block, …).
func unsafeStart(s string, spaceAfter bool) bool {
	switch s[0] {
	case '#', '>', '|', '<', '=', '`', '~':
		return true
	case '-', '+', '*':
		return len(s) == 1 || strings.Trim(s, "-*_ ") == ""
	}
	if spaceAfter {
		d := 0
		for d < len(s) && s[d] >= '0' && s[d] <= '9' {
			d++
		}
		if d > 0 && d == len(s)-1 && (s[d] == '.' || s[d] == ')') {
			return true
		}
	}
	return false
}

// atomEnd returns the end of an unsplittable construct starting at i, or i.
func atomEnd(s string, i int) int {
	switch s[i] {
	case '!':
		if i+1 < len(s) && s[i+1] == '[' {
			if j := atomEnd(s, i+1); j > i+1 {
				return j
			}
		}
	case '[':
		j := matchClose(s, i, '[', ']')
		if j < 0 {
			return i
		}
		j++
		if j < len(s) && (s[j] == '(' || s[j] == '[') {
			closeCh := byte(')')
			if s[j] == '[' {
				closeCh = ']'
			}
			if k := matchClose(s, j, s[j], closeCh); k > 0 {
				return k + 1
			}
		}
		return j
	case '`':
		if k := strings.IndexByte(s[i+1:], '`'); k >= 0 {
			return i + 1 + k + 1
		}
	case '$':
		if k := strings.IndexByte(s[i+1:], '$'); k >= 0 {
			return i + 1 + k + 1
		}
	case '<':
		if k := strings.IndexByte(s[i+1:], '>'); k >= 0 {
			return i + 1 + k + 1
		}
	}
	return i
}

func matchClose(s string, i int, open, close byte) int {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// latinEnd returns the end of a run of narrow characters that are not
// spaces and do not start an atom.
func latinEnd(s string, i int) int {
	j := i
	for j < len(s) {
		if s[j] == ' ' || (j > i && (s[j] == '[' || s[j] == '`' || s[j] == '$' || s[j] == '<' || (s[j] == '!' && j+1 < len(s) && s[j+1] == '['))) {
			break
		}
		if (s[j] == '*' || s[j] == '_') != (s[i] == '*' || s[i] == '_') {
			break
		}
		r, n := decodeRune(s[j:])
		if runeWidth(r) == 2 {
			break
		}
		j += n
	}
	if j == i {
		_, n := decodeRune(s[i:])
		j = i + n
	}
	return j
}

// breakBefore reports whether a line may end just before units[k].
func breakBefore(units []unit, k int) bool {
	u := units[k]
	if k == 0 || u.glued || u.noStart {
		return false
	}
	return u.space || u.wide || units[k-1].wide
}

// wrap fills text into lines of at most width columns, the first starting
// with first and the rest with rest. A chain of units with no break
// opportunity longer than the width stays whole and overflows, as a
// formatter leaves a long link.
func wrap(text string, width int, first, rest string) string {
	units := tokenize(text)
	var b strings.Builder
	b.WriteString(first)
	col := textWidth(first)
	lineStart := true
	restW := textWidth(rest)
	for k := 0; k < len(units); {
		// The chain is units[k:e]: no break is allowed inside it.
		e := k + 1
		cw := units[k].w
		for e < len(units) && !breakBefore(units, e) {
			if units[e].space {
				cw++
			}
			cw += units[e].w
			e++
		}
		sp := 0
		if units[k].space && !lineStart {
			sp = 1
		}
		if !lineStart && col+sp+cw > width && breakBefore(units, k) {
			b.WriteByte('\n')
			b.WriteString(rest)
			col, sp, lineStart = restW, 0, true
		}
		for i := k; i < e; i++ {
			if (i > k && units[i].space) || (i == k && sp == 1) {
				b.WriteByte(' ')
				col++
			}
			b.WriteString(units[i].s)
			col += units[i].w
		}
		lineStart = false
		k = e
	}
	b.WriteByte('\n')
	return b.String()
}

func decodeRune(s string) (rune, int) { return utf8.DecodeRuneInString(s) }

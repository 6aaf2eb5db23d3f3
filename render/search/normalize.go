package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalize collapses each run of white space to one space and trims the
// ends. A line break between two CJK characters is dropped instead: the
// corpus wraps lines at 80 columns, which splits Chinese sentences, and a
// space there would break the bigram that spans the line end. The stored
// snippet text is the normalised text, so token positions stay valid.
func normalize(s string) string {
	if strings.Contains(s, formulaText) {
		s = strings.ReplaceAll(s, formulaText, formulaMark)
	}
	var b strings.Builder
	b.Grow(len(s))
	var prev rune = -1 // last rune written
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			if r == utf8.RuneError && n == 1 {
				b.WriteRune(r) // so that positions agree once the text is JSON
			} else {
				b.WriteString(s[i : i+n])
			}
			prev = r
			i += n
			continue
		}
		j, newline := i, false
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsSpace(r) {
				break
			}
			newline = newline || r == '\n'
			j += n
		}
		if j < len(s) && prev >= 0 {
			next, _ := utf8.DecodeRuneInString(s[j:])
			if !(newline && isCJK(fold(prev)) && isCJK(fold(next))) {
				b.WriteByte(' ')
			}
		}
		i = j
	}
	return b.String()
}

// The page model writes a formula too complex for plain text as "[公式]".
// The index stores it as one object replacement character, which separates
// terms (a query for 公式 should not find every formula), and the client
// shows it as "[公式]" again.
const (
	formulaText = "[公式]"
	formulaMark = "\uFFFC"
)

// truncate returns s cut to at most n code points.
func truncate(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

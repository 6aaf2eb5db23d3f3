package tex

import "unicode/utf8"

// token is one lexical unit, as KaTeX's Lexer produces it: a control
// sequence ("\\frac"), a single character (with any combining marks
// following it), " " for a run of spaces, or "EOF".
type token struct {
	text         string
	pos, end     int  // byte range in the formula; macro bodies carry the caller's
	noexpand     bool // set by \noexpand
	treatAsRelax bool
}

const eof = "EOF"

// lexer splits the formula the way KaTeX's tokenRegex does.
type lexer struct {
	in       string
	pos      int
	catcodes map[byte]int // only '%' and '~' ever change
	fixed    bool         // every token gets fixedPos (macro bodies)
	fixedPos int
}

func newLexer(in string) *lexer {
	return &lexer{in: in}
}

// plainASCII marks the printable ASCII characters other than the space and
// the backslash: each is a token of its own.
var plainASCII = func() (t [256]bool) {
	for c := '!'; c <= '~'; c++ {
		t[c] = c != '\\'
	}
	return t
}()

func isCombining(r rune) bool { return r >= 0x300 && r <= 0x36f }

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isSpace(c byte) bool { return c == ' ' || c == '\r' || c == '\n' || c == '\t' }

// singleCodepoint reports whether KaTeX's lexer takes r as a character
// token: [!-\[\]-\u2027\u202A-\uD7FF\uF900-\uFFFF] or an astral character.
func singleCodepoint(r rune) bool {
	switch {
	case r >= '!' && r <= '[', r >= ']' && r <= 0x2027, r >= 0x202a && r <= 0xd7ff:
		return true
	case r >= 0xf900:
		return true // includes astral characters (a surrogate pair in JS)
	}
	return false
}

func (l *lexer) catcode(c byte) int {
	if l.catcodes != nil {
		if v, ok := l.catcodes[c]; ok {
			return v
		}
	}
	switch c {
	case '%':
		return 14
	case '~':
		return 13
	}
	return 0
}

func (l *lexer) setCatcode(c byte, v int) {
	if l.catcodes == nil {
		l.catcodes = map[byte]int{}
	}
	l.catcodes[c] = v
}

func (l *lexer) tok(text string, start int) token {
	if l.fixed {
		return token{text: text, pos: l.fixedPos, end: l.fixedPos}
	}
	return token{text: text, pos: start, end: l.pos}
}

// lexInto is lex writing into t; the usual token, one printable ASCII
// character that starts no comment and has no combining mark after it,
// takes the short way.
func (l *lexer) lexInto(t *token) {
	in, start := l.in, l.pos
	if start < len(in) && !l.fixed && l.catcodes == nil {
		if c := in[start]; plainASCII[c] && c != '%' && (start+1 == len(in) || in[start+1] < 0xcc || in[start+1] > 0xcd) {
			l.pos = start + 1
			*t = token{text: in[start : start+1], pos: start, end: start + 1}
			return
		}
	}
	*t = l.lex()
}

func (l *lexer) lex() token {
	for {
		in := l.in
		start := l.pos
		if start >= len(in) {
			return l.tok(eof, start)
		}
		c := in[start]
		if isSpace(c) {
			for l.pos < len(in) && isSpace(in[l.pos]) {
				l.pos++
			}
			return l.tok(" ", start)
		}
		if c == '\\' {
			return l.lexControl(start)
		}
		r, size := utf8.DecodeRuneInString(in[start:])
		if r == utf8.RuneError && size <= 1 || !singleCodepoint(r) {
			panic(parseError{start, "Unexpected character: '" + in[start:start+size] + "'"})
		}
		l.pos += size
		for l.pos < len(in) {
			r2, s2 := utf8.DecodeRuneInString(in[l.pos:])
			if !isCombining(r2) {
				break
			}
			l.pos += s2
		}
		if size == 1 && l.catcode(c) == 14 {
			// A comment runs to the end of the line.
			nl := l.pos
			for nl < len(in) && in[nl] != '\n' {
				nl++
			}
			if nl < len(in) {
				nl++
			}
			l.pos = nl
			continue
		}
		return l.tok(in[start:l.pos], start)
	}
}

func (l *lexer) lexControl(start int) token {
	in := l.in
	i := start + 1
	if i >= len(in) {
		panic(parseError{start, "Unexpected character: '\\'"})
	}
	c := in[i]
	// Control space: \ followed by spaces, at most one newline.
	if c == ' ' || c == '\r' || c == '\t' || c == '\n' {
		j := i
		if c == '\n' {
			j++
		} else {
			for j < len(in) && (in[j] == ' ' || in[j] == '\r' || in[j] == '\t') {
				j++
			}
			if j < len(in) && in[j] == '\n' {
				j++
			}
		}
		for j < len(in) && (in[j] == ' ' || in[j] == '\r' || in[j] == '\t') {
			j++
		}
		l.pos = j
		return l.tok("\\ ", start)
	}
	if isLetter(c) || c == '@' {
		// KaTeX tries \verb before control words, so \verb@x@ is verbatim.
		if v := start + 5; v < len(in) && in[start:v] == "\\verb" {
			if t, ok := l.lexVerb(start, v); ok {
				return t
			}
		}
		j := i
		for j < len(in) && (isLetter(in[j]) || in[j] == '@') {
			j++
		}
		name := in[start:j]
		k := j
		for k < len(in) && isSpace(in[k]) {
			k++
		}
		l.pos = k
		t := l.tok(name, start)
		if !l.fixed {
			t.end = j
		}
		return t
	}
	r, size := utf8.DecodeRuneInString(in[i:])
	if r > 0xffff || r == utf8.RuneError && size <= 1 {
		panic(parseError{start, "Unexpected character: '\\'"})
	}
	l.pos = i + size
	return l.tok(in[start:l.pos], start)
}

// lexVerb matches \verb*<d>...<d> or \verb<d>...<d> on one line, with the
// delimiter not a letter (nor * for the unstarred form).
func (l *lexer) lexVerb(start, j int) (token, bool) {
	in := l.in
	k := j
	if in[k] == '*' {
		k++
		if k >= len(in) {
			return token{}, false
		}
	} else if isLetter(in[k]) {
		return token{}, false
	}
	d, ds := utf8.DecodeRuneInString(in[k:])
	body := k + ds
	for m := body; m < len(in); {
		r, s := utf8.DecodeRuneInString(in[m:])
		if r == d {
			l.pos = m + s
			return l.tok(in[start:l.pos], start), true
		}
		if r == '\n' || r == '\r' || r == 0x2028 || r == 0x2029 {
			return token{}, false
		}
		m += s
	}
	return token{}, false
}

package diagram

import (
	"strings"
	"unicode/utf8"
)

// mermaid does not parse the text as written: mermaid.parse() first
// normalises line ends, rewrites attribute quotes inside HTML tags, drops
// front matter, %%{...}%% directives and whole-line %% comments, trims the
// start, encodes "#name;" entities, appends a newline, and (for flowcharts)
// squeezes blank lines after "}". Tokens and line numbers are those of the
// rewritten text, so it is reproduced here, with a map back to the source.

// text is a rewritten source: orig[i] is the source byte offset of s[i]
// (orig has one extra entry for the end of s). The map is only built when
// an error must be placed (orig is nil otherwise): valid diagrams, the
// common case, are checked without it.
type text struct {
	s    string
	orig []int32
}

// at returns the source offset of s[i].
func (t *text) at(i int) int {
	if t.orig == nil {
		return 0
	}
	return int(t.orig[i])
}

type rewriter struct {
	b     []byte
	m     []int32
	track bool
}

func (w *rewriter) copy(t *text, from, to int) {
	if w.b == nil {
		w.b = make([]byte, 0, len(t.s)+8)
		w.track = t.orig != nil
	}
	w.b = append(w.b, t.s[from:to]...)
	if w.track {
		w.m = append(w.m, t.orig[from:to]...)
	}
}

func (w *rewriter) add(s string, at int) {
	if w.track {
		for range len(s) {
			w.m = append(w.m, int32(at))
		}
	}
	w.b = append(w.b, s...)
}

// finish copies the rest from last and returns the new text, or t itself
// when nothing was rewritten.
func (w *rewriter) finish(t *text, last int) *text {
	if w.b == nil {
		return t
	}
	w.copy(t, last, len(t.s))
	return w.done(t)
}

func (w *rewriter) done(t *text) *text {
	if !w.track {
		return &text{s: string(w.b)}
	}
	w.m = append(w.m, t.orig[len(t.s)])
	return &text{s: string(w.b), orig: w.m}
}

func newText(src string, track bool) *text {
	if !track {
		return &text{s: src}
	}
	m := make([]int32, len(src)+1)
	for i := range m {
		m[i] = int32(i)
	}
	return &text{s: src, orig: m}
}

// from keeps t.s[i:].
func (t *text) from(i int) *text {
	if t.orig == nil {
		return &text{s: t.s[i:]}
	}
	return &text{s: t.s[i:], orig: t.orig[i:]}
}

// normalise: \r\n and \r become \n; inside <tag ...> attribute values
// ="..." become ='...' (so the quotes do not start strings).
func normalise(t *text) *text {
	var w rewriter
	s := t.s
	last := 0
	for i := strings.IndexByte(s, '\r'); i >= 0 && i < len(s); i++ {
		if s[i] == '\r' {
			w.copy(t, last, i)
			w.add("\n", t.at(i))
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			last = i + 1
		}
	}
	if last > 0 {
		t = w.finish(t, last)
	}
	if !strings.Contains(t.s, "=\"") {
		return t
	}
	b := []byte(t.s)
	for i := 0; i < len(b); i++ {
		if b[i] != '<' || i+1 >= len(b) || !isWordByte(b[i+1]) {
			continue
		}
		gt := strings.IndexByte(t.s[i:], '>')
		if gt < 0 {
			break
		}
		j := i + 1
		for j < i+gt && isWordByte(b[j]) {
			j++
		}
		for ; j < i+gt; j++ {
			if b[j] == '=' && b[j+1] == '"' {
				if k := strings.IndexByte(t.s[j+2:i+gt], '"'); k >= 0 {
					b[j+1], b[j+2+k] = '\'', '\''
					j += 2 + k
				}
			}
		}
		i += gt
	}
	return &text{s: string(b), orig: t.orig}
}

func jsSpaceAt(s string, i int) (bool, int) {
	r, n := utf8.DecodeRuneInString(s[i:])
	return isJSSpace(r), n
}

func isLineBreak(c byte) bool { return c == '\n' || c == '\r' }

// frontMatterEnd follows mermaid's matchFrontMatter: an opening "---" line
// (optionally indented), and the LAST closing "---" line with the same
// indent. It returns the length of the block, or 0.
func frontMatterEnd(s string) int {
	cur := 0
	for cur < len(s) && !isLineBreak(s[cur]) {
		sp, n := jsSpaceAt(s, cur)
		if !sp {
			break
		}
		cur += n
	}
	indent := s[:cur]
	if !strings.HasPrefix(s[cur:], "---") {
		return 0
	}
	var openingEnds []int
	for i := cur + 3; i < len(s); {
		sp, n := jsSpaceAt(s, i)
		if !sp {
			break
		}
		if isLineBreak(s[i]) {
			openingEnds = append(openingEnds, i)
		}
		i += n
	}
	if len(openingEnds) == 0 {
		return 0
	}
	fence := indent + "---"
	closingEnd := func(i int) int {
		if !isLineBreak(s[i]) || !strings.HasPrefix(s[i+1:], fence) {
			return -1
		}
		idx := -1
		for j := i + 1 + len(fence); j < len(s); {
			sp, n := jsSpaceAt(s, j)
			if !sp {
				break
			}
			if isLineBreak(s[j]) {
				idx = j
			}
			j += n
		}
		return idx
	}
	last := -1
	for i := openingEnds[0] + 1; i < len(s); i++ {
		if s[i] == '\n' && closingEnd(i) != -1 {
			last = i
		}
	}
	if last == -1 {
		return 0
	}
	openingEnd := openingEnds[0]
	for _, c := range openingEnds {
		if c < last {
			openingEnd = c
		}
	}
	for i := openingEnd + 1; i <= last; i++ {
		if e := closingEnd(i); e != -1 {
			return e + 1
		}
	}
	return 0
}

// removeDirectives drops %%{ key: ... }%% and %%{ word }%% the way
// mermaid's directive regex does (case-insensitive, possibly unclosed).
func removeDirectives(t *text) *text {
	s := t.s
	if !strings.Contains(s, "%%{") {
		return t
	}
	var w rewriter
	last := 0
	for i := 0; i+3 <= len(s); {
		k := strings.Index(s[i:], "%%{")
		if k < 0 {
			break
		}
		start := i + k
		j := skipJSSpace(s, start+3)
		w0 := j
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		if j == w0 {
			i = start + 1
			continue
		}
		if c := skipJSSpace(s, j); c < len(s) && s[c] == ':' {
			j = c + 1
		}
		j = skipJSSpace(s, j)
		if n := j; n < len(s) && isWordByte(s[n]) {
			for j < len(s) && isWordByte(s[j]) {
				j++
			}
		} else if e := strings.Index(s[j:], "}%%"); e >= 0 && !strings.ContainsAny(s[j:j+e], "\u2028\u2029") {
			j += e
		} else {
			// (?:(?!}%%).|\r?\n)* runs to the end or to a line separator
			for j < len(s) {
				r, n := utf8.DecodeRuneInString(s[j:])
				if r == 0x2028 || r == 0x2029 {
					break
				}
				j += n
			}
		}
		j = skipJSSpace(s, j)
		if strings.HasPrefix(s[j:], "}%%") {
			j += 3
		}
		w.copy(t, last, start)
		last, i = j, j
	}
	return w.finish(t, last)
}

func skipJSSpace(s string, i int) int {
	for i < len(s) {
		sp, n := jsSpaceAt(s, i)
		if !sp {
			break
		}
		i += n
	}
	return i
}

// removeComments implements /^\s*%%(?!{)[^\n]+\n?/gm followed by
// trimStart(): a line holding only a comment disappears together with
// the blank lines before it. "%%" alone on a line stays.
func removeComments(t *text) *text {
	s := t.s
	if !strings.Contains(s, "%%") {
		return t.from(skipJSSpace(s, 0))
	}
	var w rewriter
	last := 0
	lineStart := true
	for i := 0; i < len(s); {
		if !lineStart {
			if s[i] == '\n' {
				lineStart = true
			}
			i++
			continue
		}
		// at a line start: \s* (may span lines), then %%, not {, then 1+ non-\n
		j := skipJSSpace(s, i)
		if strings.HasPrefix(s[j:], "%%") && j+2 < len(s) && s[j+2] != '{' && s[j+2] != '\n' {
			e := strings.IndexByte(s[j:], '\n')
			if e < 0 {
				e = len(s)
			} else {
				e += j + 1
			}
			w.copy(t, last, i)
			last, i = e, e
			continue
		}
		// every line start inside s[i:j] fails the same way
		lineStart, i = false, j
	}
	t = w.finish(t, last)
	return t.from(skipJSSpace(t.s, 0))
}

// encodeEntities follows mermaid's encodeEntities: on a line where "style"
// (or "classDef") is followed by ":", a non-space run with "#" and then a
// ";", the last ";" is dropped; then every "#word;" becomes a placeholder
// ("ﬂ°word¶ß", or "ﬂ°°123¶ß" for numbers) which the lexers see as text.
func encodeEntities(t *text) *text {
	for _, kw := range []string{"style", "classDef"} {
		if !strings.Contains(t.s, kw) {
			continue
		}
		var w rewriter
		last := 0
		s := t.s
		for ls := 0; ls < len(s); {
			le := ls
			for le < len(s) {
				r, n := utf8.DecodeRuneInString(s[le:])
				if isLineTerm(r) {
					break
				}
				le += n
			}
			if semi := styleSemicolon(s[ls:le], kw); semi >= 0 {
				w.copy(t, last, ls+semi)
				last = ls + semi + 1
			}
			ls = le + 1
		}
		t = w.finish(t, last)
	}
	if !strings.Contains(t.s, "#") {
		return t
	}
	var w rewriter
	s := t.s
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '#' {
			continue
		}
		j := i + 1
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		if j == i+1 || j >= len(s) || s[j] != ';' {
			continue
		}
		inner := s[i+1 : j]
		digits := strings.Trim(inner, "0123456789") == ""
		w.copy(t, last, i)
		if digits {
			w.add("\uFB02\u00B0\u00B0", t.at(i))
		} else {
			w.add("\uFB02\u00B0", t.at(i))
		}
		w.copy(t, i+1, j)
		w.add("\u00B6\u00DF", t.at(j))
		last = j + 1
		i = j
	}
	return w.finish(t, last)
}

// styleSemicolon returns the index of the ";" that /kw.*:\S*#.*;/ removes
// from one line, or -1.
func styleSemicolon(line, kw string) int {
	k := strings.Index(line, kw)
	if k < 0 {
		return -1
	}
	lastSemi := strings.LastIndexByte(line, ';')
	for c := k + len(kw); c < len(line); c++ {
		if line[c] != ':' {
			continue
		}
		for j := c + 1; j < len(line); {
			sp, n := jsSpaceAt(line, j)
			if sp {
				break
			}
			if line[j] == '#' {
				if lastSemi > j {
					return lastSemi
				}
				break
			}
			j += n
		}
	}
	return -1
}

// squeezeAfterBrace implements the flowchart parser's
// src.replace(/}\s*\n/g, "}\n").
func squeezeAfterBrace(t *text) *text {
	s := t.s
	if !strings.Contains(s, "}") {
		return t
	}
	var w rewriter
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '}' {
			continue
		}
		e := skipJSSpace(s, i+1)
		nl := strings.LastIndexByte(s[i+1:e], '\n')
		if nl < 0 {
			continue
		}
		nl += i + 1
		w.copy(t, last, i+1)
		w.copy(t, nl, nl+1)
		last = nl + 1
		i = nl
	}
	return w.finish(t, last)
}

// prepare runs the steps mermaid applies before choosing a diagram type.
func prepare(src string, track bool) *text {
	t := normalise(newText(src, track))
	if n := frontMatterEnd(t.s); n > 0 {
		t = t.from(n)
	}
	return removeComments(removeDirectives(t))
}

// forParser adds what Diagram.fromText does before calling the parser.
func forParser(t *text) *text {
	t = encodeEntities(t)
	var w rewriter
	w.copy(t, 0, len(t.s))
	w.add("\n", t.at(len(t.s)))
	return w.done(t)
}

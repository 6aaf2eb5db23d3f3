package graph

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"docsite/internal/markdown/cjk"
	"docsite/internal/site"
)

// linkContext finds the sentence around link i of page p. It looks the link
// text up in the plain text of the section the link stands in, which the
// parse already freed of Markdown; when the text appears there several
// times, the one meant is told by how often it appears in the section's
// source before the link. When the text is not found there (a link in a
// heading, say), the source lines of the link are stripped of markup
// instead.
func linkContext(p *site.Page, i int) (string, [2]int) {
	l := p.Links[i]
	text := linkText(p.Source, l)
	if text == "" {
		return "", [2]int{}
	}
	sec := sectionAt(p, l.Start)
	// Which appearance of the text is the link: count them in the source
	// of the section before the link, stripped the same way.
	from := 0
	if sec > 0 {
		from = p.Headings[sec-1].Offset
		if nl := bytes.IndexByte(p.Source[from:l.Start], '\n'); nl >= 0 {
			from += nl + 1
		} else {
			from = l.Start
		}
	}
	nth := strings.Count(plainInline(string(p.Source[from:l.Start])), text)
	if sec < len(p.Text) {
		if ctx, mark, ok := sentence(p.Text[sec].Text, text, nth); ok {
			return ctx, mark
		}
	}
	line := plainInline(string(sourceLines(p.Source, l.Start, l.End)))
	if ctx, mark, ok := sentence(line, text, 0); ok {
		return ctx, mark
	}
	return "", [2]int{}
}

// sectionAt is the index in p.Text of the section holding offset off: the
// text before the first heading is section 0, each heading starts the next.
func sectionAt(p *site.Page, off int) int {
	n := 0
	for _, h := range p.Headings {
		if h.Offset > off {
			break
		}
		n++
	}
	return n
}

// linkText is the visible text of a link as plain text: the bracketed part
// of a Markdown link, the content of a raw HTML <a>, an autolink's URL.
func linkText(src []byte, l site.Link) string {
	if l.Start < 0 || l.End > len(src) || l.Start >= l.End {
		return ""
	}
	switch l.Kind {
	case site.LinkMarkdown:
		if src[l.Start] != '[' {
			return ""
		}
		end := closeBracket(src, l.Start)
		if end < 0 {
			return ""
		}
		return plainInline(string(src[l.Start+1 : end]))
	case site.LinkHTML:
		// Start is the href attribute; the text follows the tag.
		gt := bytes.IndexByte(src[l.End:], '>')
		if gt < 0 {
			return ""
		}
		rest := src[l.End+gt+1:]
		end := bytes.Index(bytes.ToLower(rest[:min(len(rest), 2048)]), []byte("</a"))
		if end < 0 {
			return ""
		}
		return plainInline(stripTags(string(rest[:end])))
	case site.LinkAuto:
		return string(src[l.Start:l.End])
	}
	return ""
}

// closeBracket returns the offset of the ']' matching the '[' at i, or -1.
func closeBracket[T string | []byte](src T, i int) int {
	depth := 0
	for j := i; j < len(src); j++ {
		switch src[j] {
		case '\\':
			j++
		case '`':
			// brackets inside code spans do not count
			for k := j + 1; k < len(src); k++ {
				if src[k] == '`' {
					j = k
					break
				}
			}
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// sourceLines returns the whole source lines that hold [start, end).
func sourceLines(src []byte, start, end int) []byte {
	s := bytes.LastIndexByte(src[:start], '\n') + 1
	e := bytes.IndexByte(src[end:], '\n')
	if e < 0 {
		e = len(src)
	} else {
		e += end
	}
	return src[s:e]
}

// plainInline strips inline Markdown from a short piece of source: emphasis
// marks, code ticks, escapes, link and image syntax (keeping link text),
// list and quote markers; lines are joined the way they render, without a
// space between Chinese characters.
func plainInline(s string) string {
	var b strings.Builder
	for line := range strings.SplitSeq(s, "\n") {
		line = strings.TrimSpace(line)
		line = strings.TrimLeft(line, ">#")
		line = strings.TrimSpace(line)
		for _, m := range []string{"- ", "* ", "+ "} {
			line = strings.TrimPrefix(line, m)
		}
		if line == "" {
			continue
		}
		cjk.AppendLine(&b, line)
	}
	return stripInline(b.String())
}

// stripInline removes inline markup from one line.
func stripInline(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\':
			if i+1 < len(s) && unicode.IsPunct(rune(s[i+1])) {
				i++
				b.WriteByte(s[i])
				continue
			}
		case '*', '_', '`', '~':
			// '_' inside a word (snake_case) is text, not emphasis.
			if c == '_' && i > 0 && i+1 < len(s) && isWord(s[i-1]) && isWord(s[i+1]) {
				break
			}
			continue
		case '!':
			if i+1 < len(s) && s[i+1] == '[' {
				continue
			}
		case '[':
			// keep the text, drop "](dest)" or "][ref]" after it
			// Link text is short: looking further than maxLinkText for the
			// closing bracket would make a line of stray '[' quadratic.
			if end := closeBracket(s[:min(len(s), i+maxLinkText)], i); end > 0 {
				b.WriteString(stripInline(s[i+1 : end]))
				i = end
				if i+1 < len(s) && (s[i+1] == '(' || s[i+1] == '[') {
					if close := matching(s[:min(len(s), i+1+maxLinkText)], i+1); close > 0 {
						i = close
					}
				}
				continue
			}
		case '<':
			if end := strings.IndexByte(s[i:], '>'); end > 0 && isTag(s[i+1:i+end]) {
				i += end
				continue
			}
		}
		b.WriteByte(c)
	}
	return strings.TrimSpace(b.String())
}

const maxLinkText = 1024

func isWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// matching returns the offset of the bracket closing the one at i, or -1.
func matching(s string, i int) int {
	open := s[i]
	close := byte(')')
	if open == '[' {
		close = ']'
	}
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

// isTag reports whether the text between '<' and '>' looks like an HTML
// tag or an autolink, rather than a comparison such as "a < b > c".
func isTag(s string) bool {
	s = strings.TrimPrefix(s, "/")
	if s == "" {
		return false
	}
	c := s[0]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func stripTags(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		switch {
		case r == '<':
			in = true
		case r == '>' && in:
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// sentence finds the nth appearance of text in a block of plain text and
// returns the sentence around it, cut to about ContextLen characters around
// the text when longer, and the byte range of text in the result.
func sentence(block, text string, nth int) (string, [2]int, bool) {
	at := -1
	from := 0
	for k := 0; ; k++ {
		i := strings.Index(block[from:], text)
		if i < 0 {
			break
		}
		at = from + i
		if k == nth {
			break
		}
		from = at + len(text)
	}
	if at < 0 {
		return "", [2]int{}, false
	}
	start, end := sentenceBounds(block, at, at+len(text))
	ctx := block[start:end]
	lo, hi := at-start, at-start+len(text)
	ctx, lo, hi = shorten(ctx, lo, hi, ContextLen)
	return ctx, [2]int{lo, hi}, true
}

// sentenceBounds widens [lo, hi) to the sentence holding it: from after the
// previous sentence end (。！？；!?; or ". ") or line break to the next
// one, keeping the closing mark.
func sentenceBounds(s string, lo, hi int) (int, int) {
	start := 0
	for i := lo - 1; i >= 0; i-- {
		if s[i] == '\n' {
			start = i + 1
			break
		}
		if r, size := utf8.DecodeRuneInString(s[i:]); r != utf8.RuneError && i+size <= lo && endsSentence(s, i, r, size) {
			start = i + size
			break
		}
	}
	end := len(s)
	for i := hi; i < len(s); {
		if s[i] == '\n' {
			end = i
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if endsSentence(s, i, r, size) {
			end = i + size
			break
		}
		i += size
	}
	// Trim spaces, moving the ends inward only.
	for start < lo && s[start] == ' ' {
		start++
	}
	for end > hi && s[end-1] == ' ' {
		end--
	}
	return start, end
}

func endsSentence(s string, i int, r rune, size int) bool {
	switch r {
	case '。', '！', '？', '；', '!', '?', ';':
		return true
	case '.':
		// "end. Next" ends a sentence; "v1.2" and "e.g.x" do not.
		return i+size == len(s) || s[i+size] == ' '
	}
	return false
}

// shorten cuts s to about limit characters around [lo, hi), adding "…"
// where text was cut, and returns the new range of [lo, hi).
func shorten(s string, lo, hi, limit int) (string, int, int) {
	if utf8.RuneCountInString(s) <= limit {
		return s, lo, hi
	}
	spare := max(limit-utf8.RuneCountInString(s[lo:hi]), 0)
	before, after := spare/2, spare-spare/2
	// Give what one side does not need to the other.
	if nb := utf8.RuneCountInString(s[:lo]); nb < before {
		after += before - nb
		before = nb
	}
	if na := utf8.RuneCountInString(s[hi:]); na < after {
		before += after - na
		after = na
	}
	a := lo
	for n := 0; n < before && a > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(s[:a])
		a -= size
	}
	z := hi
	for n := 0; n < after && z < len(s); n++ {
		_, size := utf8.DecodeRuneInString(s[z:])
		z += size
	}
	out := s[a:z]
	lo, hi = lo-a, hi-a
	if a > 0 {
		out = "…" + strings.TrimLeft(out, " ")
		trimmed := len(s[a:z]) - len(strings.TrimLeft(s[a:z], " "))
		lo, hi = lo-trimmed+len("…"), hi-trimmed+len("…")
	}
	if z < len(s) {
		out = strings.TrimRight(out, " ") + "…"
	}
	return out, lo, hi
}

package graph

import (
	"strings"
	"unicode/utf8"

	"docsite/internal/site"
)

// linkContext is the sentence around link i of page p: the parse recorded
// where the link's text lies in the plain text of its section, so the
// sentence is cut from there, with the link's text marked. A link whose
// text is in no section (in a heading, in raw HTML) has no context.
func linkContext(p *site.Page, i int) (string, [2]int) {
	l := p.Links[i]
	if l.Section < 0 || l.Section >= len(p.Text) {
		return "", [2]int{}
	}
	block := p.Text[l.Section].Text
	lo, hi := l.Text[0], l.Text[1]
	if lo < 0 || hi > len(block) || lo >= hi {
		return "", [2]int{}
	}
	start, end := sentenceBounds(block, lo, hi)
	ctx, lo, hi := shorten(block[start:end], lo-start, hi-start, ContextLen)
	return ctx, [2]int{lo, hi}
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

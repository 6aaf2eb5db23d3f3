// Package slug makes heading IDs exactly as GitHub does (the github-slugger
// algorithm), so that hand-written "#121-核心理念演进" links written for GitHub
// land on the same headings in the site.
package slug

import (
	"strconv"
	"strings"
	"unicode"
)

// Make returns the slug of one heading text, without de-duplication:
// lower-cased, every character that is not a letter, mark, decimal digit,
// connector punctuation, space or '-' dropped, spaces turned
// into '-'.
func Make(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	for _, r := range text {
		switch r = lower(r); {
		case r == 'İ':
			// JavaScript's toLowerCase maps it to two code points, both kept:
			// the one full case mapping unlike Go's simple one.
			b.WriteString("i\u0307")
		case r == ' ':
			b.WriteByte('-')
		case keep(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// lower is JavaScript's toLowerCase of one rune, but for 'İ' (see Make).
func lower(r rune) rune {
	if r < 0x80 {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	if r == 'İ' || 0x4E00 <= r && r <= 0x9FFF { // ideographs have no case
		return r
	}
	return unicode.ToLower(r)
}

// keep reports a rune github-slugger keeps. Most of a Chinese heading is
// CJK ideographs, letters all of them up to U+9FEF in Unicode 13
// (TestIdeographsAreKept), so they skip the table lookups.
func keep(r rune) bool {
	if r < 0x80 {
		return r == '-' || r == '_' || ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') || ('A' <= r && r <= 'Z')
	}
	if 0x4E00 <= r && r <= 0x9FEF {
		return true
	}
	return keepOther(r)
}

func keepOther(r rune) bool {
	if !assignedInUnicode13(r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_Alphabetic, r) ||
		unicode.IsMark(r) || unicode.Is(unicode.Nd, r) || unicode.Is(unicode.Pc, r)
}

// Slugger de-duplicates slugs within one page the way github-slugger does:
// the second "x" becomes "x-1", and a later literal "x-1" moves on to "x-1-1".
// The zero value is ready to use; a Slugger is not safe for concurrent use.
type Slugger struct {
	seen map[string]int
}

// Slug returns the unique slug for text on this page.
func (s *Slugger) Slug(text string) string {
	return s.Unique(Make(text))
}

// Unique de-duplicates an already made slug.
func (s *Slugger) Unique(base string) string {
	if s.seen == nil {
		s.seen = make(map[string]int)
	}
	id := base
	for {
		if _, dup := s.seen[id]; !dup {
			break
		}
		s.seen[base]++
		id = base + "-" + strconv.Itoa(s.seen[base])
	}
	s.seen[id] = 0
	return id
}

// Reserve marks an ID as taken (an explicit id in raw HTML) without returning it.
func (s *Slugger) Reserve(id string) {
	if s.seen == nil {
		s.seen = make(map[string]int)
	}
	if _, ok := s.seen[id]; !ok {
		s.seen[id] = 0
	}
}

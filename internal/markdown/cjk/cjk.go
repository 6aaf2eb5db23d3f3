package cjk

import (
	"unicode"

	"github.com/yuin/goldmark/util"
)

// IsCJK reports whether r is a CJK character in the sense of the
// CJK-friendly amendments: East Asian Width F, H, or W (but not an emoji
// that defaults to emoji presentation), or Hangul. It includes CJK
// punctuation such as `，`, `。` and `（`, but not the ambiguous-width
// quotes `“”` which Chinese shares with Western text.
func IsCJK(r rune) bool {
	// Everything below the Hangul Jamo block is narrow or neutral; this
	// keeps Latin text off the table lookup.
	return r >= 0x1100 && unicode.Is(cjkTable, r)
}

// isIVS reports whether r is an Ideographic Variation Selector, which only
// ever follows an ideograph and so stands in for one.
func isIVS(r rune) bool { return 0xE0100 <= r && r <= 0xE01EF }

// isTextVS reports whether r is a general-use variation selector other than
// VS16 (U+FE0F, which asks for emoji presentation). Such a selector is
// transparent: the character before it decides.
func isTextVS(r rune) bool { return 0xFE00 <= r && r <= 0xFE0E }

// class is what the flanking rules need to know about one character.
type class uint8

const (
	space class = 1 << iota
	punct       // Unicode P or S, CJK or not, as CommonMark defines it
	wide        // a CJK character
	ivs         // an Ideographic Variation Selector
)

func classify(r rune) class {
	if util.IsSpaceRune(r) {
		return space
	}
	var c class
	if r >= 0x1100 {
		if isIVS(r) {
			return ivs
		}
		if IsCJK(r) {
			c |= wide
		}
	}
	if r < 0x80 {
		if util.IsPunct(byte(r)) {
			c |= punct
		}
	} else if util.IsPunctRune(r) {
		c |= punct
	}
	return c
}

func (c class) isSpace() bool        { return c&space != 0 }
func (c class) isSpaceOrPunct() bool { return c&(space|punct) != 0 }
func (c class) isPunct() bool        { return c&punct != 0 }

// isNonCJKPunct is the amendment's replacement for "punctuation": CJK
// punctuation is treated like a letter, because Chinese puts no space
// between it and the words around it.
func (c class) isNonCJKPunct() bool { return c&(punct|wide) == punct }
func (c class) isCJK() bool         { return c&wide != 0 }
func (c class) isCJKOrIVS() bool    { return c&(wide|ivs) != 0 }

// classifyBefore classifies the character before a delimiter run. When
// that is a text variation selector, the character it modifies decides
// (twoBefore, or 0 when there is none): a selector at the start of a line
// or after a space is an ordinary character, and U+FE01 after a curly
// quote marks the quote as full-width CJK punctuation.
func classifyBefore(before, twoBefore rune) class {
	if !isTextVS(before) {
		return classify(before)
	}
	if twoBefore == 0 {
		return 0
	}
	c := classify(twoBefore)
	switch {
	case c.isSpace():
		return 0
	case before == 0xFE01 && isCurlyQuote(twoBefore):
		return punct | wide
	}
	return c &^ ivs
}

func isCurlyQuote(r rune) bool {
	return r == '‘' || r == '’' || r == '“' || r == '”'
}

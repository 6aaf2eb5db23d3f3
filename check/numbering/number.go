// Package numbering checks the numbers authors write by hand into their
// titles and headings ("# 1. 总览", "## 1.2 …", "### 1.2.1 …") and the
// tables of contents they keep at the top of a page, against the page's
// place in the sidebar and against its own headings. It works over the page
// model only; nothing here parses Markdown.
//
// Expected gives, for every numbered heading, the number a correct
// renumbering gives it, which is what `docsite fix` applies; Check reports
// only the headings where a mistake starts, so that one inserted or deleted
// section is one finding rather than one per following heading.
package numbering

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Number is a hand-written section number: "1.2.3" is {1, 2, 3}.
type Number []int

// maxDigits bounds one part of a number: enough for any real section
// number, small enough that it never overflows an int.
const maxDigits = 9

// Parse reads the hand-written number at the start of a heading text and
// returns it with the rest of the text. A number is one or more parts of
// ASCII digits joined by '.', optionally ending in '.', and followed by white
// space or the end of the text: "1. 总览", "1.2.1 核心理念演进", "13.10.4 x".
// Leading emoji and other symbols are skipped ("🎯 1.2 目标").
//
// A single part counts only when it ends in a dot ("3. Docker"): "2025 年趋势"
// or "3 个原则" are prose, not numbers, and would otherwise produce warnings
// that no author could make sense of.
func Parse(text string) (n Number, rest string, ok bool) {
	s := skipSymbols(text)
	i, dotted := 0, false
	for {
		j := i
		for j < len(s) && j-i <= maxDigits && '0' <= s[j] && s[j] <= '9' {
			j++
		}
		if j == i || j-i > maxDigits {
			return nil, text, false
		}
		v, _ := strconv.Atoi(s[i:j])
		n = append(n, v)
		i, dotted = j, false
		if i < len(s) && s[i] == '.' {
			i++
			dotted = true
			if i < len(s) && '0' <= s[i] && s[i] <= '9' {
				continue
			}
		}
		break
	}
	if i < len(s) {
		r, _ := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			return nil, text, false
		}
	}
	if len(n) == 1 && !dotted {
		return nil, text, false
	}
	return n, strings.TrimSpace(s[i:]), true
}

// skipSymbols drops leading white space, emoji and their joiners and
// variation selectors, which some authors put before the number.
func skipSymbols(s string) string {
	for i, r := range s {
		switch {
		case unicode.IsSpace(r), unicode.Is(unicode.So, r), unicode.Is(unicode.Sk, r),
			r == '\u200d', r >= '\ufe00' && r <= '\ufe0f':
		default:
			return s[i:]
		}
	}
	return ""
}

// ParseNumber reads a bare number as the sidebar writes it ("1.2.3").
func ParseNumber(s string) (Number, bool) {
	if s == "" {
		return nil, false
	}
	var n Number
	for part := range strings.SplitSeq(strings.TrimSuffix(s, "."), ".") {
		if part == "" || len(part) > maxDigits || strings.Trim(part, "0123456789") != "" {
			return nil, false
		}
		v, _ := strconv.Atoi(part)
		n = append(n, v)
	}
	return n, true
}

// String writes the number as "1.2.3"; the empty number is "".
func (n Number) String() string {
	var b strings.Builder
	for i, v := range n {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(strconv.Itoa(v))
	}
	return b.String()
}

// Heading writes the number as a heading starts with it: a single part
// keeps its dot ("1."), as the corpus writes it.
func (n Number) Heading() string {
	if len(n) == 1 {
		return n.String() + "."
	}
	return n.String()
}

// Equal reports whether two numbers have the same parts.
func (n Number) Equal(m Number) bool {
	if len(n) != len(m) {
		return false
	}
	for i := range n {
		if n[i] != m[i] {
			return false
		}
	}
	return true
}

// Parent drops the last part; the parent of a one-part number is empty.
func (n Number) Parent() Number {
	if len(n) == 0 {
		return nil
	}
	return n[:len(n)-1]
}

// Child appends a part, without sharing memory with n.
func (n Number) Child(i int) Number {
	return append(append(Number(nil), n...), i)
}

// Next is the following sibling: 1.2 → 1.3.
func (n Number) Next() Number {
	if len(n) == 0 {
		return nil
	}
	m := append(Number(nil), n...)
	m[len(m)-1]++
	return m
}

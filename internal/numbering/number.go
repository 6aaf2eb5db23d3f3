// Package numbering reads the numbers authors write by hand at the start of
// headings ("# 14. 安装", "## 1 概述", "### 1.1 …", "#### 1. Eric Evans")
// and, from all of a page's headings together, the numbering scheme the page
// follows. It is the one model of hand numbering that the sidebar, the
// checks and `docsite fix` share; it knows nothing of Markdown or files.
package numbering

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Number is a hand-written section number: "1.2.3" is {1, 2, 3}.
type Number []int

// maxDigits bounds one part: a part of four digits is a year ("2025 年") or
// a quantity ("1000 QPS"), never a section.
const maxDigits = 3

// Token is a number as written at the start of a heading.
type Token struct {
	Number Number
	Rest   string // the text after the number
	// Bare marks a single part with no dot ("1 概述"). It is a section
	// number only where other headings show the page numbers that way;
	// alone it is as likely prose ("7 层 4 域模型").
	Bare bool
}

// Parse reads the number at the start of a heading text. A number is one or
// more parts of one to three ASCII digits joined by '.', optionally ending
// in '.', followed by white space (and more text) — "1. 总览", "1.2.1 理念",
// "1 概述". Leading emoji are skipped ("🎯 1.2 目标"). Nothing else is a
// section number: not a year or quantity ("2025 年", "1000+"), a date
// ("2025-11-04", "11 月"), a version ("v1.30") or a factor ("3×").
func Parse(text string) (Token, bool) {
	s := skipSymbols(text)
	var n Number
	i, dotted := 0, false
	for {
		j := i
		for j < len(s) && '0' <= s[j] && s[j] <= '9' {
			j++
		}
		if j == i || j-i > maxDigits {
			return Token{}, false
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
	r, _ := utf8.DecodeRuneInString(s[i:])
	if i == len(s) || !unicode.IsSpace(r) {
		return Token{}, false // "3×", "1000+", "2025-11", or a number alone
	}
	rest := strings.TrimSpace(s[i:])
	bare := len(n) == 1 && !dotted
	if bare && isDateUnit(rest) {
		return Token{}, false
	}
	return Token{Number: n, Rest: rest, Bare: bare}, true
}

// isDateUnit reports a bare number that reads as a date: "11 月", "4 日".
func isDateUnit(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return r == '年' || r == '月' || r == '日' || r == '号'
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

// Split returns the text before the number (emoji, spaces), the number as
// written and the text after it, so a label or an edit can keep the rest.
func Split(text string) (lead, number, rest string, ok bool) {
	t, ok := Parse(text)
	if !ok {
		return "", "", text, false
	}
	s := skipSymbols(text)
	lead = text[:len(text)-len(s)]
	end := strings.IndexFunc(s, unicode.IsSpace)
	return lead, s[:end], t.Rest, true
}

// ParseNumber reads a bare number as the sidebar writes it ("1.2.3").
func ParseNumber(s string) (Number, bool) {
	if s == "" {
		return nil, false
	}
	var n Number
	for part := range strings.SplitSeq(strings.TrimSuffix(s, "."), ".") {
		if part == "" || len(part) > 9 || strings.Trim(part, "0123456789") != "" {
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

// HasPrefix reports whether n starts with the parts of p.
func (n Number) HasPrefix(p Number) bool {
	return len(n) >= len(p) && n[:len(p)].Equal(p)
}

// Parent drops the last part; the parent of a one-part number is empty.
func (n Number) Parent() Number {
	if len(n) == 0 {
		return nil
	}
	return n[:len(n)-1]
}

// Last is the last part, 0 for the empty number.
func (n Number) Last() int {
	if len(n) == 0 {
		return 0
	}
	return n[len(n)-1]
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

// Rebase replaces the prefix old of n with new: 2.1.3 from 2 to 3 is 3.1.3.
func (n Number) Rebase(old, new Number) Number {
	if !n.HasPrefix(old) {
		return n
	}
	return append(append(Number(nil), new...), n[len(old):]...)
}

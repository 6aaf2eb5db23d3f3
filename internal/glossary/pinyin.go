package glossary

import (
	"bytes"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// The first-level characters of GB2312 (codes B0A1–D7F9, 3,755 of the most
// common hanzi) are ordered by pinyin, so the first character of each
// initial marks where that initial begins. Comparing a character's GB2312
// code against these boundaries gives its pinyin initial with no
// dictionary. No syllable starts with I, U or V.
//
// It is approximate: a polyphonic character gets the initial of the reading
// GB2312 sorted it by (调 → D, not T), and characters outside the first
// level (rarer hanzi, GBK extensions, traditional forms) have no initial
// and are grouped with the other terms.
var pinyinStarts = [...]struct {
	code    uint16
	initial byte
}{
	{0xB0A1, 'A'}, // 啊
	{0xB0C5, 'B'}, // 芭
	{0xB2C1, 'C'}, // 擦
	{0xB4EE, 'D'}, // 搭
	{0xB6EA, 'E'}, // 蛾
	{0xB7A2, 'F'}, // 发
	{0xB8C1, 'G'}, // 噶
	{0xB9FE, 'H'}, // 哈
	{0xBBF7, 'J'}, // 击
	{0xBFA6, 'K'}, // 喀
	{0xC0AC, 'L'}, // 垃
	{0xC2E8, 'M'}, // 妈
	{0xC4C3, 'N'}, // 拿
	{0xC5B6, 'O'}, // 哦
	{0xC5BE, 'P'}, // 啪
	{0xC6DA, 'Q'}, // 期
	{0xC8BB, 'R'}, // 然
	{0xC8F6, 'S'}, // 撒
	{0xCBFA, 'T'}, // 塌
	{0xCDDA, 'W'}, // 挖
	{0xCEF4, 'X'}, // 昔
	{0xD1B9, 'Y'}, // 压
	{0xD4D1, 'Z'}, // 匝
}

// lastLevel1 is the code of 座, the last first-level character.
const lastLevel1 = 0xD7F9

// Initial returns the pinyin initial ('A'–'Z') of a Chinese character, or 0
// when it has none that the GB2312 ordering can tell.
func Initial(r rune) byte {
	code, ok := gbCode(r)
	if !ok || code < pinyinStarts[0].code || code > lastLevel1 {
		return 0
	}
	i := sort.Search(len(pinyinStarts), func(i int) bool { return pinyinStarts[i].code > code })
	return pinyinStarts[i-1].initial
}

// gbCode is the two-byte GBK code of r.
func gbCode(r rune) (uint16, bool) {
	if r < utf8.RuneSelf || !isCJK(r) {
		return 0, false
	}
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(string(r)))
	if err != nil || len(b) != 2 {
		return 0, false
	}
	return uint16(b[0])<<8 | uint16(b[1]), true
}

// group kinds, in page order.
const (
	groupLatin = iota
	groupChinese
	groupOther
)

// groupOf places a term on the glossary page: its kind and heading letter.
func groupOf(term string) (kind int, letter byte) {
	r, _ := utf8.DecodeRuneInString(term)
	switch {
	case 'a' <= r && r <= 'z':
		return groupLatin, byte(r) - 'a' + 'A'
	case 'A' <= r && r <= 'Z':
		return groupLatin, byte(r)
	}
	if c := Initial(r); c != 0 {
		return groupChinese, c
	}
	return groupOther, '#'
}

// sortKey orders Chinese text by GBK code, which is pinyin order for common
// characters; other runes keep their UTF-8 bytes after them.
func sortKey(s string) []byte {
	var b []byte
	for _, r := range s {
		if c, ok := gbCode(r); ok {
			b = append(b, byte(c>>8), byte(c))
			continue
		}
		b = append(b, 0xFE)
		b = utf8.AppendRune(b, r)
	}
	return b
}

// sortTerms puts terms in page order: Latin A–Z ignoring case, Chinese by
// pinyin, the rest by code point; equal keys keep the order given.
func sortTerms(ts []*Term) {
	type keyed struct {
		t      *Term
		kind   int
		letter byte
		sort   []byte
	}
	ks := make([]keyed, len(ts))
	for i, t := range ts {
		k := keyed{t: t}
		k.kind, k.letter = groupOf(t.Term)
		if k.kind == groupChinese {
			k.sort = sortKey(t.Term)
		} else {
			k.sort = []byte(strings.ToLower(t.Term))
		}
		ks[i] = k
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		switch {
		case a.kind != b.kind:
			return a.kind - b.kind
		case a.letter != b.letter:
			return int(a.letter) - int(b.letter)
		}
		if c := bytes.Compare(a.sort, b.sort); c != 0 {
			return c
		}
		return strings.Compare(a.t.Term, b.t.Term)
	})
	for i := range ks {
		ts[i] = ks[i].t
	}
}

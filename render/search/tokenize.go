package search

import (
	"unicode"
	"unicode/utf8"
)

// Token is one index term found in a text, with where it came from so that a
// client can highlight it.
type Token struct {
	Term string // the folded term as stored in the index
	Pos  int    // offset in the input, in code points
	Len  int    // length in the input, in code points
	// Slot counts terms rather than code points, so that adjacency is the
	// same for words and characters: each Han character and each word takes
	// one slot (a bigram has its first character's), and a run of
	// punctuation one more, so that a phrase never spans it.
	Slot int
}

// maxWord caps the length of a Latin term. Long runs are hashes or glued
// identifiers; nobody types them out, and they would bloat the index.
const maxWord = 40

// Tokenize splits text into index terms. Han, Kana and Hangul are written
// without spaces, so each such character is a term and so is each pair of
// neighbours (overlapping bigrams): a query typed without spaces then meets
// the same bigrams the page was indexed with. Letters and digits of other
// scripts form words, lower-cased, with full-width ASCII folded to ASCII.
// Everything else (spaces, punctuation, emoji) separates terms.
//
// The browser client (themes/default/assets/js/search.js) carries a copy of
// this function; the two must agree term for term, which js_test.go checks.
func Tokenize(text string) []Token {
	var toks []Token
	scan(text, func(term []byte, _ uint64, pos, n, slot int) {
		toks = append(toks, Token{Term: string(term), Pos: pos, Len: n, Slot: slot})
	})
	return toks
}

// scan is Tokenize without allocation: emit gets each term in a buffer that
// is only valid during the call. Build uses it directly. For CJK terms, key
// is a number that identifies the term (one or two code points) and is
// cheaper to look up than the bytes; for words it is 0.
func scan(text string, emit func(term []byte, key uint64, pos, n, slot int)) {
	var (
		word     []byte // folded UTF-8 of the current word, up to maxWord runes
		wordRune int    // runes kept in word
		wordPos  int
		wordLen  int // runes of the word in the input
		pair     [2 * utf8.UTFMax]byte
		prevCJK  rune = -1 // previous rune, if it was CJK
		pos      int
		slot     int
		gap      bool // punctuation since the last slot
	)
	next := func() int {
		if gap {
			slot++
			gap = false
		}
		slot++
		return slot - 1
	}
	endWord := func() {
		if wordLen > 0 {
			emit(stem(word), 0, wordPos, wordLen, next())
			word, wordRune, wordLen = word[:0], 0, 0
		}
	}
	for _, r := range text {
		r = fold(r)
		switch {
		case isCJK(r):
			endWord()
			at := next()
			if prevCJK >= 0 {
				n := utf8.EncodeRune(pair[:], prevCJK)
				n += utf8.EncodeRune(pair[n:], r)
				emit(pair[:n], uint64(prevCJK)<<21|uint64(r), pos-1, 2, at-1)
			}
			n := utf8.EncodeRune(pair[:], r)
			emit(pair[:n], uint64(r), pos, 1, at)
			prevCJK = r
		case isWord(r) || (wordLen > 0 && unicode.IsMark(r)):
			prevCJK = -1
			if wordLen == 0 {
				wordPos = pos
			}
			if wordRune < maxWord {
				word = utf8.AppendRune(word, r)
				wordRune++
			}
			wordLen++
		default:
			endWord()
			prevCJK = -1
			gap = gap || !unicode.IsSpace(r)
		}
		pos++
	}
	endWord()
}

// stem folds a plain English plural to its singular with the S-stemmer
// (Harman 1991): policies → policy, cgroups → cgroup, caches → cache, but
// class, status and analysis stay. Only lower-case ASCII words of four
// letters or more are touched; anything with a digit is a name.
func stem(w []byte) []byte {
	n := len(w)
	if n < 4 || w[n-1] != 's' {
		return w
	}
	for _, c := range w {
		if c < 'a' || c > 'z' {
			return w
		}
	}
	switch {
	case w[n-2] == 'e' && w[n-3] == 'i' && w[n-4] != 'e' && w[n-4] != 'a':
		return append(w[:n-3], 'y')
	case w[n-2] == 'e' && (w[n-3] == 'a' || w[n-3] == 'e' || w[n-3] == 'o'):
		return w
	case w[n-2] == 'u' || w[n-2] == 's' || w[n-2] == 'i':
		return w
	}
	return w[:n-1]
}

// fold maps full-width ASCII to ASCII and lower-cases, one code point at a
// time (so that the JavaScript copy can do exactly the same).
func fold(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		r -= 0xFEE0
	}
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	if r >= 0x3040 && r <= 0x9FFF || r >= 0xAC00 && r <= 0xD7A3 {
		return r // Kana, Han, Hangul: no case, and most of the text
	}
	return unicode.ToLower(r)
}

// cjkRanges lists the scripts written without spaces between words: Han,
// Hiragana, Katakana (with its prolonged-sound mark, which Unicode files
// under Common) and Hangul. The ranges are explicit rather than taken from
// unicode.Han and friends so that the JavaScript copy matches exactly
// whatever Unicode version each side ships.
var cjkRanges = [][2]rune{
	{0x1100, 0x11FF},   // Hangul Jamo
	{0x2E80, 0x2FDF},   // CJK and Kangxi radicals
	{0x3005, 0x3005},   // 々
	{0x3007, 0x3007},   // 〇
	{0x3021, 0x3029},   // Hangzhou numerals
	{0x3038, 0x303B},   // more Hangzhou numerals, 〻
	{0x3041, 0x309F},   // Hiragana
	{0x30A1, 0x30FA},   // Katakana (not ゠ or the middle dot ・)
	{0x30FC, 0x30FF},   // ー and Katakana iteration marks
	{0x3131, 0x318E},   // Hangul compatibility Jamo
	{0x31F0, 0x31FF},   // Katakana phonetic extensions
	{0x3400, 0x4DBF},   // CJK extension A
	{0x4E00, 0x9FFF},   // CJK unified ideographs
	{0xA960, 0xA97F},   // Hangul Jamo extended A
	{0xAC00, 0xD7A3},   // Hangul syllables
	{0xD7B0, 0xD7FF},   // Hangul Jamo extended B
	{0xF900, 0xFAFF},   // CJK compatibility ideographs
	{0xFF66, 0xFF9F},   // half-width Katakana
	{0x20000, 0x323AF}, // CJK extensions B to H, compatibility supplement
}

func isCJK(r rune) bool {
	if r < 0x1100 {
		return false
	}
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	for _, g := range cjkRanges {
		if r < g[0] {
			return false
		}
		if r <= g[1] {
			return true
		}
	}
	return false
}

func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || '0' <= r && r <= '9' // fold made it lower-case
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isCJKTerm reports whether a term is Han text (a bigram or a lone character).
func isCJKTerm(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return isCJK(r)
}

package glossary

import (
	"bytes"
	"slices"
	"unicode"
	"unicode/utf8"
)

// matcher finds terms in text. Patterns are bucketed by their first rune
// (lower-cased for Latin letters), longest first, so a scan costs one array
// or bitmap probe per character and a few byte comparisons where a term
// may start. On the corpus shape (80 terms, pages of mostly Chinese prose)
// this beats building an automaton, whose states would mostly be one path
// per term anyway.
type matcher struct {
	ascii [utf8.RuneSelf][]*pattern
	// second has bit c set in second[k] when a pattern of the ASCII bucket
	// k has c (lower-cased) as its second byte, or any bit when one has
	// none: with hundreds of terms most word starts are ruled out by this
	// one probe instead of a comparison per term of the bucket.
	second [utf8.RuneSelf][4]uint64
	other  map[rune][]*pattern
	// maybe has bit r&0xFFFF set for every key of other, so most Chinese
	// characters, which start no term, skip the map lookup.
	maybe [1 << 16 / 64]uint64
}

type pattern struct {
	text    []byte
	term    *Term
	fold    bool // compare ignoring case
	wordEnd bool // the term ends in a word character: needs a boundary after
}

// match is one term found at [start, end) of the scanned text.
type match struct {
	start, end int
	p          *pattern
}

func newMatcher(terms []*Term) *matcher {
	m := &matcher{other: map[rune][]*pattern{}}
	for _, t := range terms {
		if t.Term == "" {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(t.Term)
		p := &pattern{text: []byte(t.Term), term: t, fold: t.Fold, wordEnd: isWord(last)}
		first, _ := utf8.DecodeRuneInString(t.Term)
		k := bucket(first)
		if k < utf8.RuneSelf {
			m.ascii[k] = append(m.ascii[k], p)
			if len(p.text) < 2 {
				m.second[k] = [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
			} else {
				c := lower(p.text[1]) // looked up lower-cased too
				m.second[k][c/64] |= 1 << (c % 64)
			}
		} else {
			m.other[k] = append(m.other[k], p)
			m.maybe[(k&0xFFFF)/64] |= 1 << (k & 63)
		}
	}
	order := func(a, b *pattern) int {
		if len(a.text) != len(b.text) {
			return len(b.text) - len(a.text) // longest first: CRI-O before CRI
		}
		if a.fold != b.fold {
			if a.fold {
				return 1 // an exact spelling beats a caseless one
			}
			return -1
		}
		return bytes.Compare(a.text, b.text)
	}
	for i := range m.ascii {
		slices.SortFunc(m.ascii[i], order)
	}
	for _, ps := range m.other {
		slices.SortFunc(ps, order)
	}
	return m
}

// bucket is the key a pattern is filed under and a character looked up by.
func bucket(r rune) rune {
	switch {
	case 'A' <= r && r <= 'Z':
		return r + 'a' - 'A'
	case r < utf8.RuneSelf || isCJK(r):
		return r
	}
	return unicode.ToLower(r)
}

// find appends to out the leftmost-longest term matches in b, never
// overlapping. before and after are the characters just outside b (0 for
// none): a term that starts (ends) with a word character must not touch
// another word character there, so K8s matches in "使用K8s部署" and
// "K8s." but not in "K8sCluster" or "myK8s".
func (m *matcher) find(b []byte, before, after rune, out []match) []match {
	prev := before
	for i := 0; i < len(b); {
		c := b[i]
		r, size := rune(c), 1
		var list []*pattern
		if c < utf8.RuneSelf {
			if prev < utf8.RuneSelf && isWord(prev) && isWord(r) {
				prev, i = r, i+1 // inside a word, where no term starts
				continue
			}
			k := bucket(r)
			if list = m.ascii[k]; list != nil && i+1 < len(b) {
				if c2 := lower(b[i+1]); m.second[k][c2/64]&(1<<(c2%64)) == 0 {
					list = nil
				}
			}
		} else {
			r, size = decode(b, i)
			if m.maybe[(r&0xFFFF)/64]&(1<<(r&63)) != 0 {
				list = m.other[bucket(r)]
			}
		}
		// A term never starts inside a word, nor right after a backslash or
		// '&', where splitting the text would change an escape or entity.
		if list != nil && !(isWord(r) && isWord(prev)) && prev != '\\' && prev != '&' && !dotted(b[:i]) {
			if p := m.at(b, i, list, after); p != nil {
				end := i + len(p.text)
				out = append(out, match{i, end, p})
				prev, _ = utf8.DecodeLastRune(b[i:end])
				i = end
				continue
			}
		}
		prev = r
		i += size
	}
	return out
}

// at returns the longest pattern of list that matches b at i.
func (m *matcher) at(b []byte, i int, list []*pattern, after rune) *pattern {
	for _, p := range list {
		end := i + len(p.text)
		if end > len(b) {
			continue
		}
		if p.fold {
			if !bytes.EqualFold(b[i:end], p.text) {
				continue
			}
		} else if !bytes.Equal(b[i:end], p.text) {
			continue
		}
		if p.wordEnd {
			next := after
			if end < len(b) {
				next, _ = utf8.DecodeRune(b[end:])
			}
			if isWord(next) {
				continue
			}
		}
		if inName(b[end:]) {
			continue
		}
		return p
	}
	return nil
}

// decode is utf8.DecodeRune with the three-byte case (all of Chinese) done
// inline: it is most of what the matcher does on a Chinese page.
func decode(b []byte, i int) (rune, int) {
	if c := b[i]; c&0xF0 == 0xE0 && i+2 < len(b) && b[i+1]&0xC0 == 0x80 && b[i+2]&0xC0 == 0x80 {
		r := rune(c&0x0F)<<12 | rune(b[i+1]&0x3F)<<6 | rune(b[i+2]&0x3F)
		if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
			return r, 3
		}
	}
	return utf8.DecodeRune(b[i:])
}

// dotted reports whether text before a term ends in a word and a dot, so
// the term would be the tail of a file or host name: policy.rego, k8s.io.
func dotted(before []byte) bool {
	n := len(before)
	if n < 2 || before[n-1] != '.' {
		return false
	}
	r, _ := utf8.DecodeLastRune(before[:n-1])
	return isWord(r)
}

// inName reports whether the text after a term makes it part of a longer
// name: a dot and a word (k8s.io, policy.rego) or a hyphen and a single
// letter or digit (CRI-O, which is not CRI).
func inName(after []byte) bool {
	if len(after) < 2 || after[0] != '.' && after[0] != '-' {
		return false
	}
	r, size := utf8.DecodeRune(after[1:])
	if !isWord(r) {
		return false
	}
	if after[0] == '.' {
		return true
	}
	next, _ := utf8.DecodeRune(after[1+size:])
	return 1+size == len(after) || !isWord(next)
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

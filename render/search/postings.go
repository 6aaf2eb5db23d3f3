package search

import (
	"errors"
	"math"
)

// Posting lists are strings of base-64 digits rather than JSON arrays of
// numbers: a third of the size, and as quick to read in JavaScript. Every
// number is a varint: little-endian groups of 5 bits, one digit each, with
// 32 added to every digit but the last.
//
// A term's value in its shard is "<sections>" or "<sections>.<titles>".
// Sections: per section that holds the term, in order,
//
//	gap  len  hc  bc  [hc heading slots] [bc body slots]
//
// where gap is the distance in global section ids from the previous posting
// (the first counts from 0), len the body's length class (see lenClass), hc
// and bc the occurrences in the heading and the body, and the slots (see
// Token.Slot) delta-coded within each field, so that a client can tell a
// phrase from its bigrams scattered. A single CJK character has no slots,
// and one posting per page.
//
// Titles: per page whose title holds the term,
//
//	gap  words  count  [count slots]
//
// with gap in pages and words the title's length in slots.
const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"

var digitValue = func() (v [256]int8) {
	for i := range v {
		v[i] = -1
	}
	for i := range len(digits) {
		v[digits[i]] = int8(i)
	}
	return v
}()

func appendVarint(b []byte, v uint32) []byte {
	for v >= 32 {
		b = append(b, digits[32|v&31])
		v >>= 5
	}
	return append(b, digits[v])
}

// appendSlots delta-codes ascending slots.
func appendSlots(b []byte, slots []int32) []byte {
	prev := int32(0)
	for _, s := range slots {
		b = appendVarint(b, uint32(s-prev))
		prev = s
	}
	return b
}

// lenClass buckets a body length (in terms) in half powers of two: one digit
// in the posting instead of a table of every section's length in meta.json.
func lenClass(n int) uint32 {
	return uint32(min(31, math.Round(2*math.Log2(float64(n)+1))))
}

// classLen is the length a client assumes for a class.
func classLen(c int) float64 { return math.Pow(2, float64(c)/2) - 1 }

var errPostings = errors.New("search: malformed posting list")

func readVarint(s string) (v, n int, err error) {
	for shift := 0; n < len(s) && shift < 35; shift += 5 {
		d := int(digitValue[s[n]])
		n++
		if d < 0 {
			break
		}
		v |= (d & 31) << shift
		if d < 32 {
			return v, n, nil
		}
	}
	return 0, 0, errPostings
}

// varints reads a string of varints.
func varints(s string) ([]int, error) {
	var out []int
	for i := 0; i < len(s); {
		v, n, err := readVarint(s[i:])
		if err != nil {
			return nil, err
		}
		out = append(out, v)
		i += n
	}
	return out, nil
}

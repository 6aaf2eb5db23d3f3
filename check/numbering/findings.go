package numbering

import "docsite/internal/numbering"

// Problem is what one finding says is wrong with a heading's number.
type Problem uint8

const (
	// Repeated: the same number as the sibling before it.
	Repeated Problem = iota + 1
	// Skipped: a number left out after the sibling before it.
	Skipped
	// OutOfOrder: lower than the sibling before it.
	OutOfOrder
	// NotFirst: the first of its siblings, numbered neither 0 nor 1.
	NotFirst
	// NotUnder: not numbered under its parent's number.
	NotUnder
	// LevelSkipped: a number with a part more than its place allows, as if
	// a level between it and its parent were missing.
	LevelSkipped
	// TitleDiffers: the H1's number differs from the one its sections
	// extend.
	TitleDiffers
)

// sequence problems are the ones renumbering repairs.
func (p Problem) sequence() bool { return p <= NotFirst }

// Finding is one mistake within a page's own scheme.
type Finding struct {
	Head    int // index in the page's headings
	Problem Problem
	Want    numbering.Number // the number expected; nil when none is certain
	Ref     numbering.Number // what it was compared with: the sibling before, the parent
}

// Findings lists the mistakes within the scheme: each heading is compared
// only with the numbers written right before and above it, so one inserted
// or deleted section is one finding, not one per heading after it, and
// conventions (an H1 numbered apart from its sections, lists restarting
// under each heading) are never findings.
func Findings(sc *numbering.Scheme) []Finding {
	var out []Finding
	if t := sc.TitleNumber(); sc.Chapter() && !t.Equal(sc.Base) {
		out = append(out, Finding{Head: sc.Title, Problem: TitleDiffers, Want: sc.Base, Ref: t})
	}
	// highest[i]: the highest last part among heading i and the siblings
	// before it, so "1.4" after a swapped "1.3, 1.2" follows on.
	highest := make([]int, len(sc.Heads))
	for i, h := range sc.Heads {
		if h.Role != numbering.Section && h.Role != numbering.Item {
			continue
		}
		highest[i] = h.Number.Last()
		if h.Prev >= 0 {
			highest[i] = max(highest[i], highest[h.Prev])
		}
		if f, ok := check(sc, i, highest); ok {
			out = append(out, f)
		}
	}
	return out
}

// check compares one heading with its parent and the sibling before it.
func check(sc *numbering.Scheme, i int, highest []int) (Finding, bool) {
	h := sc.Heads[i]
	prefix, placed := expectedPrefix(sc, i)
	n := h.Number
	if placed {
		switch {
		case len(n) <= len(prefix) || !n.HasPrefix(prefix):
			want := prefix.Child(1)
			if p := h.Prev; p >= 0 && aligned(sc, p, prefix) {
				want = sc.Heads[p].Number.Next()
			} else if p >= 0 && sc.Heads[p].Number.Parent().Equal(n.Parent()) {
				return Finding{}, false // one finding for siblings misplaced together
			}
			return Finding{Head: i, Problem: NotUnder, Want: want, Ref: prefix}, true
		case len(n) > len(prefix)+1:
			if p := h.Prev; p >= 0 && sc.Heads[p].Number.Parent().Equal(n.Parent()) {
				return Finding{}, false // reported at the first of them
			}
			return Finding{Head: i, Problem: LevelSkipped, Ref: n[:len(prefix)+1], Want: prefix}, true
		}
	}
	if p := h.Prev; p >= 0 {
		prev := sc.Heads[p].Number
		if len(prev) != len(n) || !prev.Parent().Equal(n.Parent()) {
			return Finding{}, false // the sibling before is itself misplaced
		}
		want := prev.Next()
		switch {
		case n.Last() == prev.Last():
			return Finding{Head: i, Problem: Repeated, Want: want, Ref: prev}, true
		case n.Last() == highest[p]+1:
			return Finding{}, false
		case n.Last() > prev.Last()+1:
			return Finding{Head: i, Problem: Skipped, Want: want, Ref: prev}, true
		case n.Last() < prev.Last():
			return Finding{Head: i, Problem: OutOfOrder, Want: want, Ref: prev}, true
		}
		return Finding{}, false
	}
	// A first section right under the page may continue a numbering from
	// elsewhere ("## 18.14" on a page of its own); under a section or in a
	// list it must start from 1.
	if placed && n.Last() > 1+unnumberedBefore(sc, i) && (h.Parent >= 0 || h.Role == numbering.Item) {
		return Finding{Head: i, Problem: NotFirst, Want: n.Parent().Child(1), Ref: prefix}, true
	}
	return Finding{}, false
}

// expectedPrefix is the number a heading must extend: a section under a
// section extends its parent's, a section with none above it the prefix
// its group shares (numbering.Scheme.GroupPrefix), an item nothing.
func expectedPrefix(sc *numbering.Scheme, i int) (numbering.Number, bool) {
	h := sc.Heads[i]
	switch {
	case h.Role == numbering.Item:
		return nil, true
	case h.Parent >= 0:
		return sc.Heads[h.Parent].Number, true
	}
	return sc.GroupPrefix(i), true
}

// aligned reports whether heading p is numbered right under prefix.
func aligned(sc *numbering.Scheme, p int, prefix numbering.Number) bool {
	n := sc.Heads[p].Number
	return len(n) == len(prefix)+1 && n.HasPrefix(prefix)
}

// unnumberedBefore counts the unnumbered headings at heading i's level
// between it and its parent: an author may count "### 🎯 核心主题" as the
// 1.1 that the "### 1.2" after it follows.
func unnumberedBefore(sc *numbering.Scheme, i int) int {
	h, k := sc.Heads[i], 0
	for j := i - 1; j >= 0 && j != h.Parent && sc.Heads[j].Level >= h.Level; j-- {
		if sc.Heads[j].Level == h.Level && sc.Heads[j].Number == nil {
			k++
		}
	}
	return k
}

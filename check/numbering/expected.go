package numbering

import (
	"docsite/render/site"
)

// Problem says what is wrong with one heading's number.
type Problem int

const (
	// OK: the number is what a renumbering gives it.
	OK Problem = iota
	// Shifted: the number is wrong only because an earlier heading's is —
	// it follows on from the heading written before it. Renumbering fixes
	// it; Check counts it against the heading where the mistake starts
	// instead of reporting it.
	Shifted
	// Sequence: out of sequence among its siblings (2.3 after 2.1).
	Sequence
	// Parent: numbered under another parent (2.1.1 under 2.3).
	Parent
	// Start: a top-level heading not numbered from the page's own number
	// (3.1 in a page numbered 2).
	Start
	// Depth: more or fewer parts than the heading level calls for (an H3
	// numbered 2.1 where H2s are 2.x).
	Depth
	// Skip: a heading level is missing above it (an H3 right under the H1).
	Skip
	// Title: the H1 number differs from the base given WithBase.
	Title
)

// Entry is one numbered heading with the number it should have.
type Entry struct {
	Heading int    // index in Page.Headings
	Have    Number // as written
	Want    Number // what a correct renumbering gives
	Rest    string // heading text after the number
	Problem Problem
	// Prev is the previous sibling's number as written (nil for a first
	// child) and Parent the enclosing number it was compared with; they let
	// messages say "after 2.1" or "under 2.3".
	Prev, Parent Number
	// Level is the heading level that a Skip entry is missing above it.
	Missing int
	// Follow counts the Shifted entries after this one that follow on from
	// its mistake: they are renumbered with it.
	Follow int
}

// Option changes how Expected numbers a page.
type Option func(*options)

type options struct {
	base    Number
	hasBase bool
}

// WithBase numbers the page from n (for instance its sidebar number) rather
// than from its own H1. The H1 then gets Want n, and Problem Title when it
// differs. A page whose H1 has no number and whose headings count from 1
// ("## 1.", "## 2.") keeps counting from 1.
func WithBase(n Number) Option {
	return func(o *options) { o.base, o.hasBase = n, true }
}

// Expected returns an entry for every numbered heading of p, the H1 first
// when it has a number, in page order.
//
// The rules, in terms a user can check by hand:
//
//   - The page's number is the one in its H1 ("# 4.1 …" → 4.1). When the H1
//     has none, its headings may either count from 1 ("## 1.", "### 1.1") or
//     from the sidebar number; whichever most top-level headings use wins,
//     and a page whose H1 has no number and whose headings use neither is
//     numbered from the sidebar.
//   - Depth follows level, relative to the shallowest numbered heading below
//     the H1: with H1 "1." and numbered H2s, an H2 is 1.x and an H3 1.x.y; in
//     a page whose numbers start at H3, the H3s are the top level.
//   - Unnumbered headings ("## 参考", "## 📑 目录") are allowed anywhere and
//     leave the sequence alone — except that numbered headings right under an
//     unnumbered one that count from 1 ("## 步骤" then "### 1.", "### 2.") are
//     a list of their own and are checked only among themselves.
//   - Other H1s after the first are not part of the numbering.
//
// Want is computed from counters, never from what the author wrote, so it is
// the renumbering `docsite fix` applies; Problem is set only where the
// written number stops following from the one written before it.
func Expected(p *site.Page, opts ...Option) []Entry {
	var o options
	for _, f := range opts {
		f(&o)
	}
	title, titleNum := titleHeading(p)
	items, locals := collect(p, title)

	var out []Entry
	if title >= 0 && titleNum != nil {
		e := Entry{Heading: title, Have: titleNum, Want: titleNum}
		_, e.Rest, _ = Parse(p.Headings[title].Text)
		if o.hasBase {
			e.Want = o.base
			if !e.Have.Equal(e.Want) {
				e.Problem = Title
			}
		}
		out = append(out, e)
	}

	// Global scope first, then each local list; merged back in page order.
	var global []item
	scopes := map[int][]item{}
	for _, it := range items {
		if it.scope == 0 {
			global = append(global, it)
		} else {
			scopes[it.scope] = append(scopes[it.scope], it)
		}
	}
	byHeading := map[int]Entry{}
	top := topLevel(global)
	if fitsTitle(global, titleNum) {
		top = 2
	}
	written := writtenBase(global, top)
	base := pageBase(p, titleNum, written, o)
	for _, e := range number(global, top, base, written) {
		byHeading[e.Heading] = e
	}
	for _, list := range joinLists(scopes, locals) {
		top := topLevel(list)
		for _, e := range number(list, top, nil, writtenBase(list, top)) {
			byHeading[e.Heading] = e
		}
	}
	for _, it := range items {
		out = append(out, byHeading[it.heading])
	}
	return out
}

// joinLists returns the local lists in page order, joining a list to the
// one before it when it carries on its count ("## 第一部分" with "### 1.",
// "### 2.", then "## 第二部分" with "### 3."): authors both restart and
// continue such lists, and neither is a mistake.
func joinLists(scopes map[int][]item, n int) [][]item {
	var lists [][]item
	for s := 1; s <= n; s++ {
		next := scopes[s]
		if k := len(lists); k > 0 && continues(lists[k-1], next[0]) {
			lists[k-1] = append(lists[k-1], next...)
			continue
		}
		lists = append(lists, next)
	}
	return lists
}

func continues(prev []item, first item) bool {
	top := topLevel(prev)
	if first.level != top || len(first.have) != 1 || first.have[0] == 1 {
		return false
	}
	for i := len(prev) - 1; i >= 0; i-- {
		if prev[i].level == top {
			return len(prev[i].have) == 1 && prev[i].have[0]+1 == first.have[0]
		}
	}
	return false
}

// pageBase decides the number the page's top-level headings count from.
func pageBase(p *site.Page, titleNum, written Number, o options) Number {
	sidebar, hasSidebar := sidebarNumber(p)
	switch {
	case titleNum == nil && len(written) == 0:
		return nil // "## 1.", "## 2." under an unnumbered H1
	case o.hasBase:
		return o.base
	case titleNum != nil:
		return titleNum
	case hasSidebar:
		return sidebar
	}
	return written
}

// sidebarNumber is the page's number by position; the home page has none.
func sidebarNumber(p *site.Page) (Number, bool) {
	if p.Nav == nil || p.Nav.Parent == nil {
		return nil, false
	}
	return ParseNumber(p.Nav.Number)
}

// titleHeading finds the page's H1 among its headings and its number.
func titleHeading(p *site.Page) (int, Number) {
	if p.H1 == "" {
		return -1, nil
	}
	for i, h := range p.Headings {
		if h.Level == 1 && h.Offset == p.H1Offset {
			n, _, _ := Parse(h.Text)
			return i, n
		}
	}
	return -1, nil
}

// item is one numbered heading below the H1, with the scope it is counted
// in: 0 for the page, n > 0 for the n-th list under an unnumbered heading.
type item struct {
	heading int
	level   int
	have    Number
	rest    string
	scope   int
}

// undecided marks, in the first pass, lists that may turn out local.
const undecided = -1

// collect lists the numbered headings below the H1 and splits off the lists
// that count from 1 under an unnumbered heading. It walks twice: the first
// walk finds the headings that certainly belong to the page, which tell what
// depth the page's own numbering gives each level; the second decides each
// candidate list — local unless the page itself would give its level a
// one-part number (an unnumbered H1 over "## 1.", "## 2.").
func collect(p *site.Page, title int) (items []item, locals int) {
	var sure []item
	for _, it := range walk(p, title, func(first item) int {
		if len(first.have) == 1 {
			return undecided
		}
		return 0
	}) {
		if it.scope == 0 {
			sure = append(sure, it)
		}
	}
	_, titleNum := titleHeading(p)
	baseLen := len(titleNum)
	if titleNum == nil {
		baseLen = len(writtenBase(sure, topLevel(sure)))
	}
	top := topLevel(sure)
	items = walk(p, title, func(first item) int {
		if len(first.have) != 1 || (len(sure) > 0 && baseLen == 0 && first.level == top) {
			return 0
		}
		locals++
		return locals
	})
	return items, locals
}

// walk lists the numbered headings below the H1 with their scopes. decide
// is asked once per unnumbered heading of the page's scope that has numbered
// headings right under it, with the first of them, and returns the scope
// they and everything below them are counted in.
func walk(p *site.Page, title int, decide func(first item) int) []item {
	type open struct {
		level      int
		numbered   bool
		scope      int
		decided    bool
		childScope int
	}
	var items []item
	var stack []*open
	for i, h := range p.Headings {
		if i == title || h.Level < 2 {
			continue
		}
		for len(stack) > 0 && stack[len(stack)-1].level >= h.Level {
			stack = stack[:len(stack)-1]
		}
		n, rest, numbered := Parse(h.Text)
		node := &open{level: h.Level, numbered: numbered}
		if len(stack) > 0 {
			parent := stack[len(stack)-1]
			node.scope = parent.scope
			if numbered && !parent.numbered && parent.scope == 0 {
				if !parent.decided {
					parent.decided = true
					parent.childScope = decide(item{heading: i, level: h.Level, have: n})
				}
				node.scope = parent.childScope
			}
		}
		if numbered {
			items = append(items, item{heading: i, level: h.Level, have: n, rest: rest, scope: node.scope})
		}
		stack = append(stack, node)
	}
	return items
}

// fitsTitle reports whether most of the shallowest numbered headings have
// the depth their level gives them below a numbered H1 — "# 1." over
// "### 1.2.1" with no H2 — so that levels count from H2 and the missing
// level is reported, rather than taking H3 as the page's top level.
func fitsTitle(items []item, title Number) bool {
	if title == nil || len(items) == 0 {
		return false
	}
	first, fit, all := topLevel(items), 0, 0
	for _, it := range items {
		if it.level == first {
			all++
			if len(it.have) == len(title)+it.level-1 && it.have[:len(title)].Equal(title) {
				fit++
			}
		}
	}
	return 2*fit > all
}

// topLevel is the shallowest level among items; depth counts from it.
func topLevel(items []item) int {
	top := 0
	for _, it := range items {
		if top == 0 || it.level < top {
			top = it.level
		}
	}
	return top
}

// writtenBase is the number the author's top-level headings count from: the
// prefix most of them share ("" for "## 1.", "## 2."; 4 for "## 4.1",
// "## 4.2"). Ties go to the first seen, so one typo cannot shift the page.
func writtenBase(items []item, top int) Number {
	first := topLevel(items)
	count := map[string]int{}
	var best Number
	bestN := 0
	for _, it := range items {
		depth := it.level - top + 1
		if it.level != first || len(it.have) < depth {
			continue
		}
		pre := it.have[:len(it.have)-depth]
		k := pre.String()
		count[k]++
		if count[k] > bestN {
			best, bestN = pre, count[k]
		}
	}
	return best
}

// number runs the counters over one scope. base is what the first top-level
// heading's number should extend (nil: count from 1); written is what the
// author's numbers extend, so that a heading that follows on from the one
// written before it is Shifted rather than reported.
func number(items []item, top int, base, written Number) []Entry {
	const maxRel = 8
	var count [maxRel + 1]int
	var have [maxRel + 1]Number // per depth: the last number written, or wanted where the written one is unusable
	var out []Entry
	reported := -1
	wantAt := func(r int) Number {
		n := append(Number(nil), base...)
		for k := 1; k <= r; k++ {
			n = append(n, count[k])
		}
		return n
	}
	for _, it := range items {
		r := min(it.level-top+1, maxRel)
		e := Entry{Heading: it.heading, Have: it.have, Rest: it.rest}
		for k := 1; k < r; k++ {
			if count[k] == 0 {
				count[k] = 1
				have[k] = wantAt(k)
				if e.Missing == 0 {
					e.Missing = top + k - 1
				}
			}
		}
		count[r]++
		for k := r + 1; k <= maxRel; k++ {
			count[k], have[k] = 0, nil
		}
		e.Want = wantAt(r)
		e.Parent = written
		if r > 1 {
			e.Parent = have[r-1]
		}
		e.Prev = have[r]
		local := e.Parent.Child(1)
		if e.Prev != nil {
			local = e.Prev.Next()
		}
		depthOK := len(it.have) == len(written)+r
		switch {
		case e.Missing > 0:
			e.Problem = Skip
		case it.have.Equal(e.Want):
			e.Problem = OK
		case depthOK && it.have.Equal(local) && reported >= 0:
			e.Problem = Shifted
			out[reported].Follow++
		case !depthOK:
			e.Problem = Depth
		case it.have.Equal(local) && r == 1:
			// It follows on from what was written before it, so the
			// written chain itself starts from the wrong number.
			e.Problem = Start
		case it.have.Equal(local):
			e.Problem = Parent
		case it.have.Parent().Equal(e.Parent):
			e.Problem = Sequence
		case r == 1:
			e.Problem = Start
		default:
			e.Problem = Parent
		}
		if e.Problem != OK && e.Problem != Shifted {
			reported = len(out)
		}
		if depthOK {
			have[r] = it.have
		} else {
			have[r] = e.Want
		}
		out = append(out, e)
	}
	return out
}

package numbering

import (
	"docsite/internal/site"
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
	// Missing is the heading level a Skip entry lacks above it (0 for
	// other entries).
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
//   - Depth follows level: a heading one level below the page's top level
//     has one more part. The top level is H2 — with H1 "1.", an H2 is 1.x and
//     an H3 1.x.y, and an H3 1.2.1 with no H2 above it skips a level — unless
//     the shallowest numbered headings are deeper and numbered as if they
//     were the top ("# 3." over "## 概述" and "### 3.1"): then they are.
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

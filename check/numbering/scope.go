package numbering

import (
	"docsite/internal/site"
)

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

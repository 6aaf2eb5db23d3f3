package graph

import (
	"cmp"
	"slices"

	"docsite/internal/site"
)

// Backlink is one page that links to another, with the sentence the link
// stands in.
type Backlink struct {
	From *site.Page
	// Context is the sentence around the link as plain text, at most about
	// ContextLen characters; "" when the link text was not found in it.
	Context string
	// Mark is the byte range of the link text inside Context.
	Mark [2]int
}

// ContextLen is the longest context kept, in characters; a longer sentence
// is cut around the link.
const ContextLen = 120

// Backlinks finds, for every page, the pages that link to it: one entry per
// linking page, in content order, the context taken from its first link to
// the page. Only links that resolve to a published page count (a link with
// a fragment counts for its page, a link to a folder for the folder's
// landing page); links from a page to itself do not.
func Backlinks(s *site.Site) map[*site.Page][]Backlink {
	order := contentOrder(s)
	out := map[*site.Page][]Backlink{}
	for _, from := range order.pages {
		linked := map[*site.Page]bool{}
		for i, l := range from.Links {
			to := linkTarget(s, from, l)
			if to == nil || to == from || linked[to] {
				continue
			}
			linked[to] = true
			ctx, mark := linkContext(from, i)
			out[to] = append(out[to], Backlink{From: from, Context: ctx, Mark: mark})
		}
	}
	// The outer loop already runs in content order; sorting again only
	// guards against a linking page that was not in the navigation.
	for _, bl := range out {
		slices.SortStableFunc(bl, func(a, b Backlink) int { return cmp.Compare(order.rank[a.From], order.rank[b.From]) })
	}
	return out
}

type ordering struct {
	pages []*site.Page
	rank  map[*site.Page]int
}

// contentOrder lists the published pages of every language, each language
// in sidebar order, the default language first.
func contentOrder(s *site.Site) ordering {
	o := ordering{rank: map[*site.Page]int{}}
	for _, lang := range s.Langs {
		for _, n := range s.Flat(lang) {
			if _, dup := o.rank[n.Page]; !dup && published(s, n.Page) {
				o.rank[n.Page] = len(o.pages)
				o.pages = append(o.pages, n.Page)
			}
		}
	}
	return o
}

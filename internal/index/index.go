// Package index is the stage between the one parse and the consumers: what
// needs more than one page — citation definitions and glossary terms before
// the parse, navigation, URLs, translations and the references and glossary
// lists after it. Build, serve and check run the same stage, and running it
// again gives the same site and the same findings.
package index

import (
	"slices"

	"docsite/internal/site"
)

// Prepare runs before any page is parsed: it indexes every citation
// definition, so citations resolve during the parse, and returns the
// glossary sources, which are parsed before the rest so the other pages
// can mark the terms they define.
func Prepare(s *site.Site) (sources, rest []*site.Page) {
	citations(s)
	return glossarySources(s)
}

// Site runs after every page is parsed. Drafts are left out unless drafts
// is true. It replaces what an earlier run made (the generated list pages,
// the index findings) instead of adding to it.
func Site(s *site.Site, drafts bool) {
	s.Pages = slices.DeleteFunc(s.Pages, func(p *site.Page) bool { return p.List })
	s.Navigate(drafts)
	Lists(s)
}

// Lists refreshes the references and glossary lists, which name the pages
// that cite and use what: after a page's citations or terms changed.
func Lists(s *site.Site) {
	for _, p := range s.Pages {
		if p.List {
			delete(s.ByURL, p.URL)
		}
		p.Appendix = ""
	}
	s.Pages = slices.DeleteFunc(s.Pages, func(p *site.Page) bool { return p.List })
	referencesPage(s)
	glossaryPages(s)
}

package build

import (
	"docsite/render/search"
	"docsite/render/site"
)

// SearchDocs turns the page model into the search index's input, in content
// order. Code blocks never reach it: the model's section text leaves them
// out. A hand-written table of contents is left out too, since it only
// repeats the headings that are indexed on their own.
func SearchDocs(s *site.Site) []search.Doc {
	var docs []search.Doc
	for _, lang := range s.Langs {
		for _, n := range s.Flat(lang) {
			p := n.Page
			if p.Generated || s.ByURL[p.URL] != p {
				continue
			}
			d := search.Doc{URL: s.Href(p.URL), Title: p.Title, Lang: p.Lang, Number: n.Number}
			for _, sec := range p.Text {
				if isTOCHeading(sec.Heading) {
					continue
				}
				d.Sections = append(d.Sections, search.Section{Heading: sec.Heading, Anchor: sec.Anchor, Level: sec.Level, Text: sec.Text})
			}
			docs = append(docs, d)
		}
	}
	return docs
}

// isTOCHeading recognises the headings hand-written tables of contents stand under.
func isTOCHeading(h string) bool {
	switch site.NavTitle(h) {
	case "目录", "📑 目录", "目 录", "Contents", "Table of Contents", "TOC":
		return true
	}
	return false
}

// SearchFiles builds the index files of the whole site.
func SearchFiles(s *site.Site) (map[string][]byte, search.Stats, error) {
	return search.Build(SearchDocs(s))
}

package index

import (
	"html/template"
	"path"

	"docsite/internal/citation"
	"docsite/internal/site"
	"docsite/internal/workers"
)

// referencesName is the file name of the references files, by default
// REFERENCES.md; docsite.yaml may name another.
func referencesName(s *site.Site) string {
	if s.Config.References != "" {
		return path.Base(s.Config.References)
	}
	return "REFERENCES.md"
}

// IsReferences reports whether p is one of the site's references files.
func IsReferences(s *site.Site, p *site.Page) bool {
	return !p.Generated && path.Base(p.Key) == referencesName(s)
}

// citations reads every definition of the site, line by line from the
// sources loaded, before any page is parsed: citations on every page then
// resolve during the one parse.
func citations(s *site.Site) {
	refs, locals := map[string][]citation.Def{}, map[string][]citation.Def{}
	// The loader read each page's definitions; a page made otherwise has
	// them read here, on all CPUs. The index is then made in page order.
	workers.Each(s.Pages, 0, func(p *site.Page) {
		if !p.Generated && !p.DefsRead {
			p.Defs, p.BadDefs = citation.ParseDefs(p.Source, p.BodyOffset)
			p.DefsRead = true
		}
	})
	for _, p := range s.Pages {
		if p.Generated {
			continue
		}
		defs := citation.Citations(p.Defs, IsReferences(s, p))
		if len(defs) == 0 {
			continue
		}
		if IsReferences(s, p) {
			refs[p.Path] = defs
		} else {
			locals[p.Path] = defs
		}
	}
	s.Citations = citation.NewIndex(refs, locals)
	s.ReferencesURL = "/references/"
	if p := s.ByPath[referencesName(s)]; p != nil {
		s.ReferencesURL = p.URL
	}
}

// referencesPage gives the site its references page once every page is
// parsed: the root REFERENCES.md itself, whose definition lines render as
// nothing, gets the full list after its own text; without one, a page is
// made at /references/ (outside the sidebar).
func referencesPage(s *site.Site) {
	lang := s.Config.Language
	if p := s.ByURL[s.ReferencesURL]; p != nil {
		p.Appendix = ReferencesBody(s, lang)
		return
	}
	if len(s.Citations.Keys()) == 0 {
		return
	}
	p := &site.Page{URL: s.ReferencesURL, Lang: lang, Generated: true, List: true, Title: referencesTitle(lang)}
	p.Body = template.HTML("<h1>" + template.HTMLEscapeString(p.Title) + "</h1>\n")
	p.Appendix = ReferencesBody(s, lang)
	s.Pages = append(s.Pages, p)
	s.ByURL[p.URL] = p
}

func referencesTitle(lang string) string {
	if len(lang) >= 2 && lang[:2] == "zh" {
		return "参考文献"
	}
	return "References"
}

// ReferencesBody is the body of the references page: every key with its
// anchor and the pages that cite it.
func ReferencesBody(s *site.Site, lang string) template.HTML {
	back := citation.Backlinks{}
	for _, p := range s.Pages {
		if s.ByURL[p.URL] == p {
			back.Add(p.Title, s.Href(p.URL), p.Cites)
		}
	}
	return citation.ReferencesPage(s.Citations, back, citation.PageOptions{Lang: lang,
		FileURL: func(f string) string {
			if q := s.ByPath[f]; q != nil {
				return s.Href(q.URL)
			}
			return ""
		}})
}

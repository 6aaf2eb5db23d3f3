package index

import (
	"cmp"
	"html/template"
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"docsite/internal/glossary"
	"docsite/internal/site"
)

// glossarySources splits the pages into glossary sources and the rest. A
// glossary file at the top of the content is the glossary page itself and
// takes its URL, /glossary/ (/en/glossary/ in English); a source anywhere
// else stays a page of its own.
func glossarySources(s *site.Site) (sources, rest []*site.Page) {
	top := map[string]bool{}
	for _, p := range s.Pages {
		if !p.Generated && glossary.IsSource(p.Path, p.Meta, s.Config.Glossary, p.Source[min(p.BodyOffset, len(p.Source)):]) {
			p.GlossarySource = true
			if p.Dir == "" && !p.Landing && !top[p.Lang] {
				top[p.Lang] = true
				p.URL = s.DirURL("", p.Lang) + "glossary/"
			}
			sources = append(sources, p)
		} else {
			rest = append(rest, p)
		}
	}
	// The default language's wording is the one kept for a term defined in
	// both languages, so its files come first.
	slices.SortStableFunc(sources, func(a, b *site.Page) int {
		return cmp.Compare(boolInt(a.Lang != s.Config.Language), boolInt(b.Lang != s.Config.Language))
	})
	return sources, rest
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Glossary reads the terms of the glossary sources, once they are parsed,
// so every other page can mark them while it is parsed.
func Glossary(s *site.Site, sources []*site.Page) {
	var entries []glossary.Entry
	for _, p := range sources {
		entries = append(entries, p.GlossaryEntries...)
	}
	s.Glossary, s.GlossaryConflicts = glossary.New(entries)
}

// PageGlossary reads a source page's entries, or marks the first use of
// each term on any other page (only when rendering: the marks are HTML).
// A glossary page's own tables are dropped from its body: the generated
// list, with every term's anchor and the pages using it, replaces them.
func PageGlossary(s *site.Site, p *site.Page, doc ast.Node, render bool) {
	if p.GlossarySource {
		p.GlossaryEntries = glossary.Entries(doc, p.Source, p.Path)
		for i := range p.GlossaryEntries {
			p.GlossaryEntries[i].Lang = p.Lang
		}
		switch {
		case !render:
		case isGlossaryPage(s, p):
			for n := doc.FirstChild(); n != nil; {
				next := n.NextSibling()
				if _, table := n.(*east.Table); table {
					doc.RemoveChild(doc, n)
				}
				n = next
			}
		default:
			// The site's glossary is made once every source is parsed, after
			// this page; its own rows give the same term IDs.
			own, _ := glossary.New(p.GlossaryEntries)
			glossary.LinkRows(doc, p.Source, own, s.Href(GlossaryURL(s, p.Lang)), p.Lang)
		}
		return
	}
	if render && s.Glossary != nil {
		p.Terms = glossary.Annotate(doc, p.Source, s.Glossary, s.Href(GlossaryURL(s, p.Lang)), p.Lang)
	}
}

// GlossaryURL is the glossary page of a language.
func GlossaryURL(s *site.Site, lang string) string {
	return s.DirURL("", lang) + "glossary/"
}

func isGlossaryPage(s *site.Site, p *site.Page) bool {
	return p.URL == GlossaryURL(s, p.Lang)
}

// glossaryPages gives each language's glossary page the full glossary, or
// makes one at /glossary/ when no source file is at the top.
func glossaryPages(s *site.Site) {
	if s.Glossary == nil || len(s.Glossary.Terms()) == 0 {
		return
	}
	uses := map[string][]glossary.PageRef{}
	inbound := linkCounts(s)
	for _, p := range s.Pages {
		if s.ByURL[p.URL] == p {
			for _, t := range p.Terms {
				uses[t] = append(uses[t], glossary.PageRef{Title: p.Title, URL: s.Href(p.URL), Links: inbound[p]})
			}
		}
	}
	for _, lang := range s.Langs {
		u := GlossaryURL(s, lang)
		if p := s.ByURL[u]; p != nil {
			p.Appendix = glossary.Page(s.Glossary, uses, lang)
			continue
		}
		if lang != s.Config.Language {
			continue
		}
		title := "术语表"
		if !strings.HasPrefix(lang, "zh") {
			title = "Glossary"
		}
		p := &site.Page{URL: u, Lang: lang, Generated: true, List: true, Title: title}
		p.Body = template.HTML("<h1>" + template.HTMLEscapeString(title) + "</h1>\n")
		p.Appendix = glossary.Page(s.Glossary, uses, lang)
		s.Pages = append(s.Pages, p)
		s.ByURL[u] = p
	}
}

// linkCounts is the number of pages linking to each page that uses a term,
// so the glossary lists the most linked of them first.
func linkCounts(s *site.Site) map[*site.Page]int {
	// A load that renders nothing (check) annotates no terms: resolving
	// every link of the site would count nothing.
	if !slices.ContainsFunc(s.Pages, func(p *site.Page) bool { return len(p.Terms) > 0 }) {
		return nil
	}
	counts := map[*site.Page]int{}
	for _, from := range s.Pages {
		var seen map[*site.Page]bool
		for _, l := range from.Links {
			if l.Kind == site.LinkImage || l.Kind == site.LinkHTMLImage {
				continue
			}
			t := s.Resolve(from, l.Dest)
			if t.Kind != site.PageTarget || t.Page == nil || t.Page == from || len(t.Page.Terms) == 0 || seen[t.Page] {
				continue
			}
			if seen == nil {
				seen = map[*site.Page]bool{}
			}
			seen[t.Page] = true
			counts[t.Page]++
		}
	}
	return counts
}

package html

import (
	"strings"
	"time"

	"docsite/internal/site"
)

// PageMeta is what a page tells search engines, link previews and
// readers about itself besides its text: description, Open Graph, its
// Markdown copy, where to edit it and when it last changed.
type PageMeta struct {
	Description, Canonical, OGType, OGLocale, SiteName string
	Favicon, FaviconType                               string
	MarkdownURL                                        string // "" when the page has no Markdown copy
	EditURL                                            string
	Updated                                            time.Time
	UpdatedISO, UpdatedText                            string
	Words                                              MetaWords
}

// MetaWords are the labels of the lines under a page, in its language.
type MetaWords struct{ Edit, Updated string }

var metaWords = map[string]MetaWords{
	"zh": {Edit: "编辑此页", Updated: "最后更新于"},
	"en": {Edit: "Edit this page", Updated: "Last updated"},
}

func metaWordsFor(lang string) MetaWords {
	if strings.HasPrefix(strings.ToLower(lang), "zh") {
		return metaWords["zh"]
	}
	return metaWords["en"]
}

// longDate writes a date as readers of lang write it.
func longDate(t time.Time, lang string) string {
	if strings.HasPrefix(strings.ToLower(lang), "zh") {
		return t.Format("2006年1月2日")
	}
	return t.Format("January 2, 2006")
}

// metaFor fills a page's PageMeta; lang is the language of its text.
func metaFor(s *site.Site, p *site.Page, lang string) PageMeta {
	m := PageMeta{Description: Description(s, p), OGType: "article", OGLocale: ogLocale(lang), SiteName: s.Title, Words: metaWordsFor(lang)}
	if p.Landing && p.Dir == "" {
		m.OGType = "website"
	}
	if KnownHost(s) {
		m.Canonical = absURL(s, p.URL)
	}
	m.Favicon, m.FaviconType = Favicon(s)
	if _, ok := MarkdownFile(p); ok {
		m.MarkdownURL = s.Href(p.URL + "index.md")
	}
	if info := s.VCS; info != nil && p.Path != "" {
		if info.Edit != nil {
			m.EditURL = info.Edit.URL(p.Path)
		}
		if t, ok := info.Updated[p.Path]; ok {
			m.Updated, m.UpdatedISO, m.UpdatedText = t, t.Format(time.RFC3339), longDate(t, lang)
		}
	}
	return m
}

// Description is a page's summary for search results and link previews:
// the front matter's description, else its first paragraph, else what it
// lists or says first, else its title, never empty.
func Description(s *site.Site, p *site.Page) string {
	if d, ok := p.Meta["description"].(string); ok && strings.TrimSpace(d) != "" {
		return strings.Join(strings.Fields(d), " ")
	}
	if p.Summary != "" {
		return Describe(p.Summary)
	}
	if p.Generated && p.Nav != nil && len(p.Nav.Children) > 0 {
		var titles []string
		for _, c := range p.Nav.Children {
			titles = append(titles, c.Title)
		}
		sep := ", "
		if strings.HasPrefix(strings.ToLower(p.Lang), "zh") {
			sep = "、"
		}
		return Describe(p.Title + ": " + strings.Join(titles, sep))
	}
	for _, sec := range p.Text {
		if strings.TrimSpace(sec.Text) != "" {
			return Describe(sec.Text)
		}
	}
	if p.Title != "" && p.Title != s.Title {
		return Describe(p.Title + " · " + s.Title)
	}
	return Describe(s.Title)
}

// KnownHost reports whether the base URL names a host, so absolute URLs can
// be made.
func KnownHost(s *site.Site) bool { return indexHost(s.Config.BaseURL) > 0 }

// MarkdownFile is the output path of a page's Markdown copy: its source
// without front matter, or for a generated folder page the list it shows.
// Pages made of no Markdown (the graph) have none.
func MarkdownFile(p *site.Page) (string, bool) {
	if p.Path == "" && !p.Generated {
		return "", false
	}
	return p.URL[1:] + "index.md", true
}

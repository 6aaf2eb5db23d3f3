package html

import (
	"bytes"
	"encoding/xml"
	"html/template"
	"net/url"
	"strings"

	"docsite/internal/site"
	"docsite/render/graph"
)

// NotFound renders 404.html in the site's default language: the search
// box, the sidebar's top level and a way home, so a reader who followed a
// dead link can look for the page. It is served at any missing path, so
// every URL in it is absolute.
func (t *Theme) NotFound(s *site.Site) ([]byte, error) {
	lang := s.Config.Language
	d := PageData{Lang: lang, Base: s.BasePath(), HomeURL: s.Href("/"), SiteTitle: s.Title, UI: UIFor(lang),
		Sidebar: TopSidebar(s, lang), NavPieces: s.Href("/" + NavPieceDir(lang)), SearchFromPath: true,
		GraphURL: s.Href(graph.URL(s, lang))}
	d.Meta.Favicon, d.Meta.FaviconType = Favicon(s)
	var b bytes.Buffer
	err := t.tmpl.ExecuteTemplate(&b, "404.html", d)
	return b.Bytes(), err
}

// IndexBody is the body of a generated folder page: its title and children.
func (t *Theme) IndexBody(s *site.Site, p *site.Page) (template.HTML, error) {
	type child struct{ Title, URL, Number string }
	d := struct {
		Title    string
		Children []child
	}{Title: p.Title}
	if p.Nav != nil {
		for _, c := range p.Nav.Children {
			d.Children = append(d.Children, child{Title: c.Title, URL: s.Href(c.Page.URL), Number: c.Number})
		}
	}
	var b bytes.Buffer
	err := t.tmpl.ExecuteTemplate(&b, "index", d)
	return template.HTML(b.String()), err
}

// Sitemap lists every page with its language alternates. A sitemap's
// <loc> must be an absolute URL, so without a base URL that names a host
// there is none (nil): the site's address is not known.
func Sitemap(s *site.Site, pages []*site.Page) []byte {
	if !KnownHost(s) {
		return nil
	}
	type link struct {
		Rel      string `xml:"rel,attr"`
		Hreflang string `xml:"hreflang,attr"`
		Href     string `xml:"href,attr"`
	}
	type entry struct {
		Loc   string `xml:"loc"`
		Links []link `xml:"xhtml:link"`
	}
	type urlset struct {
		XMLName xml.Name `xml:"urlset"`
		NS      string   `xml:"xmlns,attr"`
		XHTML   string   `xml:"xmlns:xhtml,attr"`
		URLs    []entry  `xml:"url"`
	}
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9", XHTML: "http://www.w3.org/1999/xhtml"}
	for _, p := range pages {
		e := entry{Loc: absURL(s, p.URL)}
		if len(p.Translations) > 0 {
			e.Links = append(e.Links, link{Rel: "alternate", Hreflang: p.Lang, Href: absURL(s, p.URL)})
			for _, l := range s.Langs {
				if q := p.Translations[l]; q != nil {
					e.Links = append(e.Links, link{Rel: "alternate", Hreflang: l, Href: absURL(s, q.URL)})
				}
			}
		}
		set.URLs = append(set.URLs, e)
	}
	out, _ := xml.MarshalIndent(set, "", " ")
	return append([]byte(xml.Header), append(out, '\n')...)
}

// absURL is a page's full URL when a base URL with a host is configured,
// else its path, percent-encoded as a sitemap's <loc> must be (a Chinese
// path is sent as UTF-8 bytes in %XX form).
func absURL(s *site.Site, u string) string {
	base := s.Config.BaseURL
	href := escapePath(s.Href(u))
	if i := indexHost(base); i > 0 {
		return base[:i] + href
	}
	return href
}

// escapePath percent-encodes each segment of a URL path.
func escapePath(p string) string {
	parts := strings.Split(p, "/")
	for i, part := range parts {
		parts[i] = url.PathEscape(part)
	}
	return strings.Join(parts, "/")
}

// indexHost returns where the path starts in "https://host/path", or -1.
func indexHost(base string) int {
	const sep = "://"
	i := bytes.Index([]byte(base), []byte(sep))
	if i < 0 {
		return -1
	}
	j := bytes.IndexByte([]byte(base[i+len(sep):]), '/')
	if j < 0 {
		return len(base)
	}
	return i + len(sep) + j
}

// Robots allows everything and names the sitemap by its absolute URL, the
// only form robots.txt allows; without a known host there is no sitemap.
func Robots(s *site.Site) []byte {
	out := "User-agent: *\nAllow: /\n"
	if KnownHost(s) {
		out += "Sitemap: " + absURL(s, "/sitemap.xml") + "\n"
	}
	return []byte(out)
}

// Package html turns the page model into the site's files: pages through the
// theme's templates, the sidebar, sitemap.xml, 404.html and robots.txt.
package html

import (
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"net/url"
	"strings"

	"docsite/render/site"
)

// Theme is a parsed set of layouts plus the assets to copy.
type Theme struct {
	tmpl   *template.Template
	assets fs.FS
}

// LoadTheme parses layouts/*.html from fsys; assets/ is copied as it is.
func LoadTheme(fsys fs.FS) (*Theme, error) {
	t, err := template.New("").ParseFS(fsys, "layouts/*.html")
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	assets, err := fs.Sub(fsys, "assets")
	if err != nil {
		return nil, err
	}
	return &Theme{tmpl: t, assets: assets}, nil
}

// Assets is the folder copied to /assets/ in the output.
func (t *Theme) Assets() fs.FS { return t.assets }

// Sidebar renders a language's navigation tree once, as nested <details>
// lists; Mark then opens and marks it for each page, which costs a few string
// searches instead of rendering the whole tree for each of 1,200 pages.
func Sidebar(s *site.Site, lang string) string {
	root := s.Nav[lang]
	if root == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<ul class="nav-tree">`)
	writeNav(&b, s, root.Children)
	b.WriteString(`</ul>`)
	return b.String()
}

func writeNav(b *strings.Builder, s *site.Site, nodes []*site.NavNode) {
	for _, n := range nodes {
		u := attrURL(s.Href(n.Page.URL))
		link := `<a href="` + u + `"><span class="num">` + n.Number + `</span> ` + html.EscapeString(n.Title) + `</a>`
		if len(n.Children) == 0 {
			b.WriteString(`<li>` + link + `</li>`)
			continue
		}
		b.WriteString(`<li class="dir"><details data-url="` + u + `"><summary>` + link + `</summary><ul>`)
		writeNav(b, s, n.Children)
		b.WriteString(`</ul></details></li>`)
	}
}

// attrURL percent-encodes a site path for an attribute, the same way every
// time, so Mark can find what Sidebar wrote.
func attrURL(u string) string {
	return html.EscapeString((&url.URL{Path: u}).EscapedPath())
}

// Mark returns the sidebar with the current page marked and its folders open.
func Mark(sidebar string, s *site.Site, p *site.Page) template.HTML {
	if p.Nav == nil {
		return template.HTML(sidebar)
	}
	var path []*site.NavNode // root-most first, as they appear in the document
	for n := p.Nav; n != nil && n.Parent != nil; n = n.Parent {
		path = append([]*site.NavNode{n}, path...)
	}
	var b strings.Builder
	b.Grow(len(sidebar) + 64)
	rest := sidebar
	for _, n := range path {
		u := attrURL(s.Href(n.Page.URL))
		if len(n.Children) > 0 {
			marker := `<details data-url="` + u + `"`
			if i := strings.Index(rest, marker); i >= 0 {
				b.WriteString(rest[:i+len(marker)] + " open")
				rest = rest[i+len(marker):]
			}
		}
		if n == p.Nav {
			marker := `<a href="` + u + `"`
			if i := strings.Index(rest, marker); i >= 0 {
				b.WriteString(rest[:i+len(marker)] + ` aria-current="page"`)
				rest = rest[i+len(marker):]
			}
		}
	}
	b.WriteString(rest)
	return template.HTML(b.String())
}

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

	"docsite/internal/site"
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

// Sidebar renders a language's whole navigation tree once, as nested
// <details> lists. It is written to one shared file per language that the
// browser fetches when a reader opens a folder the page's own sidebar left
// closed; each page carries only the branches on its own path (SidebarFor),
// so 1,200 pages do not each repeat a 150 KB tree.
func Sidebar(s *site.Site, lang string) string {
	root := s.Nav[lang]
	if root == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<ul class="nav-tree">`)
	writeNav(&b, s, root.Children, nil, nil)
	b.WriteString(`</ul>`)
	return b.String()
}

// SidebarFor renders the tree as one page shows it: every folder on the
// path to the page open with its entries, every other folder closed and
// empty (data-lazy: its entries come from the shared tree), the page marked.
func SidebarFor(s *site.Site, p *site.Page) template.HTML {
	root := s.Nav[p.Lang]
	if root == nil {
		return ""
	}
	open := map[*site.NavNode]bool{}
	for n := p.Nav; n != nil; n = n.Parent {
		open[n] = true
	}
	var b strings.Builder
	b.Grow(8 << 10)
	b.WriteString(`<ul class="nav-tree">`)
	writeNav(&b, s, root.Children, open, p.Nav)
	b.WriteString(`</ul>`)
	return template.HTML(b.String())
}

// TopSidebar is the sidebar of a page that is not in the tree (404.html):
// the top level, every folder closed, its entries fetched when opened.
func TopSidebar(s *site.Site, lang string) template.HTML {
	root := s.Nav[lang]
	if root == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<ul class="nav-tree">`)
	writeNav(&b, s, root.Children, map[*site.NavNode]bool{}, nil)
	b.WriteString(`</ul>`)
	return template.HTML(b.String())
}

// writeNav writes nodes; with open == nil every folder is written whole.
func writeNav(b *strings.Builder, s *site.Site, nodes []*site.NavNode, open map[*site.NavNode]bool, current *site.NavNode) {
	shown := window(nodes, open)
	for i, n := range nodes {
		if !shown(i) {
			if i == 0 || shown(i-1) {
				// The shared tree holds the rest; the button fetches it.
				b.WriteString(`<li class="nav-more"><button type="button" class="nav-more-btn" aria-label="…">…</button></li>`)
			}
			continue
		}
		u := attrURL(s.Href(n.Page.URL))
		b.WriteString(`<li`)
		if len(n.Children) > 0 {
			b.WriteString(` class="dir"`)
		}
		b.WriteString(`>`)
		if len(n.Children) > 0 {
			b.WriteString(`<details data-url="` + u + `"`)
			if open[n] {
				b.WriteString(` open`)
			} else if open != nil {
				b.WriteString(` data-lazy`)
			}
			b.WriteString(`><summary>`)
		}
		b.WriteString(`<a href="` + u + `"`)
		if n == current {
			b.WriteString(` aria-current="page"`)
		}
		b.WriteString(`>`)
		if n.Number != "" {
			b.WriteString(`<span class="num">` + html.EscapeString(n.Number) + `</span> `)
		}
		b.WriteString(html.EscapeString(n.Title) + `</a>`)
		if len(n.Children) > 0 {
			b.WriteString(`</summary>`)
			if open == nil || open[n] {
				b.WriteString(`<ul>`)
				writeNav(b, s, n.Children, open, current)
				b.WriteString(`</ul>`)
			}
			b.WriteString(`</details>`)
		}
		b.WriteString(`</li>`)
	}
}

// windowSize is how many entries of a long folder a page's own sidebar
// shows around the open one (and at each end): a folder of 2,000 pages would
// otherwise put 2,000 entries in each of its 2,000 pages.
const windowSize = 10

// window tells which of a folder's entries a page's sidebar shows: all of
// them in the shared tree (open == nil) or in a short folder, else the
// first and last few and those around the entry on the page's path.
func window(nodes []*site.NavNode, open map[*site.NavNode]bool) func(int) bool {
	if open == nil || len(nodes) <= 6*windowSize {
		return func(int) bool { return true }
	}
	at := -1
	for i, n := range nodes {
		if open[n] {
			at = i
		}
	}
	return func(i int) bool {
		return i < windowSize || i >= len(nodes)-windowSize || (at >= 0 && i >= at-windowSize && i <= at+windowSize)
	}
}

// NavFile is where a language's shared sidebar is written.
func NavFile(s *site.Site, lang string) string {
	return "assets/nav/" + site.LangPrefix(lang) + ".html"
}

// attrURL percent-encodes a site path for an attribute, the same way every
// time, so Mark can find what Sidebar wrote.
func attrURL(u string) string {
	return html.EscapeString((&url.URL{Path: u}).EscapedPath())
}

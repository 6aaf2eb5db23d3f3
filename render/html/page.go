package html

import (
	"bytes"
	"html/template"
	"strings"
	"unicode"

	"docsite/internal/site"
	"docsite/render/graph"
)

// Link is a titled link in breadcrumbs and the pager.
type Link struct {
	Title, URL, Number string
}

// Alternate is one language version of a page.
type Alternate struct {
	Lang, URL, Label string
	Current          bool
}

// PageData is everything the page template reads.
type PageData struct {
	Lang, Base, HomeURL, SiteTitle, Title, Description string
	IsHome, HasMath, HasMermaid, LiveReload            bool
	DiagramScript                                      bool // diagrams left for the browser to draw
	SearchFromPath                                     bool // the search box starts with the missing address's words (404)
	HasGlossary                                        bool // glossary terms or entries: glossary.css
	HasCode                                            bool // highlighted code: chroma.css
	GraphPage                                          bool // the whole graph: graph.css and graph.js up front
	Long                                               bool // a long page: the browser lays out only what is near the screen
	UI                                                 UI
	Body, Sidebar                                      template.HTML
	Backlinks, LocalGraph                              template.HTML
	GraphURL                                           string
	NavPieces                                          string // folder of the sidebar's pieces
	Crumbs                                             []Link
	Prev, Next                                         *Link
	Outline                                            []site.Heading
	Alternates                                         []Alternate
	Meta                                               PageMeta
}

// Options tune page rendering.
type Options struct {
	LiveReload bool // add the preview server's reload script
}

// Layout is what every page of a site shares: each language's sidebar,
// rendered once, and its content order for previous/next links.
type Layout struct {
	Site   *site.Site
	flats  map[string][]*site.NavNode
	orders map[string]map[*site.NavNode]int
	// backlinks are found once per layout: every page's list needs every page.
	backlinks map[*site.Page][]graph.Backlink
}

// NewLayout prepares the shared parts after the site is indexed.
func NewLayout(s *site.Site) *Layout {
	l := &Layout{Site: s, flats: map[string][]*site.NavNode{}, orders: map[string]map[*site.NavNode]int{},
		backlinks: graph.Backlinks(s)}
	for _, lang := range s.Langs {
		l.flats[lang] = s.Flat(lang)
		l.orders[lang] = map[*site.NavNode]int{}
		for i, n := range l.flats[lang] {
			l.orders[lang][n] = i
		}
	}
	return l
}

// Page renders one page of the layout's site.
func (t *Theme) Page(l *Layout, p *site.Page, opts Options) ([]byte, error) {
	s := l.Site
	order, flat := l.orders[p.Lang], l.flats[p.Lang]
	lang := DocLang(p)
	d := PageData{
		Lang: lang, Base: s.BasePath(), HomeURL: s.Href(s.DirURL("", p.Lang)), SiteTitle: s.Title,
		Title: p.Title, IsHome: p.Landing && p.Dir == "", HasMath: p.HasMath, HasMermaid: p.HasMermaid,
		LiveReload: opts.LiveReload, UI: UIFor(lang), Body: p.Body + p.Appendix, Sidebar: SidebarFor(s, p),
	}
	// Drawn at build time, a page has no diagram left for mermaid.
	d.DiagramScript = p.HasMermaid && strings.Contains(string(p.Body), `<pre class="mermaid">`)
	d.Backlinks = graph.BacklinksHTML(l.backlinks[p], s, p.Lang)
	d.LocalGraph = graph.LocalHTML(s, p)
	d.GraphURL = s.Href(graph.URL(s, p.Lang))
	d.GraphPage = p.URL == graph.URL(s, p.Lang)
	d.Meta = metaFor(s, p, lang)
	d.Description = d.Meta.Description
	d.NavPieces = s.Href("/" + NavPieceDir(p.Lang))
	body := string(d.Body)
	d.HasCode = strings.Contains(body, `<pre class="chroma"`)
	d.HasGlossary = strings.Contains(body, `<a class="term" `) || strings.Contains(body, `<dl class="glossary">`)
	if p.Nav != nil {
		for n := p.Nav.Parent; n != nil && n.Parent != nil; n = n.Parent {
			d.Crumbs = append([]Link{{Title: n.Title, URL: s.Href(n.Page.URL), Number: n.Number}}, d.Crumbs...)
		}
		if i, ok := order[p.Nav]; ok {
			if i > 0 {
				d.Prev = navLink(s, flat[i-1])
			}
			if i+1 < len(flat) {
				d.Next = navLink(s, flat[i+1])
			}
		}
	}
	for _, h := range p.Headings {
		if h.Offset >= p.HiddenTOC[0] && h.Offset < p.HiddenTOC[1] {
			continue
		}
		if h.Level == 2 || h.Level == 3 {
			d.Outline = append(d.Outline, h)
		}
	}
	d.Long = len(d.Body) > longPage
	d.Alternates = alternates(s, p)
	var b bytes.Buffer
	b.Grow(len(p.Body) + 16<<10)
	err := t.tmpl.ExecuteTemplate(&b, "page.html", d)
	return b.Bytes(), err
}

// longPage is the size of body from which a page's blocks are laid out
// only near the screen (CSS content-visibility): a page of thousands of list
// items otherwise costs a phone seconds of layout before it can scroll.
const longPage = 48 << 10

func navLink(s *site.Site, n *site.NavNode) *Link {
	return &Link{Title: n.Title, URL: s.Href(n.Page.URL), Number: n.Number}
}

// alternates lists the language versions of a page; a language without a
// translation points at the nearest folder above that has a page in it.
func alternates(s *site.Site, p *site.Page) []Alternate {
	if len(s.Langs) < 2 {
		return nil
	}
	var out []Alternate
	for _, lang := range s.Langs {
		a := Alternate{Lang: lang, Label: UIFor(lang).LangName, Current: lang == p.Lang}
		switch {
		case a.Current:
			a.URL = s.Href(p.URL)
		case p.Translations[lang] != nil:
			a.URL = s.Href(p.Translations[lang].URL)
		default:
			a.URL = s.Href(nearest(s, p.Dir, lang))
		}
		out = append(out, a)
	}
	return out
}

func nearest(s *site.Site, dir, lang string) string {
	for {
		if d := s.Dirs[dir]; d != nil && d.Landing[lang] != nil {
			return d.Landing[lang].URL
		}
		if dir == "" {
			return s.DirURL("", lang)
		}
		i := strings.LastIndexByte(dir, '/')
		if i < 0 {
			dir = ""
		} else {
			dir = dir[:i]
		}
	}
}

// DocLang is the language of a page's text: front matter lang, else the
// language of its file name when that is marked, else what its text looks
// like.
func DocLang(p *site.Page) string {
	if p.DocLang != "" {
		return p.DocLang
	}
	if p.Key != p.Path || p.Generated {
		return p.Lang
	}
	han, latin := 0, 0
	src := p.Source
	if len(src) > 8192 {
		src = src[:8192]
	}
	for _, r := range string(src) {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case r < 0x80 && unicode.IsLetter(r):
			latin++
		}
	}
	if han == 0 && latin > 0 {
		return "en"
	}
	// A Chinese page is full of Latin product names; a tenth of its letters
	// being Han is already a Chinese page.
	if han*10 >= latin || han > 50 {
		return "zh-CN"
	}
	return "en"
}

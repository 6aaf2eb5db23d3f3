package html

import (
	"hash/fnv"
	"html"
	"html/template"
	"strconv"
	"strings"

	"docsite/internal/site"
)

// A page's sidebar holds the top level and its own branch: every folder on
// the path to the page open with its entries, every other folder closed and
// empty. Opening a closed folder fetches that folder's piece (NavPiece): its
// own entries, one level, the folders in it closed again. So a page costs
// O(its branch) and a click O(one folder), however large the site grows.
//
// A folder is a row of a button that opens it and a link to its index page,
// side by side: a link inside a <summary> would be a control nested in a
// control. Without JavaScript the button does nothing and the link leads to
// the folder's page, whose own sidebar is open there.

// SidebarFor renders the sidebar of page p.
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
	writeNav(&b, s, p.Lang, root, open, p.Nav)
	b.WriteString(`</ul>`)
	return template.HTML(b.String())
}

// NavPiece renders the entries of folder n for the browser to put under it.
func NavPiece(s *site.Site, lang string, n *site.NavNode) []byte {
	var b strings.Builder
	b.WriteString(`<ul>`)
	writeNav(&b, s, lang, n, nil, nil)
	b.WriteString(`</ul>`)
	return []byte(b.String())
}

// NavPieces makes the piece of every folder of a language, by output path.
func NavPieces(s *site.Site, lang string) map[string]func() []byte {
	out := map[string]func() []byte{}
	var walk func(*site.NavNode)
	walk = func(n *site.NavNode) {
		if len(n.Children) == 0 {
			return
		}
		out[NavPieceFile(lang, n)] = func() []byte { return NavPiece(s, lang, n) }
		for _, c := range n.Children {
			walk(c)
		}
	}
	if root := s.Nav[lang]; root != nil {
		walk(root)
	}
	return out
}

// NavPieceFile is where the piece of folder n is written: in the
// language's folder of pieces (NavPieces), named by pieceName.
func NavPieceFile(lang string, n *site.NavNode) string {
	return NavPieceDir(lang) + pieceName(n) + ".html"
}

// NavPieceDir is the folder of a language's sidebar pieces; the sidebar
// names it once (data-pieces) and each folder's button its piece's name.
func NavPieceDir(lang string) string { return "assets/nav/" + site.LangPrefix(lang) + "/" }

// pieceName is a hash of the folder's path and URL, so a piece keeps its
// name when other folders come and go.
func pieceName(n *site.NavNode) string {
	h := fnv.New64a()
	if n.Page != nil {
		h.Write([]byte(n.Page.URL))
	}
	h.Write([]byte{0})
	h.Write([]byte(n.Dir))
	return strconv.FormatUint(h.Sum64(), 36)
}

// writeNav writes the entries of folder dir; open == nil writes a piece
// (every folder closed, nothing marked).
func writeNav(b *strings.Builder, s *site.Site, lang string, dir *site.NavNode, open map[*site.NavNode]bool, current *site.NavNode) {
	nodes := dir.Children
	shown := window(nodes, open)
	for i, n := range nodes {
		if !shown(i) {
			if i == 0 || shown(i-1) {
				// The folder's piece holds every entry; the button fetches it.
				b.WriteString(`<li class="nav-more"><button data-piece="` + pieceName(dir) + `" aria-label="…">…</button></li>`)
			}
			continue
		}
		link := `<a href="` + attrURL(s.Href(n.Page.URL)) + `"`
		if n == current {
			link += ` aria-current="page"`
		}
		link += `>`
		if n.Number != "" {
			link += `<span class="num">` + html.EscapeString(n.Number) + `</span> `
		}
		link += html.EscapeString(n.Title) + `</a>`
		if len(n.Children) == 0 {
			b.WriteString(`<li>` + link + `</li>`)
			continue
		}
		expanded := open[n]
		b.WriteString(`<li class="dir"><div><button aria-expanded="` + strconv.FormatBool(expanded) + `" aria-label="` +
			html.EscapeString(n.Title) + `" data-piece="` + pieceName(n) + `"></button>` + link + `</div>`)
		if expanded {
			b.WriteString(`<ul>`)
			writeNav(b, s, lang, n, open, current)
			b.WriteString(`</ul>`)
		}
		b.WriteString(`</li>`)
	}
}

// windowSize is how many entries of a long folder a page's own sidebar
// shows around the open one (and at each end): a folder of 2,000 pages would
// otherwise put 2,000 entries in each of its 2,000 pages.
const windowSize = 10

// window tells which of a folder's entries a page's sidebar shows: all of
// them in a piece (open == nil) or in a short folder, else the first and
// last few and those around the entry on the page's path.
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

// TopSidebar is the sidebar of a page that is not in the tree (404.html):
// the top level, every folder closed, its entries fetched when opened.
func TopSidebar(s *site.Site, lang string) template.HTML {
	root := s.Nav[lang]
	if root == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<ul class="nav-tree">`)
	writeNav(&b, s, lang, root, map[*site.NavNode]bool{root: true}, nil)
	b.WriteString(`</ul>`)
	return template.HTML(b.String())
}

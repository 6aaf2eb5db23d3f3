package graph

import (
	"cmp"
	"slices"

	"docsite/internal/site"
)

// Graph is the link graph of one language: pages as nodes, links between
// them as edges.
type Graph struct {
	Lang string
	// Chapters are the top-level entries of the navigation; a node's
	// Chapter indexes this list. Chapter 0 is the home page.
	Chapters []Chapter
	Nodes    []Node
	Edges    []Edge // deduplicated, sorted by From then To
	// parents are navigation edges (page → nearest ancestor in the graph)
	// the layout pulls on, so a chapter stays together even where its pages
	// do not link to each other. They are not drawn.
	parents []Edge
}

// Chapter is one top-level section of the site.
type Chapter struct {
	Title  string `json:"title"`
	Number string `json:"number,omitempty"`
}

// Node is one page.
type Node struct {
	ID      int
	Title   string
	Number  string // position in the navigation, "1.2.3"
	URL     string // page URL without the base path
	Chapter int
	Degree  int // distinct pages linked to or from
	X, Y    float64
	Page    *site.Page
}

// Edge is a link from one page to another, by node ID.
type Edge struct{ From, To int }

// Build makes the graph of one language's published pages in content
// order. Generated folder indexes are left out: they hold no links of their
// own and would only add unconnected dots.
func Build(s *site.Site, lang string) *Graph {
	g := &Graph{Lang: lang}
	root := s.Nav[lang]
	if root == nil {
		return g
	}
	g.Chapters = append(g.Chapters, Chapter{Title: root.Title})
	for _, c := range root.Children {
		g.Chapters = append(g.Chapters, Chapter{Title: c.Title, Number: c.Number})
	}
	ids := map[*site.Page]int{}
	for _, n := range s.Flat(lang) {
		p := n.Page
		if !published(s, p) {
			continue
		}
		if _, dup := ids[p]; dup {
			continue
		}
		ids[p] = len(g.Nodes)
		g.Nodes = append(g.Nodes, Node{ID: len(g.Nodes), Title: n.Title, Number: n.Number, URL: p.URL,
			Chapter: chapterOf(root, n), Page: p})
	}
	seen := map[Edge]bool{}
	for i := range g.Nodes {
		from := g.Nodes[i].Page
		for _, l := range from.Links {
			to := linkTarget(s, from, l)
			j, ok := ids[to]
			if !ok || j == i {
				continue
			}
			e := Edge{From: i, To: j}
			if !seen[e] {
				seen[e] = true
				g.Edges = append(g.Edges, e)
			}
		}
		for n := from.Nav.Parent; n != nil; n = n.Parent {
			if j, ok := ids[n.Page]; ok {
				g.parents = append(g.parents, Edge{From: i, To: j})
				break
			}
		}
	}
	slices.SortFunc(g.Edges, func(a, b Edge) int { return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To)) })
	// Degree counts neighbours, so a pair of pages linking both ways is one.
	nb := map[Edge]bool{}
	for _, e := range g.Edges {
		a, b := min(e.From, e.To), max(e.From, e.To)
		if !nb[Edge{a, b}] {
			nb[Edge{a, b}] = true
			g.Nodes[a].Degree++
			g.Nodes[b].Degree++
		}
	}
	return g
}

// chapterOf is the position of a node's top-level ancestor among the root's
// children, counting from 1; the root itself is chapter 0.
func chapterOf(root, n *site.NavNode) int {
	if n == root || n.Parent == nil {
		return 0
	}
	for n.Parent != root {
		n = n.Parent
	}
	return slices.Index(root.Children, n) + 1
}

// published reports whether a page has its own output file: not a generated
// index, not a page that lost a URL conflict.
func published(s *site.Site, p *site.Page) bool {
	return p != nil && !p.Generated && s.ByURL[p.URL] == p && p.Nav != nil
}

// linkTarget is the page a link leads to, or nil when it leads nowhere a
// reader would call a page: external sites, files, images, broken links,
// and links that only work on a case-insensitive file system.
func linkTarget(s *site.Site, from *site.Page, l site.Link) *site.Page {
	if l.Kind == site.LinkImage || l.Kind == site.LinkHTMLImage {
		return nil
	}
	t := s.Resolve(from, l.Dest)
	if t.Kind != site.PageTarget || t.CaseOf != "" || !published(s, t.Page) {
		return nil
	}
	return t.Page
}

package site

import (
	"cmp"
	"math"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"docsite/internal/config"
	"docsite/internal/diag"
	"docsite/internal/numbering"
	"docsite/internal/workers"
)

// Navigate builds what needs every page parsed first: titles that fall back to
// file names, one navigation tree per language with position numbers, the
// flat content order for previous/next, translations and the URL table.
// Drafts are left out unless drafts is true.
func (s *Site) Navigate(drafts bool) {
	if !drafts {
		s.Pages = slices.DeleteFunc(s.Pages, func(p *Page) bool {
			if p.Draft {
				delete(s.ByPath, p.Path)
				if d := s.Dirs[p.Dir]; d != nil && d.Landing[p.Lang] == p {
					delete(d.Landing, p.Lang)
				}
			}
			return p.Draft
		})
	}
	langs := map[string]bool{s.Config.Language: true}
	for _, p := range s.Pages {
		langs[p.Lang] = true
		if p.Title == "" {
			p.Title = fileTitle(p)
		}
	}
	s.Langs = []string{s.Config.Language}
	for l := range langs {
		if l != s.Config.Language {
			s.Langs = append(s.Langs, l)
		}
	}
	sort.Strings(s.Langs[1:])
	s.Title = s.siteTitle()

	workers.Each(s.Pages, 0, func(p *Page) { p.Numbering = NumberingOf(p) })
	s.Nav = map[string]*NavNode{}
	for _, lang := range s.Langs {
		s.Nav[lang] = s.buildTree(lang)
	}
	s.ByURL = map[string]*Page{}
	s.IndexDiags = nil
	for _, p := range s.Pages {
		if other, dup := s.ByURL[p.URL]; dup {
			s.IndexDiags = append(s.IndexDiags, diag.Diagnostic{File: p.Path, Line: 1, Column: 1, EndLine: 1, EndColumn: 1,
				Severity: diag.Warning, Rule: RulePageUrlConflict, Message: "page has the same URL " + p.URL + " as " + other.Path + "; it is not published"})
			continue
		}
		s.ByURL[p.URL] = p
	}
	s.linkTranslations()
}

// buildTree makes the sidebar of one language. A folder appears when it holds
// a page of that language somewhere below it; a folder without a landing page
// gets a generated index page, so every node can be opened.
func (s *Site) buildTree(lang string) *NavNode {
	has := map[string]bool{}
	for _, p := range s.Pages {
		if p.Lang == lang {
			for d := p.Dir; ; d = dirOf(d) {
				has[d] = true
				if d == "" {
					break
				}
			}
		}
	}
	children := map[string][]string{}
	for d := range s.Dirs {
		if d != "" && has[d] {
			parent := dirOf(d)
			children[parent] = append(children[parent], d)
		}
	}
	pagesIn := map[string][]*Page{}
	for _, p := range s.Pages {
		if p.Lang == lang && !p.Landing {
			pagesIn[p.Dir] = append(pagesIn[p.Dir], p)
		}
	}
	var walk func(dir string, parent *NavNode) *NavNode
	walk = func(dir string, parent *NavNode) *NavNode {
		node := &NavNode{Dir: dir, Parent: parent, Page: s.landingOrIndex(dir, lang)}
		node.Page.Nav = node
		node.Title = s.navTitle(dir, node.Page)
		var items []orderItem
		for _, d := range children[dir] {
			items = append(items, orderItem{name: path.Base(d), weight: s.dirWeight(d, lang), dir: d})
		}
		for _, p := range pagesIn[dir] {
			items = append(items, orderItem{name: path.Base(p.Key), weight: s.weight(p.Path, p.Weight), page: p})
		}
		sortItems(items)
		for _, it := range items {
			var child *NavNode
			if it.page != nil {
				child = &NavNode{Page: it.page, Parent: node, Title: s.navTitle(it.page.Path, it.page)}
				it.page.Nav = child
			} else {
				child = walk(it.dir, node)
			}
			node.Children = append(node.Children, child)
		}
		return node
	}
	root := walk("", nil)
	s.number(root)
	return root
}

// number gives every node the number its label shows. A title that carries
// its author's number shows that number, at any depth. Where no sibling has
// one, nodes are numbered by position ("1", "1.2", "1.2.3") to the
// configured depth, and only below a folder numbered the same way, so a
// reader never sees a position number beside an author's or under one. At
// the root, loose pages beside the chapter folders take no position: eight
// status reports must not make the first chapter "9".
func (s *Site) number(root *NavNode) {
	depth := s.Config.NavNumberDepth
	var walk func(n *NavNode, positional bool, level int)
	walk = func(n *NavNode, positional bool, level int) {
		authored := false
		for _, c := range n.Children {
			authored = authored || OwnNumber(c.Page.Title) != ""
		}
		loose := n.Parent == nil && slices.ContainsFunc(n.Children, (*NavNode).IsDir)
		pos := 0
		for _, c := range n.Children {
			c.Number = OwnNumber(c.Page.Title)
			if !loose || c.IsDir() || hasNumberPrefix(c.Page.Key) {
				pos++
				if c.Number == "" && positional && !authored && level < depth {
					c.Number = childNumber(n.Number, pos)
				}
			}
			walk(c, positional && !authored && c.Number != "", level+1)
		}
	}
	walk(root, true, 0)
}

// Position is the node's place among the siblings that take one (from 1),
// whether or not the sidebar shows it; 0 for the root and for loose root
// pages.
func (n *NavNode) Position() int {
	if n.Parent == nil {
		return 0
	}
	loose := n.Parent.Parent == nil && slices.ContainsFunc(n.Parent.Children, (*NavNode).IsDir)
	pos := 0
	for _, c := range n.Parent.Children {
		if !loose || c.IsDir() || hasNumberPrefix(c.Page.Key) {
			pos++
			if c == n {
				return pos
			}
		} else if c == n {
			return 0
		}
	}
	return 0
}

func hasNumberPrefix(key string) bool {
	_, _, ok := numberPrefix(path.Base(key))
	return ok
}

func childNumber(parent string, i int) string {
	if parent == "" {
		return strconv.Itoa(i)
	}
	return parent + "." + strconv.Itoa(i)
}

// landingOrIndex returns the folder's landing page in lang, making a
// generated index page when there is none.
func (s *Site) landingOrIndex(dir, lang string) *Page {
	d := s.Dirs[dir]
	if p := d.Landing[lang]; p != nil {
		return p
	}
	title := StripNumber(path.Base(dir))
	if dir == "" {
		title = s.Title
	}
	p := &Page{Dir: dir, Lang: lang, Generated: true, Landing: true, Title: title, URL: s.DirURL(dir, lang)}
	d.Landing[lang] = p
	s.Pages = append(s.Pages, p)
	return p
}

func (s *Site) dirWeight(dir, lang string) int {
	w := 0
	if p := s.Dirs[dir].Landing[lang]; p != nil {
		w = p.Weight
	}
	return s.weight(dir, w)
}

// override is docsite.yaml's nav entry for a page or folder path.
func (s *Site) override(path string) (config.NavOverride, bool) {
	for _, o := range s.Config.Nav {
		if strings.Trim(o.Path, "/") == path && path != "" {
			return o, true
		}
	}
	return config.NavOverride{}, false
}

// weight is the configured weight of a path, else w.
func (s *Site) weight(path string, w int) int {
	if o, ok := s.override(path); ok && o.Weight != 0 {
		return o.Weight
	}
	return w
}

// navTitle is the sidebar title of a page or folder: the configured one,
// else the page's title without its hand-written number.
func (s *Site) navTitle(path string, p *Page) string {
	if o, ok := s.override(path); ok && o.Title != "" {
		return o.Title
	}
	return NavTitle(p.Title)
}

type orderItem struct {
	name   string
	weight int
	dir    string
	page   *Page
}

// sortItems orders by numeric prefix, then front matter weight, then name.
func sortItems(items []orderItem) {
	key := func(it orderItem) int {
		if n, _, ok := numberPrefix(it.name); ok {
			return n
		}
		return math.MaxInt
	}
	slices.SortStableFunc(items, func(a, b orderItem) int {
		return cmp.Or(cmp.Compare(key(a), key(b)), cmp.Compare(a.weight, b.weight), cmp.Compare(a.name, b.name))
	})
}

// NavTitle drops the author's number from a title ("1. 总览" → "总览"),
// since the sidebar shows it apart; a year or a version stays ("2025 年
// 11 月…", "v1.30 …").
func NavTitle(title string) string {
	lead, _, rest, ok := numbering.Split(title)
	if !ok || rest == "" || OwnNumber(title) == "" {
		return title
	}
	return lead + rest
}

// OwnNumber is the section number an author wrote at the start of a title
// ("12.6.2" for "12.6.2 案例研究"), or "". A bare "7 " is not one: "7 层 4
// 域模型" is prose.
func OwnNumber(title string) string {
	t, ok := numbering.Parse(title)
	if !ok || t.Bare {
		return ""
	}
	return t.Number.String()
}

// HandNumber returns the hand-written number at the start of a title or
// heading ("1.2.1" for "1.2.1 核心理念演进"), without a trailing dot.
func HandNumber(title string) string {
	t, ok := numbering.Parse(title)
	if !ok {
		return ""
	}
	return t.Number.String()
}

func fileTitle(p *Page) string {
	name := path.Base(p.Key)
	if p.Landing && p.Dir != "" && (strings.EqualFold(name, "README.md") || name == "index.md" || name == "_index.md") {
		name = path.Base(p.Dir)
	}
	return StripNumber(strings.TrimSuffix(name, path.Ext(name)))
}

func (s *Site) linkTranslations() {
	byKey := map[string][]*Page{}
	for _, p := range s.Pages {
		if p.Generated {
			continue
		}
		key := p.Key
		if k, ok := p.Meta["translationKey"].(string); ok && k != "" {
			key = "\x00" + k // front matter keys never collide with paths
		}
		byKey[key] = append(byKey[key], p)
	}
	for _, group := range byKey {
		for _, p := range group {
			p.Translations = map[string]*Page{}
			for _, q := range group {
				if q != p {
					p.Translations[q.Lang] = q
				}
			}
		}
	}
}

// Flat returns the pages of a language in content (sidebar) order.
func (s *Site) Flat(lang string) []*NavNode {
	var out []*NavNode
	var walk func(n *NavNode)
	walk = func(n *NavNode) {
		out = append(out, n)
		for _, c := range n.Children {
			walk(c)
		}
	}
	if root := s.Nav[lang]; root != nil {
		walk(root)
	}
	return out
}

// siteTitle names the site when docsite.yaml does not: the plain text of
// the root page's H1 (a knowledge base's README names it), else the
// content folder's name; never a word the author did not write.
func (s *Site) siteTitle() string {
	if t := strings.TrimSpace(s.Config.Title); t != "" {
		return t
	}
	if d := s.Dirs[""]; d != nil {
		if p := d.Landing[s.Config.Language]; p != nil && !p.Generated && strings.TrimSpace(p.H1) != "" {
			return strings.TrimSpace(p.H1)
		}
	}
	root := s.Root
	if abs, err := filepath.Abs(root); err == nil {
		root = abs
	}
	if name := filepath.Base(root); name != "" && name != "." && name != string(filepath.Separator) {
		return name
	}
	return "docsite"
}

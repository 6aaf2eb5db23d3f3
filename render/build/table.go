package build

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"

	"docsite/internal/site"
	"docsite/internal/workers"
	"docsite/render/graph"
	"docsite/render/highlight"
	"docsite/render/html"
	"docsite/render/output"
)

// Table is every file of a built site, by output path, with what makes it.
// Build makes them all and writes them; the preview server makes one when a
// browser asks for it. Both read the same table, so they cannot disagree
// about what the site holds.
type Table struct {
	pl     *Pipeline
	site   *site.Site
	layout *html.Layout
	files  map[string]entry
	groups []*group
}

// entry is how one file is made: exactly one field is set.
type entry struct {
	page  *site.Page    // a page through the theme
	data  func() []byte // a small generated file
	copy  string        // a content file, copied as it is
	asset string        // a theme asset, by its path in the theme's assets
}

// group makes a family of files at once (the search index, the graph
// data): their names are known only once they are made.
type group struct {
	prefixes []string
	make     func() (map[string][]byte, error)
	once     sync.Once
	files    map[string][]byte
	err      error
}

func (g *group) get() (map[string][]byte, error) {
	g.once.Do(func() { g.files, g.err = g.make() })
	return g.files, g.err
}

func (g *group) holds(p string) bool {
	for _, pre := range g.prefixes {
		if strings.HasPrefix(p, pre) {
			return true
		}
	}
	return false
}

// Table lays out the output of s, which Load (or ParsePage) rendered.
func (pl *Pipeline) Table(s *site.Site) (*Table, error) {
	layout, err := pl.Layout(s)
	if err != nil {
		return nil, err
	}
	return pl.table(s, layout), nil
}

// Update is a new table over the same site and layout, for when pages were
// parsed again but the navigation did not change: pages and the files
// made from all of them (search, graph, sitemap) are made anew.
func (t *Table) Update() *Table { return t.pl.table(t.site, t.layout) }

func (pl *Pipeline) table(s *site.Site, layout *html.Layout) *Table {
	t := &Table{pl: pl, site: s, layout: layout, files: map[string]entry{}}
	assets := pl.Theme.Assets()
	_ = fs.WalkDir(assets, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			t.files["assets/"+p] = entry{asset: p}
		}
		return nil
	})
	t.addMeta()
	for _, f := range s.Files {
		t.files[f] = entry{copy: f}
	}
	for _, p := range t.Pages() {
		t.files[PageFile(p.URL)] = entry{page: p}
		if md, ok := html.MarkdownFile(p); ok {
			t.files[md] = entry{data: func() []byte { return html.PageMarkdown(s, p) }}
		}
	}
	for _, lang := range s.Langs {
		gp := graph.NewPage(s, lang)
		t.files[PageFile(gp.URL)] = entry{page: gp}
		for path, piece := range html.NavPieces(s, lang) {
			t.files[path] = entry{data: piece}
		}
	}
	t.files["404.html"] = entry{data: func() []byte {
		b, err := pl.Theme.NotFound(s)
		if err != nil {
			return []byte("<!DOCTYPE html><title>404</title>")
		}
		return b
	}}
	t.files["assets/css/chroma.css"] = entry{data: func() []byte { return []byte(highlight.CSS()) }}
	t.groups = []*group{
		{prefixes: []string{"search/"}, make: func() (map[string][]byte, error) {
			files, _, err := pl.searchFiles(s)
			return files, err
		}},
		{prefixes: []string{"assets/graph/", "assets/previews/"}, make: func() (map[string][]byte, error) {
			return pl.graphFiles(s), nil
		}},
	}
	return t
}

// Pages are the published pages, sorted by URL: a page that lost a URL
// conflict is not one of them.
func (t *Table) Pages() []*site.Page {
	var pages []*site.Page
	for _, p := range t.site.Pages {
		if t.site.ByURL[p.URL] == p {
			pages = append(pages, p)
		}
	}
	slices.SortFunc(pages, func(a, b *site.Page) int { return strings.Compare(a.URL, b.URL) })
	return pages
}

// File makes the file at path. live adds the reload script to pages.
// A content file to copy comes back as its path in the content folder
// (copy), so the server can stream it; ok is false for a path the site
// does not hold.
func (t *Table) File(path string, live bool) (data []byte, copy string, ok bool, err error) {
	if e, found := t.files[path]; found {
		switch {
		case e.page != nil:
			data, err = t.pl.Theme.Page(t.layout, e.page, html.Options{LiveReload: live})
		case e.data != nil:
			data = e.data()
		case e.copy != "":
			return nil, e.copy, true, nil
		default:
			data, err = fs.ReadFile(t.pl.Theme.Assets(), e.asset)
		}
		return data, "", true, err
	}
	for _, g := range t.groups {
		if g.holds(path) {
			files, err := g.get()
			b, found := files[path]
			return b, "", found, err
		}
	}
	return nil, "", false, nil
}

// PageFor is the page a path shows, if it is one.
func (t *Table) PageFor(path string) *site.Page {
	return t.files[path].page
}

// Sink takes the files of a build as they are made; output.Writer is
// one. Put and Copy are called from many goroutines.
type Sink interface {
	Put(path string, data []byte)
	Copy(path, src string)
}

// Emit makes every file of the table into sink: pages on all workers, the
// search index and graph data alongside them.
func (t *Table) Emit(sink Sink) error {
	done := make(chan error, len(t.groups))
	for _, g := range t.groups {
		go func() {
			files, err := g.get()
			for p, b := range files {
				if _, shadowed := t.files[p]; !shadowed {
					sink.Put(p, b)
				}
			}
			done <- err
		}()
	}
	var pages []string
	var firstErr error
	for p, e := range t.files {
		switch {
		case e.page != nil:
			pages = append(pages, p)
		case e.data != nil:
			sink.Put(p, e.data())
		case e.copy != "":
			sink.Copy(p, e.copy)
		default:
			b, err := fs.ReadFile(t.pl.Theme.Assets(), e.asset)
			if err != nil {
				if firstErr == nil {
					firstErr = err
				}
				continue
			}
			sink.Put(p, b)
		}
	}
	var mu sync.Mutex
	workers.Each(pages, t.pl.workers, func(p string) {
		b, err := t.pl.Theme.Page(t.layout, t.files[p].page, html.Options{})
		if err != nil {
			mu.Lock()
			if firstErr == nil {
				firstErr = fmt.Errorf("%s: %w", p, err)
			}
			mu.Unlock()
			return
		}
		sink.Put(p, b)
	})
	for range t.groups {
		if err := <-done; err != nil && firstErr == nil {
			firstErr = err
		}
	}
	return firstErr
}

// Files makes every file of the table in memory, the theme's assets left
// in its file system (for tests, which look at what a build holds).
func (t *Table) Files() (*output.Files, error) {
	c := &collector{files: &output.Files{Data: map[string][]byte{}, Copy: map[string]string{}, Assets: t.pl.Theme.Assets()}}
	if err := t.Emit(c); err != nil {
		return nil, err
	}
	for p, e := range t.files {
		if e.asset != "" {
			delete(c.files.Data, p)
		}
	}
	return c.files, nil
}

type collector struct {
	mu    sync.Mutex
	files *output.Files
}

func (c *collector) Put(path string, data []byte) {
	c.mu.Lock()
	c.files.Data[path] = data
	c.mu.Unlock()
}

func (c *collector) Copy(path, src string) {
	c.mu.Lock()
	c.files.Copy[path] = src
	c.mu.Unlock()
}

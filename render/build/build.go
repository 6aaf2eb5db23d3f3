// Package build runs the publish pipeline: load the content folder, parse and
// render every page on all CPUs, index the site, apply the theme, and write
// the output atomically.
package build

import (
	"fmt"
	"io/fs"
	"runtime"
	"slices"
	"sync"
	"time"

	"docsite/internal/workers"
	"docsite/render/cache"
	"docsite/render/config"
	"docsite/render/diag"
	"docsite/render/glossary"
	"docsite/render/graph"
	"docsite/render/highlight"
	"docsite/render/html"
	"docsite/render/markdown"
	"docsite/render/math"
	"docsite/render/search"
	"docsite/render/site"
	theme "docsite/themes/default"
)

// Options say what to build and where.
type Options struct {
	Content  string
	Out      string
	CacheDir string // "" disables the disk caches
	Config   *config.Config
	Drafts   bool
	Workers  int // 0 means one per CPU
	// Check, when set, gives the build's diagnostics (the source checks);
	// without it they are what loading and parsing found.
	Check func(*site.Site) []diag.Diagnostic
}

// Result describes a finished build.
type Result struct {
	Site        *site.Site
	Pages       int
	Files       int
	Diagnostics []diag.Diagnostic
	Duration    time.Duration
	// Warning tells of something missing from the machine, not the content
	// (KaTeX not installed); "" when all is there.
	Warning string
}

// Pipeline holds what is expensive to make and safe to reuse between builds:
// the goldmark converter, the highlighter and the theme. The preview server
// keeps one for its whole life.
type Pipeline struct {
	Converter   *markdown.Converter
	Highlighter *highlight.Highlighter
	layouts     *cache.Store // graph layouts by the graph they lay out
	indexes     *cache.Store // search indexes by the text they index
	Theme       *html.Theme
	Math        *math.KaTeX // nil when KaTeX is not installed
	MathWarning string
	workers     int
}

// NewPipeline prepares the converter and theme.
func NewPipeline(opts Options) (*Pipeline, error) {
	th, err := html.LoadTheme(theme.FS)
	if err != nil {
		return nil, err
	}
	hl := highlight.New(highlight.WithCacheDir(opts.CacheDir))
	w := opts.Workers
	if w <= 0 {
		w = runtime.NumCPU()
	}
	convOpts := []markdown.Option{markdown.WithHighlighter(hl), markdown.WithExtensions(glossary.NewExtension()),
		markdown.WithSanitize(opts.Config != nil && opts.Config.Sanitize)}
	engine, warning := newMathEngine(opts.CacheDir, w)
	if engine != nil {
		convOpts = append(convOpts, markdown.WithMath(engine))
	}
	return &Pipeline{
		Converter:   markdown.New(convOpts...),
		Highlighter: hl,
		layouts:     cache.Open(opts.CacheDir, "graph-layout.bin"),
		indexes:     cache.Open(opts.CacheDir, "search-index.bin"),
		Theme:       th,
		Math:        engine,
		MathWarning: warning,
		workers:     w,
	}, nil
}

// Save keeps the caches for the next run; a cache that cannot be written
// only makes the next run slower, so errors are dropped.
func (pl *Pipeline) Save() {
	_ = pl.Highlighter.Save()
	_ = pl.layouts.Save()
	_ = pl.indexes.Save()
	if pl.Math != nil {
		_ = pl.Math.Close()
	}
}

// newMathEngine starts KaTeX from the theme's vendored script. Without it
// (npm assets not installed) formulas are left as TeX source, and the build
// says so once instead of failing.
func newMathEngine(cacheDir string, workers int) (*math.KaTeX, string) {
	src, err := fs.ReadFile(theme.FS, "assets/vendor/katex/katex.min.js")
	if err != nil {
		return nil, "KaTeX is not installed in the theme (run make assets); formulas are shown as TeX source"
	}
	var opts []math.EngineOption
	opts = append(opts, math.WithWorkers(workers))
	if cacheDir != "" {
		opts = append(opts, math.WithCacheDir(cacheDir))
	}
	k, err := math.NewKaTeX(src, opts...)
	if err != nil {
		return nil, "KaTeX: " + err.Error()
	}
	return k, ""
}

// Build builds the site into opts.Out. The previous output stays untouched
// until the new one is complete.
func Build(opts Options) (*Result, error) {
	start := time.Now()
	pl, err := NewPipeline(opts)
	if err != nil {
		return nil, err
	}
	s, err := pl.Load(opts)
	if err != nil {
		return nil, err
	}
	files, err := pl.Render(s)
	if err != nil {
		return nil, err
	}
	// The checks read the finished model while the disk is written.
	checked := make(chan []diag.Diagnostic, 1)
	go func() {
		if opts.Check != nil {
			checked <- opts.Check(s)
			return
		}
		checked <- Diagnostics(s)
	}()
	n, err := WriteAtomic(opts.Out, opts.Content, files, s)
	ds := <-checked
	if err != nil {
		return nil, err
	}
	pl.Save()
	return &Result{Site: s, Pages: len(s.ByURL), Files: n, Diagnostics: ds, Duration: time.Since(start), Warning: pl.MathWarning}, nil
}

// Load reads, parses and renders the body of every page, then indexes the site.
func (pl *Pipeline) Load(opts Options) (*site.Site, error) {
	return pl.load(opts, pl.ParsePage)
}

// Model reads and parses every page into the page model without rendering
// anything: what the checker needs.
func (pl *Pipeline) Model(opts Options) (*site.Site, error) {
	return pl.load(opts, func(s *site.Site, p *site.Page) {
		defer recoverPage(p)
		readGlossary(s, p, pl.Converter.ParseIn(p, s), false)
	})
}

func (pl *Pipeline) load(opts Options, each func(*site.Site, *site.Page)) (*site.Site, error) {
	s, err := site.Load(opts.Content, opts.Config)
	if err != nil {
		return nil, err
	}
	IndexCitations(s)
	// Glossary sources are parsed first: every other page marks the terms
	// they define while it is parsed.
	sources, rest := glossarySources(s)
	pl.parallel(sources, func(p *site.Page) { each(s, p) })
	indexGlossary(s, sources)
	pl.parallel(rest, func(p *site.Page) { each(s, p) })
	s.Index(opts.Drafts)
	AddReferencesPage(s)
	AddGlossaryPage(s)
	return s, nil
}

// recoverPage turns a crash on one page into a diagnostic for that page; the
// rest of the site still builds.
func recoverPage(p *site.Page) {
	if r := recover(); r != nil {
		p.Body = ""
		p.Diags = append(p.Diags, diag.Diagnostic{File: p.Path, Line: 1, Column: 1, EndLine: 1, EndColumn: 1,
			Severity: diag.Error, Rule: "page/internal", Message: fmt.Sprintf("page could not be rendered: %v", r)})
	}
}

// ParsePage parses one page and renders its body right away, so its AST is
// garbage as soon as the page is done.
func (pl *Pipeline) ParsePage(s *site.Site, p *site.Page) {
	defer recoverPage(p)
	doc := pl.Converter.ParseIn(p, s)
	readGlossary(s, p, doc, true)
	if !s.Config.KeepTOC {
		if start, end, ok := site.FindTOC(p); ok {
			p.HiddenTOC = [2]int{start, end}
			markdown.Drop(doc, start, end)
		}
	}
	body, err := pl.Converter.Render(p, doc, func(dest string) (string, bool) { return s.LinkURL(p, dest) })
	if err != nil {
		p.Diags = append(p.Diags, diag.Diagnostic{File: p.Path, Line: 1, Column: 1, EndLine: 1, EndColumn: 1,
			Severity: diag.Error, Rule: "page/internal", Message: err.Error()})
	}
	p.Body = body
}

// parallel runs fn over pages on the pipeline's workers.
func (pl *Pipeline) parallel(pages []*site.Page, fn func(*site.Page)) {
	workers.Each(pages, pl.workers, fn)
}

// Diagnostics collects what loading and parsing found, sorted.
func Diagnostics(s *site.Site) []diag.Diagnostic {
	ds := slices.Clone(s.Diagnostics)
	for _, p := range s.Pages {
		ds = append(ds, p.Diags...)
	}
	diag.Sort(ds)
	return ds
}

// Render applies the theme to every page and lays out every output file in
// memory: path relative to the output folder → contents, or → a source file
// to copy.
func (pl *Pipeline) Render(s *site.Site) (*Files, error) {
	out := &Files{Data: map[string][]byte{}, Copy: map[string]string{}}
	layout, err := pl.Layout(s)
	if err != nil {
		return nil, err
	}
	var mu sync.Mutex
	var firstErr error
	pages := make([]*site.Page, 0, len(s.ByURL))
	for _, p := range s.Pages {
		if s.ByURL[p.URL] == p {
			pages = append(pages, p)
		}
	}
	// The search index reads only the model: build it while pages render.
	type searchResult struct {
		files map[string][]byte
		stats search.Stats
		err   error
	}
	searchDone := make(chan searchResult, 1)
	go func() {
		f, st, err := pl.searchFiles(s)
		searchDone <- searchResult{f, st, err}
	}()
	graphDone := make(chan map[string][]byte, 1)
	go func() { graphDone <- pl.graphFiles(s) }()
	pl.parallel(pages, func(p *site.Page) {
		b, err := pl.Theme.Page(layout, p, html.Options{})
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			if firstErr == nil {
				firstErr = fmt.Errorf("%s: %w", p.Path, err)
			}
			return
		}
		out.Data[PageFile(p.URL)] = b
	})
	if firstErr != nil {
		return nil, firstErr
	}
	for _, f := range s.Files {
		out.Copy[f] = f
	}
	nf, err := pl.Theme.NotFound(s)
	if err != nil {
		return nil, err
	}
	out.Data["404.html"] = nf
	slices.SortFunc(pages, func(a, b *site.Page) int {
		if a.URL < b.URL {
			return -1
		}
		if a.URL > b.URL {
			return 1
		}
		return 0
	})
	out.Data["sitemap.xml"] = html.Sitemap(s, pages)
	out.Data["robots.txt"] = html.Robots(s)
	for _, lang := range s.Langs {
		out.Data[html.NavFile(s, lang)] = []byte(html.Sidebar(s, lang))
	}
	out.Data["assets/css/chroma.css"] = []byte(highlight.CSS())
	for _, lang := range s.Langs {
		gp := graph.NewPage(s, lang)
		b, err := pl.Theme.Page(layout, gp, html.Options{})
		if err != nil {
			return nil, err
		}
		out.Data[PageFile(gp.URL)] = b
	}
	for p, b := range <-graphDone {
		out.Data[p] = b
	}
	sr := <-searchDone
	if sr.err != nil {
		return nil, sr.err
	}
	for p, b := range sr.files {
		out.Data[p] = b
	}
	out.Search = sr.stats
	out.Assets = pl.Theme.Assets()
	return out, nil
}

// Layout fills the generated folder pages and prepares what all pages share.
func (pl *Pipeline) Layout(s *site.Site) (*html.Layout, error) {
	for _, p := range s.Pages {
		if p.Generated {
			body, err := pl.Theme.IndexBody(s, p)
			if err != nil {
				return nil, err
			}
			p.Body = body
		}
	}
	return html.NewLayout(s), nil
}

// PageFile is the output file of a page URL: "/a/b/" → "a/b/index.html".
func PageFile(url string) string {
	return url[1:] + "index.html"
}

// Files is the whole output of a build, before it is written.
type Files struct {
	Data   map[string][]byte // output path → contents
	Copy   map[string]string // output path → source path relative to the content folder
	Assets fs.FS             // copied under assets/
	Search search.Stats      // what the search index holds
}

// Package build runs the publish pipeline: load the content folder, parse and
// render every page on all CPUs, index the site, apply the theme, and write
// the output atomically.
package build

import (
	"context"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/yuin/goldmark/ast"

	"docsite/internal/cache"
	"docsite/internal/config"
	"docsite/internal/diag"
	"docsite/internal/load"
	"docsite/internal/markdown"
	"docsite/internal/site"
	"docsite/internal/vcs"
	"docsite/render/diagrams"
	"docsite/render/highlight"
	"docsite/render/html"
	"docsite/render/output"
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
}

// Result describes a finished build.
type Result struct {
	Site        *site.Site
	Pages       int
	Files       int
	Diagnostics []diag.Diagnostic
	Duration    time.Duration
	// Unwritten are the content files that could not be read to be copied
	// (gone or unreadable since they were listed), left out of the output.
	Unwritten []diag.Diagnostic
	// Warning tells of something missing from the machine, not the content
	// (KaTeX not installed); "" when all is there.
	Warning string
	// Diagrams is what mermaid: {render: build} drew.
	Diagrams diagrams.Stats
	// Restored is how many pages came from the last build's render
	// (unchanged, and no link target came or went) instead of a parse.
	Restored int
}

// Pipeline holds what is expensive to make and safe to reuse between builds:
// the parser (goldmark and the math engine), the highlighter and the theme.
// The preview server keeps one for its whole life.
type Pipeline struct {
	*load.Parser
	Highlighter *highlight.Highlighter
	layouts     *cache.Store // graph layouts by the graph they lay out
	indexes     *cache.Store // search indexes by the text they index
	indexBuilds int          // search indexes made, not taken from the cache
	Theme       *html.Theme
	workers     int
}

// NewPipeline prepares the parser and theme.
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
	return &Pipeline{
		Parser: load.NewParser(load.WithCacheDir(opts.CacheDir), load.WithRenderCache(opts.CacheDir), load.WithWorkers(w),
			load.WithSanitize(opts.Config == nil || opts.Config.Sanitize),
			load.WithConverter(markdown.WithHighlighter(hl))),
		Highlighter: hl,
		layouts:     cache.Open(opts.CacheDir, "graph-layout.bin"),
		indexes:     cache.Open(opts.CacheDir, "search-index.bin"),
		Theme:       th,
		workers:     w,
	}, nil
}

// Save keeps the caches for the next run; a cache that cannot be written
// only makes the next run slower, so errors are dropped.
func (pl *Pipeline) Save() {
	var wg sync.WaitGroup
	for _, save := range []func() error{pl.Highlighter.Save, pl.layouts.Save, pl.indexes.Save} {
		wg.Go(func() { _ = save() })
	}
	wg.Wait()
	pl.Close()
}

// Build builds the site into opts.Out. The previous output stays untouched
// until the new one is complete. Its diagnostics are what loading and
// parsing found; the command adds the source checks (see Prepare).
func Build(opts Options) (*Result, error) {
	b, err := Prepare(opts)
	if err != nil {
		return nil, err
	}
	ds := Diagnostics(b.Site)
	res, err := b.Write()
	if err != nil {
		return nil, err
	}
	res.Diagnostics = append(ds, res.Unwritten...)
	return res, nil
}

// Prepared is a site rendered in memory, not yet written: its model can be
// checked while Write puts it on disk.
type Prepared struct {
	Site     *site.Site
	Diagrams diagrams.Stats
	opts     Options
	pl       *Pipeline
	table    *Table
	start    time.Time
}

// Prepare loads, parses and indexes the site, and lays out its output:
// what Write then makes and writes.
func Prepare(opts Options) (*Prepared, error) {
	start := time.Now()
	pl, err := NewPipeline(opts)
	if err != nil {
		return nil, err
	}
	s, err := pl.Load(opts)
	if err != nil {
		return nil, err
	}
	var drawn diagrams.Stats
	if s.Config.Mermaid.AtBuild() {
		drawn, err = diagrams.Draw(s, diagrams.Options{Chromium: s.Config.Mermaid.Chromium, CacheDir: opts.CacheDir, Assets: pl.Theme.Assets()})
		if err != nil {
			return nil, err
		}
	}
	t, err := pl.Table(s)
	if err != nil {
		return nil, err
	}
	return &Prepared{Site: s, Diagrams: drawn, opts: opts, pl: pl, table: t, start: start}, nil
}

// Write renders the prepared site's files straight to disk, atomically
// (see output.Writer), and keeps the caches. It only reads the site model,
// so the checks can read it meanwhile.
func (b *Prepared) Write() (*Result, error) {
	w, err := output.Begin(b.opts.Out, b.opts.Content)
	if err != nil {
		return nil, err
	}
	if err := b.table.Emit(w); err != nil {
		w.Abort()
		return nil, err
	}
	n, skipped, err := w.Commit()
	if err != nil {
		return nil, err
	}
	b.pl.Save()
	res := &Result{Site: b.Site, Pages: len(b.Site.ByURL), Files: n, Duration: time.Since(b.start), Warning: b.pl.MathWarning, Diagrams: b.Diagrams,
		Restored: b.pl.Restored()}
	for _, f := range skipped {
		res.Unwritten = append(res.Unwritten, diag.Diagnostic{File: f, Line: 1, Column: 1, EndLine: 1, EndColumn: 1, Severity: diag.Warning,
			Rule: site.RuleLoadUnreadable, Message: "the file could not be read when the site was written; it is left out"})
	}
	return res, nil
}

// Load reads, parses and renders the body of every page, then indexes the
// site. What git says about the content (edit links, last changes) is read
// meanwhile, in one pass of git log, and waits for nothing but itself.
func (pl *Pipeline) Load(opts Options) (*site.Site, error) {
	cfg := opts.Config
	if cfg == nil {
		cfg = config.Default()
	}
	git := make(chan *vcs.Info, 1)
	go func() {
		git <- vcs.Read(context.Background(), opts.Content, vcs.Options{Edit: cfg.Edit, LastUpdated: cfg.LastUpdated})
	}()
	s, err := pl.Site(load.Options{Content: opts.Content, Config: cfg, Drafts: opts.Drafts, Page: pl.renderBody})
	info := <-git
	if err != nil {
		return nil, err
	}
	s.VCS = info
	return s, nil
}

// Model reads and parses every page into the page model without rendering
// anything: what the checker needs.
func (pl *Pipeline) Model(opts Options) (*site.Site, error) {
	return pl.Site(load.Options{Content: opts.Content, Config: opts.Config, Drafts: opts.Drafts})
}

// ParsePage parses one page again and renders its body (serve, after a save).
func (pl *Pipeline) ParsePage(s *site.Site, p *site.Page) {
	pl.Page(s, p, pl.renderBody)
}

// renderBody renders a page's body right after its parse, so its AST is
// garbage as soon as the page is done.
func (pl *Pipeline) renderBody(s *site.Site, p *site.Page, doc ast.Node) {
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

// Diagnostics collects what loading and parsing found, sorted.
func Diagnostics(s *site.Site) []diag.Diagnostic {
	ds := slices.Concat(s.Diagnostics, s.IndexDiags)
	for _, p := range s.Pages {
		ds = append(ds, p.Diags...)
	}
	diag.Sort(ds)
	return ds
}

// Render lays out every output file in memory: path relative to the output
// folder → contents, or → a source file to copy.
func (pl *Pipeline) Render(s *site.Site) (*output.Files, error) {
	t, err := pl.Table(s)
	if err != nil {
		return nil, err
	}
	return t.Files()
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

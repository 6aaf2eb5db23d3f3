// Package load is the stage both consumers start from: read the content
// folder, parse every page once, index the site. The checker calls it as it
// is; the publishing pipeline passes a hook that renders each page's body
// right after its parse, so no AST outlives its page.
package load

import (
	"fmt"
	"html/template"
	"io/fs"
	"runtime"
	"strings"
	"sync"

	"github.com/yuin/goldmark/ast"

	"docsite/internal/config"
	"docsite/internal/diag"
	"docsite/internal/diagram"
	"docsite/internal/glossary"
	"docsite/internal/index"
	"docsite/internal/markdown"
	"docsite/internal/math"
	"docsite/internal/site"
	"docsite/internal/workers"
	theme "docsite/themes/default"
)

// Parser holds what is expensive to make and safe to share between pages
// and between loads: the configured goldmark converter and the math engine
// whose verdicts make math/parse findings.
type Parser struct {
	Converter *markdown.Converter
	// Math typesets natively and falls back to KaTeX for the few formulas
	// it cannot; MathWarning says when KaTeX is not installed for those.
	Math        *math.Native
	MathWarning string
	workers     int
	pages       *pageCache // the checker's; nil: every load parses every page
	rendered    *pageCache // a build's: models with their bodies
	saving      sync.WaitGroup
}

// Option configures a Parser.
type Option func(*parserOptions)

type parserOptions struct {
	cacheDir string
	pageDir  string
	buildDir string
	workers  int
	sanitize bool
	conv     []markdown.Option
}

// WithCacheDir keeps typeset formulas in dir between runs ("" keeps none).
func WithCacheDir(dir string) Option { return func(o *parserOptions) { o.cacheDir = dir } }

// WithPageCache makes the parser the checker's: it keeps what the parse
// made of each page in dir between runs, and parses with
// markdown.ForChecking, so its models lack what only readers see and its
// ASTs are not for rendering. Its loads without a Page hook take each
// unchanged page from the cache.
func WithPageCache(dir string) Option { return func(o *parserOptions) { o.pageDir = dir } }

// WithRenderCache keeps, in dir between builds, each page's model with its
// rendered body: a load with a Page hook then calls the hook only for the
// pages whose bytes or whose links' targets changed.
func WithRenderCache(dir string) Option { return func(o *parserOptions) { o.buildDir = dir } }

// WithWorkers sets how many pages are parsed at once (default: one per CPU).
func WithWorkers(n int) Option { return func(o *parserOptions) { o.workers = n } }

// WithSanitize removes script from raw HTML (docsite.yaml sanitize: true).
func WithSanitize(on bool) Option { return func(o *parserOptions) { o.sanitize = on } }

// WithConverter passes options to the goldmark converter (the highlighter).
func WithConverter(opts ...markdown.Option) Option {
	return func(o *parserOptions) { o.conv = append(o.conv, opts...) }
}

// NewParser configures goldmark once and starts the math engine.
func NewParser(opts ...Option) *Parser {
	var o parserOptions
	for _, f := range opts {
		f(&o)
	}
	if o.workers <= 0 {
		o.workers = runtime.NumCPU()
	}
	conv := []markdown.Option{markdown.WithExtensions(glossary.NewExtension()), markdown.WithSanitize(o.sanitize)}
	if o.pageDir != "" {
		conv = append(conv, markdown.ForChecking()) // the checker's parser
	}
	engine, warning := newMathEngine(o.cacheDir, o.workers)
	conv = append(conv, markdown.WithMath(engine))
	return &Parser{
		Converter:   markdown.New(append(conv, o.conv...)...),
		Math:        engine,
		MathWarning: warning,
		workers:     o.workers,
		pages:       newPageCache(o.pageDir),
		rendered:    newRenderCache(o.buildDir),
	}
}

// Restored is how many pages the last load took from the page or render
// cache instead of parsing them.
func (pr *Parser) Restored() int {
	n := 0
	for _, c := range []*pageCache{pr.pages, pr.rendered} {
		if c != nil {
			n += int(c.hits.Load())
		}
	}
	return n
}

// Close stops the math engine and keeps its caches.
func (pr *Parser) Close() {
	pr.saving.Wait()
	if pr.Math != nil {
		_ = pr.Math.Close()
	}
}

// newMathEngine makes the native engine with KaTeX, from the theme's
// vendored script, behind it for formulas the native one cannot typeset.
// KaTeX's runtime starts on the first such formula, and without the script
// (npm assets not installed) those few are shown as TeX source.
func newMathEngine(cacheDir string, workers int) (*math.Native, string) {
	src, err := fs.ReadFile(theme.FS, "assets/vendor/katex/katex.min.js")
	if err != nil {
		return math.NewNative(nil), "KaTeX is not installed in the theme (run make assets); the rare formulas only KaTeX can typeset are shown as TeX source"
	}
	opts := []math.EngineOption{math.WithWorkers(workers), math.WithMathMLOnly()}
	if cacheDir != "" {
		opts = append(opts, math.WithCacheDir(cacheDir))
	}
	k, err := math.NewKaTeX(src, opts...)
	if err != nil {
		return math.NewNative(nil), "KaTeX: " + err.Error()
	}
	return math.NewNative(k), ""
}

// Options say what to load.
type Options struct {
	Content string
	Config  *config.Config
	Drafts  bool
	// Overlay gives some pages' bytes instead of the disk's (path relative
	// to Content → contents).
	Overlay map[string][]byte
	// Page, when set, is called for every page right after its parse with
	// the page's AST, on the parsing worker, to render it: not with a
	// WithPageCache parser, whose ASTs are the checker's. A load without it
	// renders nothing. With WithRenderCache, a page restored from the last
	// build's render is not handed to it.
	Page func(s *site.Site, p *site.Page, doc ast.Node)
}

// Site reads, parses and indexes the content folder.
func (pr *Parser) Site(opts Options) (*site.Site, error) {
	cfg := opts.Config
	if cfg == nil {
		cfg = config.Default()
	}
	go diagram.Prepare() // while the files are read
	s, err := site.LoadWith(opts.Content, cfg, opts.Overlay)
	if err != nil {
		return nil, err
	}
	sources, rest := index.Prepare(s)
	// A load that renders nothing needs no AST: it may take a page's model
	// from the last run's parse of the same bytes; a build, its model and
	// body from the last build's.
	pages := pr.pages
	if opts.Page != nil {
		pages = pr.rendered
	}
	if pages != nil {
		pages.begin(s, pr.MathWarning != "")
	}
	parse := func(p *site.Page) { pr.page(s, p, opts.Page, pages) }
	workers.Each(sources, pr.workers, parse)
	index.Glossary(s, sources)
	if pages != nil {
		pages.glossaryKnown(sources)
	}
	workers.Each(rest, pr.workers, parse)
	index.Site(s, opts.Drafts)
	if pages != nil {
		// Written while the caller checks: the cache is not on its path.
		pr.saving.Add(1)
		go func() {
			defer pr.saving.Done()
			_ = pages.save()
		}()
	}
	return s, nil
}

// Page parses one page of s (again, after an edit) and hands its AST to
// each. A crash on one page becomes a finding on that page; the rest of the
// site still loads.
func (pr *Parser) Page(s *site.Site, p *site.Page, each func(*site.Site, *site.Page, ast.Node)) {
	pr.page(s, p, each, nil)
}

func (pr *Parser) page(s *site.Site, p *site.Page, each func(*site.Site, *site.Page, ast.Node), pages *pageCache) {
	defer recoverPage(p)
	if overBudget(s, p) {
		return
	}
	var key string
	before := len(p.Diags)
	if pages != nil {
		if key = pages.key(p); pages.restore(p, key) {
			return
		}
	}
	doc := pr.Converter.ParseIn(p, s)
	index.PageGlossary(s, p, doc, each != nil)
	if each != nil {
		each(s, p, doc)
	}
	if pages != nil {
		pages.keep(p, key, before)
	}
}

func recoverPage(p *site.Page) {
	if r := recover(); r != nil {
		p.Body = ""
		p.Diags = append(p.Diags, diag.Diagnostic{File: p.Path, Line: 1, Column: 1, EndLine: 1, EndColumn: 1,
			Severity: diag.Error, Rule: RulePageInternal, Message: fmt.Sprintf("page could not be rendered: %v", r)})
	}
}

// overBudget publishes a page that would cost more than the limits allow
// as plain text, with a finding that says why: one file must not stall
// the build or the pull-request gate (goldmark's time grows with the cube
// of list depth).
func overBudget(s *site.Site, p *site.Page) bool {
	lim := s.Config.Limits
	var d diag.Diagnostic
	switch depth, line := 0, 0; {
	case lim.PageSize > 0 && len(p.Source) > lim.PageSize:
		d = diag.Diagnostic{Line: 1, Rule: RulePageTooLarge, Message: fmt.Sprintf(
			"the page is %d bytes, over the limit of %d (limits.pageSize): it is published as plain text and not checked", len(p.Source), lim.PageSize)}
	case lim.Nesting > 0:
		if p.Lines != nil && !markdown.MayNestDeeper(p.Source, p.Lines, lim.Nesting) {
			return false
		}
		if depth, line = markdown.Nesting(p.Source); depth <= lim.Nesting {
			return false
		}
		d = diag.Diagnostic{Line: line, Rule: RulePageTooDeep, Message: fmt.Sprintf(
			"lists, quotes or brackets nest %d deep here, over the limit of %d (limits.nesting): the page is published as plain text and not checked", depth, lim.Nesting)}
	default:
		return false
	}
	d.File, d.Column, d.EndLine, d.EndColumn, d.Severity = p.Path, 1, d.Line, 1, diag.Warning
	p.Diags = append(p.Diags, d)
	p.Body = template.HTML("<pre class=\"degraded\">" + template.HTMLEscapeString(strings.ToValidUTF8(string(p.Source), "\uFFFD")) + "</pre>")
	return true
}

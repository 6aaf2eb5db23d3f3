// Package markdown configures goldmark once, with docsite's extensions, and
// turns a page's source into the page model (Parse) and into HTML (Render).
// Each file is parsed exactly once: Parse returns the AST, the caller renders
// it right away or drops it (the checker needs only the model).
package markdown

import (
	"bytes"
	"html/template"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"docsite/internal/citation"
	"docsite/internal/diag"
	"docsite/internal/markdown/blocks"
	"docsite/internal/markdown/cjk"
	"docsite/internal/math"
	"docsite/internal/mermaid"
	"docsite/internal/site"
)

// Converter is safe for concurrent use by many page workers.
type Converter struct {
	md        goldmark.Markdown
	sanitize  bool
	highlight Highlighter
	math      math.Renderer
	extra     []goldmark.Extender
	checking  bool
}

// Option configures a Converter.
type Option func(*Converter)

// Highlighter turns a code block into HTML. The publishing side passes
// chroma's (render/highlight); the checker renders nothing and needs none.
type Highlighter interface {
	Block(lang, code string) string
}

// WithHighlighter sets the code highlighter (and its cache).
func WithHighlighter(h Highlighter) Option {
	return func(c *Converter) { c.highlight = h }
}

// WithMath typesets formulas with r while parsing, so a formula that does not
// parse is a diagnostic for build and check alike.
func WithMath(r math.Renderer) Option {
	return func(c *Converter) { c.math = r }
}

// WithSanitize removes script from raw HTML (docsite.yaml sanitize: true).
func WithSanitize(on bool) Option {
	return func(c *Converter) { c.sanitize = on }
}

// ForChecking makes the parse the checker's, which renders nothing. The
// model keeps all the rules read, but what only readers see is left out:
// Page.Text, Page.Summary, code blocks' text and links' text spans
// (search, previews and backlink contexts), heading IDs on the AST, the
// inline parse of paragraphs of plain prose (see skipProse), the joining
// of Chinese lines outside headings, formulas' MathML (a Checker gives the
// verdict alone). The AST returned is not one
// to render. BenchmarkParseForChecking against BenchmarkParse shows what
// this saves.
func ForChecking() Option {
	return func(c *Converter) { c.checking = true }
}

// WithExtensions adds goldmark extensions (math, citations, …).
func WithExtensions(e ...goldmark.Extender) Option {
	return func(c *Converter) { c.extra = append(c.extra, e...) }
}

// New builds the goldmark pipeline.
func New(opts ...Option) *Converter {
	c := &Converter{}
	for _, o := range opts {
		o(c)
	}
	if c.highlight == nil {
		c.highlight = plainCode{}
	}
	exts := []goldmark.Extender{
		extension.GFM, extension.Footnote,
		cjk.New(c.cjkOptions()...),
		math.New(), mermaid.New(), citation.New(),
		&docsiteRenderers{c: c}, wideTables{},
	}
	if c.checking {
		exts = append(exts, skipProse{})
	}
	exts = append(exts, c.extra...)
	c.md = goldmark.New(
		goldmark.WithParser(newParser()),
		goldmark.WithExtensions(exts...),
		goldmark.WithRendererOptions(html.WithUnsafe()),
	)
	return c
}

func (c *Converter) cjkOptions() []cjk.Option {
	opts := []cjk.Option{cjk.WithStrikethrough(true)}
	if c.checking {
		// Of the text, a check reads headings' (their IDs) and a glossary
		// source's (its terms); of headings, only setext ones run over
		// lines.
		opts = append(opts, cjk.WithLineBreaksIn(func(doc *ast.Document, pc parser.Context) []ast.Node {
			hs, ok := blocks.SetextHeadings(pc)
			if !ok || pc.Get(proseWholeKey) != nil {
				return []ast.Node{doc}
			}
			in := make([]ast.Node, len(hs))
			for i, h := range hs {
				in[i] = h
			}
			return in
		}))
	}
	return opts
}

// Parse parses the page once and fills its model: metadata, title,
// headings with GitHub IDs, links, code blocks, text for search. The AST
// it returns carries the heading IDs, ready for Render.
func (c *Converter) Parse(p *site.Page) ast.Node { return c.ParseIn(p, nil) }

// ParseIn is Parse for a page of site s: its citations resolve against the
// site's citation index.
func (c *Converter) ParseIn(p *site.Page, s *site.Site) ast.Node {
	pc := parser.NewContext()
	info := citation.PageInfo{Path: p.Path, Lang: p.Lang, Body: p.BodyOffset, Defs: p.Defs, DefsRead: p.DefsRead}
	if s != nil && s.Citations != nil {
		info.Index, info.ReferencesURL = s.Citations, s.Href(s.ReferencesURL)
	}
	citation.SetPage(pc, info)
	blocks.Record(pc)
	if p.GlossarySource {
		parseProse(pc)
	}
	// The front matter was split off at load: the parse starts after it.
	reader := text.NewReader(p.Source)
	for _, seg := reader.Position(); seg.Start < p.BodyOffset; _, seg = reader.Position() {
		reader.AdvanceLine()
	}
	doc := c.md.Parser().Parse(reader, parser.WithContext(pc))
	f := extract(p, doc, !c.checking)
	c.typeset(p, f)
	p.Cites = f.cites
	return doc
}

// Render writes the page body. links rewrites a destination written in the
// page to its URL on the site (false keeps it as written).
func (c *Converter) Render(p *site.Page, doc ast.Node, links func(dest string) (string, bool)) (template.HTML, error) {
	rewriteLinks(doc, p.Source, p.Lang, links)
	labelAnchors(doc, p.Lang)
	var buf bytes.Buffer
	buf.Grow(len(p.Source) * 3 / 2)
	if err := c.md.Renderer().Render(&buf, p.Source, doc); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// docsiteRenderers plugs in the node renderers for headings (anchor links),
// code blocks (chroma, mermaid) and raw HTML (link rewriting).
type docsiteRenderers struct{ c *Converter }

func (d *docsiteRenderers) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(&nodeRenderer{highlight: d.c.highlight, sanitize: d.c.sanitize}, 100),
	))
}

// formula typesets one formula, or only judges it when checking.
func (c *Converter) formula(tex string, display bool) (string, error) {
	if ch, ok := c.math.(math.Checker); ok && c.checking {
		return "", ch.Check(tex, display)
	}
	return c.math.Render(tex, display)
}

// typeset renders every formula of the page once, recording the model's
// formulas and a math/parse diagnostic for each one the engine rejects.
func (c *Converter) typeset(p *site.Page, found found) {
	for _, f := range found.formulas {
		m := site.Formula{TeX: f.TeX, Display: f.Display, Offset: f.Offset}
		if c.math != nil {
			out, err := c.formula(f.TeX, f.Display)
			switch {
			case err == nil:
				f.HTML = out
			case math.IsParseError(err):
				f.Err, m.Err = err.Error(), err.Error()
				d := diag.Diagnostic{File: p.Path, Severity: diag.Error, Rule: RuleMathParse, Message: err.Error(), Target: f.TeX}
				p.Lines.Span(&d, f.Offset, f.Offset+len(f.Open)+len(f.TeX)+len(f.Close))
				p.Diags = append(p.Diags, d)
			}
		}
		p.Math = append(p.Math, m)
	}
	p.HasMath = len(p.Math) > 0
	for _, d := range found.diagrams {
		p.Diagrams = append(p.Diagrams, site.Diagram{Source: d.Source, Offset: d.Offset, Err: d.Err, ErrOffset: d.ErrOffset})
	}
	p.HasMermaid = len(p.Diagrams) > 0
}

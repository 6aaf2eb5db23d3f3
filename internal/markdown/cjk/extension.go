package cjk

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// An Option configures the extension.
type Option func(*config)

type config struct {
	emphasis      bool
	strikethrough bool
	lineBreaks    bool
	joinIn        func(doc *ast.Document, pc parser.Context) []ast.Node
}

// WithEmphasis turns the CJK-friendly emphasis rules on or off (default on).
func WithEmphasis(enable bool) Option {
	return func(c *config) { c.emphasis = enable }
}

// WithStrikethrough turns on GFM strikethrough with the CJK-friendly
// flanking rules (default off, since plain CommonMark has no
// strikethrough). It replaces the parsing of extension.Strikethrough (part
// of extension.GFM) and brings its HTML renderer, so it works with or
// without GFM.
func WithStrikethrough(enable bool) Option {
	return func(c *config) { c.strikethrough = enable }
}

// WithLineBreaks turns the joining of lines between East Asian characters
// on or off (default on).
func WithLineBreaks(enable bool) Option {
	return func(c *config) { c.lineBreaks = enable }
}

// WithLineBreaksIn joins lines only inside the blocks in returns for a
// parse, leaving the rest as parsed: a parse whose text is read only in
// some blocks (the checker reads headings' text, for their IDs) spares
// the walk of the others.
func WithLineBreaksIn(in func(doc *ast.Document, pc parser.Context) []ast.Node) Option {
	return func(c *config) { c.joinIn = in }
}

type extender struct{ config }

// New returns the extension: CJK-friendly emphasis and the joining of
// lines between East Asian characters unless opts turn them off, and
// CJK-friendly strikethrough if opts turn it on. It composes with
// extension.GFM and extension.Footnote. goldmark's extension.CJK is not
// needed alongside it: its line breaks are a subset of this one's.
func New(opts ...Option) goldmark.Extender {
	e := &extender{config{emphasis: true, lineBreaks: true}}
	for _, opt := range opts {
		opt(&e.config)
	}
	return e
}

func (e *extender) Extend(m goldmark.Markdown) {
	if e.emphasis {
		m.Parser().AddOptions(parser.WithInlineParsers(
			util.Prioritized(NewEmphasisParser(), EmphasisPriority)))
	}
	if e.strikethrough {
		m.Parser().AddOptions(parser.WithInlineParsers(
			util.Prioritized(NewStrikethroughParser(), EmphasisPriority)))
		m.Renderer().AddOptions(renderer.WithNodeRenderers(
			util.Prioritized(extension.NewStrikethroughHTMLRenderer(), 500)))
	}
	if e.lineBreaks {
		m.Parser().AddOptions(parser.WithASTTransformers(
			util.Prioritized(lineBreakTransformer{joinIn: e.joinIn}, LineBreakPriority)))
	}
}

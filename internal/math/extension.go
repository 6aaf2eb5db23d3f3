package math

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

type config struct {
	engine Renderer
}

// Option configures the extension.
type Option func(*config)

// WithRenderer makes the node renderer typeset formulas with r when the
// pipeline has not filled Formula.HTML or Formula.Err beforehand.
func WithRenderer(r Renderer) Option {
	return func(c *config) { c.engine = r }
}

type mathExtension struct {
	cfg config
}

// New returns the math extension.
func New(opts ...Option) goldmark.Extender {
	e := &mathExtension{}
	for _, o := range opts {
		o(&e.cfg)
	}
	return e
}

func (e *mathExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(
		// The block parser goes before the fenced code parser (700); the
		// triggers do not overlap with any built-in parser.
		parser.WithBlockParsers(util.Prioritized(NewBlockParser(), 650)),
		// Code spans (100) and math start on different bytes, so the
		// leftmost opener wins and `$x$` stays code.
		parser.WithInlineParsers(util.Prioritized(NewInlineParser(), 150)),
		parser.WithASTTransformers(util.Prioritized(NewFenceTransformer(), 100)),
	)
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(&nodeRenderer{engine: e.cfg.engine}, 500),
	))
}

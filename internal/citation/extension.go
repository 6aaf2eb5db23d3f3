package citation

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// PageInfo tells the transformer which page it is parsing. Without it only
// the page's own definitions count and the list uses the extension's
// defaults.
type PageInfo struct {
	Path  string // content-relative path with '/', to find the nearest REFERENCES.md
	Lang  string // language of the page, for the reference list heading ("" = default)
	Index *Index // nil: the page's own definitions only
	// ReferencesURL is the URL of the site's references page ("" = default).
	ReferencesURL string
	// Body is where the Markdown starts, after the front matter.
	Body int
	// Defs are the page's definitions when already read (DefsRead);
	// otherwise the transformer reads them.
	Defs     []Def
	DefsRead bool
}

var pageKey = parser.NewContextKey()

// SetPage stores the page's info in the parser context before parsing.
func SetPage(pc parser.Context, info PageInfo) { pc.Set(pageKey, info) }

func pageOf(pc parser.Context) PageInfo {
	if pc != nil {
		if v, ok := pc.Get(pageKey).(PageInfo); ok {
			return v
		}
	}
	return PageInfo{}
}

type config struct {
	refsURL string
	lang    string
	noList  bool
}

// Option configures the extension.
type Option func(*config)

// WithoutList leaves the reference list out of the document, for a caller
// that places it itself with RenderList.
func WithoutList() Option { return func(c *config) { c.noList = true } }

type extender struct{ cfg config }

// New returns the citation extension: an AST transformer that turns [key]
// in prose into *Node and removes the page's definition lines, and the
// renderers of citations and of the reference list.
func New(opts ...Option) goldmark.Extender {
	e := &extender{cfg: config{refsURL: "/references/"}}
	for _, o := range opts {
		o(&e.cfg)
	}
	return e
}

// Priority of the transformer: after the math fences (100) and the table
// and line-break transformers, before footnotes (999) close the document.
const Priority = 500

func (e *extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(&transformer{cfg: e.cfg}, Priority)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&nodeRenderer{}, 500)))
}

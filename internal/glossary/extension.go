package glossary

import (
	"html"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// NewExtension returns the goldmark extension that renders TermNodes. It
// adds no parser: terms are found by Annotate once the glossary is known.
func NewExtension() goldmark.Extender { return termExtension{} }

type termExtension struct{}

func (termExtension) Extend(m goldmark.Markdown) {
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(termRenderer{}, 500)))
}

type termRenderer struct{}

func (termRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindTerm, renderTerm)
}

// renderTerm writes a link to the glossary entry around an abbr. The link
// is what keyboard and touch users reach: it takes focus, and the theme's
// CSS shows data-tip on hover and on focus, where a bare title attribute
// would show for the mouse only.
func renderTerm(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	t := n.(*TermNode)
	if !entering {
		_, _ = w.WriteString("</abbr></a>")
		return ast.WalkContinue, nil
	}
	tip := html.EscapeString(t.Tip)
	_, _ = w.WriteString(`<a class="term" href="` + html.EscapeString(t.Href) + `" data-tip="` + tip + `"><abbr title="` + tip + `">`)
	return ast.WalkContinue, nil
}

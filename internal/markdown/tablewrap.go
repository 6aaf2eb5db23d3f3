package markdown

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// gfmTable is goldmark's own <table> renderer, caught from its register
// call so that the wrapper below can delegate to it.
var gfmTable = func() renderer.NodeRendererFunc {
	c := catcher{}
	extension.NewTableHTMLRenderer().RegisterFuncs(c)
	return c[east.KindTable]
}()

type catcher map[ast.NodeKind]renderer.NodeRendererFunc

func (c catcher) Register(k ast.NodeKind, f renderer.NodeRendererFunc) { c[k] = f }

// table writes a table inside a box of its own: a table wider than the
// column scrolls in that box (the theme shades the side with more to see)
// instead of widening the page, and keeps its table semantics.
func (r *nodeRenderer) table(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<div class="table-wrap">` + "\n")
	}
	st, err := gfmTable(w, src, n, entering)
	if !entering {
		_, _ = w.WriteString("</div>\n")
	}
	return st, err
}

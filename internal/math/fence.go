package math

import (
	"docsite/internal/markdown/blocks"

	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// fenceTransformer turns ```math fences into display Blocks. Doing it on
// the AST leaves fence parsing (lengths, tildes, indentation, containers)
// to goldmark, which already gets it right.
type fenceTransformer struct{}

// NewFenceTransformer returns the AST transformer for ```math fences; New
// registers it.
func NewFenceTransformer() parser.ASTTransformer { return fenceTransformer{} }

func (fenceTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	source := reader.Source()
	for _, f := range blocks.Fences(doc, pc, source, "math") {
		var buf bytes.Buffer
		lines := f.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			buf.Write(seg.Value(source))
		}
		b := &Block{closed: true}
		b.Formula = Formula{
			TeX:     trimTeX(buf.String()),
			Display: true,
			Offset:  f.Pos(),
			Open:    "```math\n",
			Close:   "\n```",
		}
		b.SetPos(f.Pos())
		b.SetLines(f.Lines())
		b.SetBlankPreviousLines(f.HasBlankPreviousLines())
		f.Parent().ReplaceChild(f.Parent(), f, b)
	}
}

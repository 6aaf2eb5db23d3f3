// Package math adds TeX math to goldmark: inline $…$ (with pandoc's rules
// against false positives) and \(…\), display $$…$$ and \[…\] blocks,
// ```math fences, and $$…$$ inside a paragraph. Formulas become AST nodes
// that the page model reads (Collect) and that render through a Renderer
// such as the KaTeX engine in this package.
package math

import (
	"strconv"

	"github.com/yuin/goldmark/ast"
)

// Formula is one formula as written in the source, plus the result that a
// Renderer produced for it. The pipeline may fill HTML or Err ahead of
// rendering (for example from a parallel pre-render pass); the node renderer
// only calls its Renderer when both are empty.
type Formula struct {
	// TeX is the formula without its delimiters.
	TeX string
	// Display is true for display math ($$, \[, ```math).
	Display bool
	// Offset is the byte offset of the opening delimiter in the source.
	Offset int
	// Open and Close are the delimiters as written; they are used to show
	// the source of a formula that failed to render.
	Open, Close string

	// HTML is the rendered formula.
	HTML string
	// Err is the renderer's message for a formula it rejected.
	Err string
}

// KindInline is the NodeKind of *Inline.
var KindInline = ast.NewNodeKind("MathInline")

// KindBlock is the NodeKind of *Block.
var KindBlock = ast.NewNodeKind("MathBlock")

// Inline is a formula inside a paragraph: $…$, \(…\), or $$…$$ written
// inline (Display is then true, and it still renders as a <span>).
type Inline struct {
	ast.BaseInline
	Formula
}

// Kind implements ast.Node.
func (n *Inline) Kind() ast.NodeKind { return KindInline }

// Dump implements ast.Node.
func (n *Inline) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, n.Formula.dumpFields(), nil)
}

// Block is a display formula standing as a block of its own.
type Block struct {
	ast.BaseBlock
	Formula

	// closer is the delimiter that ends the block while it is being parsed;
	// closed records whether it was seen.
	closer string
	closed bool
}

// Kind implements ast.Node.
func (n *Block) Kind() ast.NodeKind { return KindBlock }

// IsRaw implements ast.Node: the content is TeX, never inline Markdown.
func (n *Block) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *Block) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, n.Formula.dumpFields(), nil)
}

func (f *Formula) dumpFields() map[string]string {
	return map[string]string{
		"TeX":     strconv.Quote(f.TeX),
		"Display": strconv.FormatBool(f.Display),
		"Offset":  strconv.Itoa(f.Offset),
	}
}

// Collect returns the formulas of a document in source order. The pointers
// refer into the AST, so setting HTML or Err on them is seen by the node
// renderer.
func Collect(doc ast.Node) []*Formula {
	var out []*Formula
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *Inline:
			out = append(out, &n.Formula)
			return ast.WalkSkipChildren, nil
		case *Block:
			out = append(out, &n.Formula)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

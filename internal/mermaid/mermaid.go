// Package mermaid turns ```mermaid fences into diagram nodes, validated
// once as they are parsed: a diagram mermaid accepts renders as
// <pre class="mermaid"> for mermaid's browser script, one it rejects as its
// source with the error. It also tells which diagram type a source
// declares so the checker can flag unknown ones.
package mermaid

import (
	"docsite/internal/markdown/blocks"

	"docsite/internal/diagram"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Diagram is one ```mermaid fence.
type Diagram struct {
	// Source is the fence's content.
	Source string
	// Offset is the byte offset of the opening fence in the source;
	// BodyOffset that of the first content line (Offset if empty).
	Offset, BodyOffset int
	// Err is where mermaid would refuse the diagram (nil if it draws
	// it), ErrOffset the byte offset of that place in the page source.
	Err       *diagram.Error
	ErrOffset int
}

// Kind is the NodeKind of *Block.
var Kind = ast.NewNodeKind("MermaidDiagram")

// Block is a diagram in the AST; it replaces the fenced code block.
type Block struct {
	ast.BaseBlock
	Diagram
}

// Kind implements ast.Node.
func (n *Block) Kind() ast.NodeKind { return Kind }

// IsRaw implements ast.Node.
func (n *Block) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *Block) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Source": n.Source}, nil)
}

// Collect returns the diagrams of a document in source order.
func Collect(doc ast.Node) []*Diagram {
	var out []*Diagram
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if b, ok := n.(*Block); ok && entering {
			out = append(out, &b.Diagram)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// New returns the mermaid extension.
func New() goldmark.Extender { return extension{} }

type extension struct{}

func (extension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(transformer{}, 100)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(nodeRenderer{}, 500)))
}

// transformer replaces ```mermaid fences with Blocks. Working on the AST
// keeps fence parsing with goldmark and keeps the code highlighter, which
// renders FencedCodeBlock, from ever seeing diagrams.
type transformer struct{}

func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	source := reader.Source()
	for _, f := range blocks.Fences(doc, pc, source, "mermaid") {
		b := &Block{}
		var src []byte
		lines := f.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			src = append(src, seg.Value(source)...)
		}
		b.Diagram = Diagram{Source: string(src), Offset: f.Pos(), BodyOffset: f.Pos()}
		if lines.Len() > 0 {
			b.BodyOffset = lines.At(0).Start
		}
		if e := diagram.Validate(b.Source); e != nil {
			b.Err, b.ErrOffset = e, errorOffset(source, lines, e, f)
		}
		b.SetPos(f.Pos())
		b.SetLines(lines)
		b.SetBlankPreviousLines(f.HasBlankPreviousLines())
		f.Parent().ReplaceChild(f.Parent(), f, b)
	}
}

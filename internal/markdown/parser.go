package markdown

import (
	"docsite/internal/markdown/blocks"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// newParser is goldmark's default parser with two changes. Its block
// parsers list the fences and setext headings they open (see blocks), for
// the transformers that look for them. Its link reference definition
// transformer runs behind the test that transformer makes first: a
// paragraph holds definitions only when its first non-space byte is '['.
// goldmark makes a reader for every paragraph before that test, and on the
// knowledge base, where few paragraphs start with '[', that was a tenth
// of the block parse.
func newParser() parser.Parser {
	return parser.NewParser(
		parser.WithBlockParsers(blocks.Parsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(util.Prioritized(linkRefDefs{}, 100)),
	)
}

type linkRefDefs struct{}

func (linkRefDefs) Transform(p *ast.Paragraph, reader text.Reader, pc parser.Context) {
	if opensWithBracket(p.Lines(), reader.Source()) {
		parser.LinkReferenceParagraphTransformer.Transform(p, reader, pc)
	}
}

// opensWithBracket reports whether the first byte of lines that is not
// white space is '[', skipping white space as goldmark's reader does.
func opensWithBracket(lines *text.Segments, src []byte) bool {
	for i := range lines.Len() {
		seg := lines.At(i)
		for _, c := range seg.Value(src) {
			if !util.IsSpace(c) {
				return c == '['
			}
		}
	}
	return false
}

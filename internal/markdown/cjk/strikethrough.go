package cjk

import (
	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

type strikethroughParser struct{}

// NewStrikethroughParser returns a parser for GFM strikethrough (`~x~`,
// `~~x~~`) with the same CJK-friendly flanking rules as emphasis, so that
// `~~（旧）~~新` strikes through. It takes the place of goldmark's
// extension.NewStrikethroughParser when registered before it: for runs it
// rejects (three or more tildes, or one after a tilde) goldmark's parser
// rejects them too.
func NewStrikethroughParser() parser.InlineParser { return strikethroughParser{} }

func (strikethroughParser) Trigger() []byte { return []byte{'~'} }

func (strikethroughParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	if block.PrecendingCharacter() == '~' {
		return nil
	}
	return scanDelimiter(block, pc, strikethroughDelimiters, 2)
}

// strikethroughProcessor matches `~` runs into extast.Strikethrough, as
// goldmark's unexported strikethrough processor does.
type strikethroughProcessor struct{}

var strikethroughDelimiters parser.DelimiterProcessor = strikethroughProcessor{}

func (strikethroughProcessor) IsDelimiter(b byte) bool { return b == '~' }

func (strikethroughProcessor) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (strikethroughProcessor) OnMatch(consumes int) ast.Node { return extast.NewStrikethrough() }

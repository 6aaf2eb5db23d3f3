package cjk

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// LineBreakPriority is the priority New registers NewLineBreakTransformer
// with: late, so that it sees the final inline tree.
const LineBreakPriority = 1000

// JoinsLines reports whether a soft line break between before and after
// should render as nothing. That is so between two East Asian characters
// (CJK other than Hangul: Korean separates words with spaces), between one
// and a non-ASCII punctuation mark such as `“` or `—`, and next to a zero
// width space. Between `中文` and `English` the break stays a space, as in
// Pandoc's east_asian_line_breaks.
func JoinsLines(before, after rune) bool {
	switch {
	case before == '\u200B' || after == '\u200B':
		return true
	case isEastAsian(before):
		return isEastAsian(after) || isWidePunct(after)
	case isEastAsian(after):
		return isWidePunct(before)
	}
	return false
}

// AppendLine adds one more line of wrapped text to b as it reads unwrapped:
// after a space, or directly where JoinsLines says the break vanishes.
func AppendLine(b *strings.Builder, line string) {
	if b.Len() > 0 {
		last, _ := utf8.DecodeLastRuneInString(b.String())
		next, _ := utf8.DecodeRuneInString(line)
		if !JoinsLines(last, next) {
			b.WriteByte(' ')
		}
	}
	b.WriteString(line)
}

func isEastAsian(r rune) bool { return IsCJK(r) && !unicode.Is(unicode.Hangul, r) }

func isWidePunct(r rune) bool { return r >= 0x80 && unicode.IsPunct(r) }

type lineBreakTransformer struct {
	joinIn func(*ast.Document, parser.Context) []ast.Node // nil: the whole document
}

// NewLineBreakTransformer returns an AST transformer that drops the soft
// line breaks that JoinsLines says should vanish. It looks through inline
// markup, so `**粗体**` at the end of a line joins the next line too
// (goldmark's html.WithEastAsianLineBreaks only compares adjacent text
// nodes), and it works for any renderer since it changes the tree.
func NewLineBreakTransformer() parser.ASTTransformer { return lineBreakTransformer{} }

func (t lineBreakTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	in := []ast.Node{doc}
	if t.joinIn != nil {
		in = t.joinIn(doc, pc)
	}
	for _, n := range in {
		joinLines(n, reader.Source())
	}
}

func joinLines(block ast.Node, src []byte) {
	_ = ast.Walk(block, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if !n.SoftLineBreak() || n.HardLineBreak() || n.IsRaw() {
				break
			}
			before, ok := edgeRune(n, src, true)
			if !ok {
				break
			}
			after, ok := edgeRune(step(n, false), src, false)
			if ok && JoinsLines(before, after) {
				n.SetSoftLineBreak(false)
			}
		}
		return ast.WalkContinue, nil
	})
}

// edgeRune finds the character of visible text nearest to n, starting with
// n itself and moving backward (last) or forward through the inline tree.
// It gives up at anything that is not plain text, such as an image or raw
// HTML, and at the end of the block.
func edgeRune(n ast.Node, src []byte, last bool) (rune, bool) {
	for n != nil {
		var value []byte
		switch v := n.(type) {
		case *ast.Text:
			value = v.Value(src)
		case *ast.String:
			value = v.Value
		case *ast.CodeSpan, *ast.RawHTML, *ast.Image, *ast.AutoLink:
			return 0, false
		default:
			if !n.HasChildren() {
				return 0, false
			}
			if last {
				n = n.LastChild()
			} else {
				n = n.FirstChild()
			}
			continue
		}
		if len(value) > 0 {
			var r rune
			if last {
				r, _ = utf8.DecodeLastRune(value)
			} else {
				r, _ = utf8.DecodeRune(value)
			}
			return r, true
		}
		n = step(n, last)
	}
	return 0, false
}

// step moves to the previous (back) or next inline node, climbing out of
// inline containers such as emphasis and links but not out of the block.
func step(n ast.Node, back bool) ast.Node {
	for n != nil {
		var s ast.Node
		if back {
			s = n.PreviousSibling()
		} else {
			s = n.NextSibling()
		}
		if s != nil {
			return s
		}
		n = n.Parent()
		if n == nil || n.Type() != ast.TypeInline {
			return nil
		}
	}
	return nil
}

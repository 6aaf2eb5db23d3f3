// Package plain reads the text of a parsed Markdown node as a reader sees it
// rendered: markup gone, entities and escapes resolved, raw HTML and images
// left out, a formula as its TeX. Heading IDs (GitHub's slugger reads the
// rendered heading's text), glossary cells and outlines all need exactly
// this, so there is one of it.
package plain

import (
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"

	"docsite/internal/math"
)

// Text is the text of n's inline content. Line breaks become spaces; runs
// of spaces are kept (the slugger turns each into a hyphen), and so is
// leading and trailing space but for the ends of the whole.
func Text(n ast.Node, src []byte) string {
	var b strings.Builder
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(value(c, src))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.RawHTML, *ast.Image:
			case *math.Inline:
				b.WriteString(c.TeX)
			default:
				if t, ok := c.(interface{ PlainText() string }); ok {
					b.WriteString(t.PlainText())
					continue
				}
				walk(c)
			}
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

// value is a text node's bytes with character references resolved, as
// goldmark's renderer writes them ("&amp;" is "&").
func value(t *ast.Text, src []byte) []byte {
	v := t.Value(src)
	if !t.IsRaw() {
		v = util.ResolveEntityNames(util.ResolveNumericReferences(v))
	}
	return v
}

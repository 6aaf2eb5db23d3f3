package mermaid

import (
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"docsite/internal/diagram"
)

// errorOffset maps e's line and column in the diagram to a byte offset of
// the page. Each line of the diagram is one segment of the fence, so a
// fence inside a list or a block quote maps past its indent or "> ".
func errorOffset(source []byte, lines *text.Segments, e *diagram.Error, f ast.Node) int {
	if lines.Len() == 0 {
		return f.Pos()
	}
	if e.Line > lines.Len() {
		// after the last line: where the closing fence starts
		return lines.At(lines.Len() - 1).Stop
	}
	seg := lines.At(max(e.Line, 1) - 1)
	// Padding counts the spaces a tab became; they are not in the page.
	skip := e.Column - 1 - seg.Padding
	off := seg.Start
	for ; skip > 0 && off < seg.Stop; skip-- {
		_, n := utf8.DecodeRune(source[off:seg.Stop])
		off += n
	}
	return off
}

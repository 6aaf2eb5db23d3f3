package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// wideTables keeps the text of table rows that have more cells than the
// header. GFM drops those cells; the corpus has tables whose last column was
// never given a header, and their text must not vanish from the site. The
// table is built by goldmark's own transformer, then widened: extra cells
// are appended (their inline Markdown is parsed later like any cell's) and
// the header padded with empty cells.
type wideTables struct{}

func (wideTables) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithParagraphTransformers(
		util.Prioritized(&wideTableTransformer{table: extension.NewTableParagraphTransformer()}, 199),
	))
}

type wideTableTransformer struct {
	table parser.ParagraphTransformer
}

func (w *wideTableTransformer) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	parent := node.Parent()
	if parent == nil || !mayHoldTable(node.Lines(), reader.Source()) {
		return
	}
	before := node.PreviousSibling()
	lines := node.Lines()
	rowLines := map[int]text.Segment{}
	for i := 0; i < lines.Len(); i++ {
		rowLines[lines.At(i).Start] = lines.At(i)
	}
	w.table.Transform(node, reader, pc)
	// The table, when one was made, stands right after the paragraph (or
	// where the paragraph was, when it was consumed whole).
	var next ast.Node
	if node.Parent() != nil {
		next = node.NextSibling()
	} else if before != nil {
		next = before.NextSibling()
	} else {
		next = parent.FirstChild()
	}
	table, ok := next.(*east.Table)
	if !ok {
		return
	}
	widen(table, rowLines, reader.Source())
	unheadEmpty(table, reader.Source())
}

// mayHoldTable reports a line after the first that could be a table's
// delimiter row: a '-' and nothing but the bytes goldmark's table parser
// allows there (white space, '|', ':' and '-'). Without one the paragraph
// is left alone, and most paragraphs are spared the row map.
func mayHoldTable(lines *text.Segments, src []byte) bool {
	for i := 1; i < lines.Len(); i++ {
		seg := lines.At(i)
		if delimiterBytes(seg.Value(src)) {
			return true
		}
	}
	return false
}

func delimiterBytes(line []byte) bool {
	dash := false
	for _, c := range line {
		switch {
		case c == '-':
			dash = true
		case c != '|' && c != ':' && !util.IsSpace(c):
			return false
		}
	}
	return dash
}

// unheadEmpty makes an empty header cell (a corner, or one widen padded)
// an ordinary cell for assistive technology: a header that names nothing
// would be read out as an unnamed column.
func unheadEmpty(table *east.Table, src []byte) {
	header, ok := table.FirstChild().(*east.TableHeader)
	if !ok {
		return
	}
	for c := header.FirstChild(); c != nil; c = c.NextSibling() {
		empty := true
		for i := 0; i < c.Lines().Len(); i++ {
			seg := c.Lines().At(i)
			if seg = seg.TrimLeftSpace(src); seg.Len() > 0 {
				empty = false
			}
		}
		if empty {
			c.SetAttributeString("role", []byte("cell"))
		}
	}
}

func widen(table *east.Table, rowLines map[int]text.Segment, src []byte) {
	width := len(table.Alignments)
	for row := table.FirstChild(); row != nil; row = row.NextSibling() {
		if _, header := row.(*east.TableHeader); header {
			continue
		}
		seg, ok := rowLines[row.Pos()]
		if !ok {
			continue
		}
		cells := splitCells(seg, src)
		for i := row.ChildCount(); i < len(cells); i++ {
			cell := east.NewTableCell()
			cell.Lines().Append(cells[i])
			row.AppendChild(row, cell)
		}
		width = max(width, row.ChildCount())
	}
	if width == len(table.Alignments) {
		return
	}
	for len(table.Alignments) < width {
		table.Alignments = append(table.Alignments, east.AlignNone)
	}
	for row := table.FirstChild(); row != nil; row = row.NextSibling() {
		switch r := row.(type) {
		case *east.TableHeader:
			r.Alignments = table.Alignments
			for r.ChildCount() < width {
				r.AppendChild(r, east.NewTableCell())
			}
		case *east.TableRow:
			r.Alignments = table.Alignments
		}
	}
}

// splitCells splits a table row line into cell segments at unescaped pipes,
// without the outer pipes, each trimmed of spaces.
func splitCells(seg text.Segment, src []byte) []text.Segment {
	seg = seg.TrimLeftSpace(src)
	seg = seg.TrimRightSpace(src)
	start, end := seg.Start, seg.Stop
	if start < end && src[start] == '|' {
		start++
	}
	if end > start && src[end-1] == '|' && (end-2 < start || src[end-2] != '\\') {
		end--
	}
	var out []text.Segment
	cell := start
	for i := start; i <= end; i++ {
		if i == end || (src[i] == '|' && (i == start || src[i-1] != '\\')) {
			c := text.NewSegment(cell, i)
			c = c.TrimLeftSpace(src)
			out = append(out, c.TrimRightSpace(src))
			cell = i + 1
		}
	}
	return out
}

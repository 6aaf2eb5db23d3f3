package math

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// blockParser parses display math that starts a line: $$…$$ and \[…\],
// on one line or over several. It may interrupt a paragraph, because the
// corpus writes "**优化目标**：" and the formula on the very next line.
//
// A block whose closer never comes (a blank line or the end of its
// container arrives first), or whose closer is followed by more text on its
// line, is not a formula block: it is turned back into a paragraph, where
// the inline parser reads any $$…$$ in it the way pandoc would.
type blockParser struct{}

// NewBlockParser returns the parser of display math blocks; New registers it.
func NewBlockParser() parser.BlockParser { return blockParser{} }

func (blockParser) Trigger() []byte { return []byte{'$', '\\'} }

func (blockParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	pos := pc.BlockOffset()
	if pos < 0 {
		return nil, parser.NoChildren
	}
	rest := line[pos:]
	var open, close string
	switch {
	case bytes.HasPrefix(rest, []byte("$$")) && !bytes.HasPrefix(rest, []byte("$$$")):
		open, close = "$$", "$$"
	case bytes.HasPrefix(rest, []byte(`\[`)):
		open, close = `\[`, `\]`
	default:
		return nil, parser.NoChildren
	}
	start := seg.Start + pos - seg.Padding
	node := &Block{closer: close}
	node.Formula = Formula{Display: true, Offset: start, Open: open, Close: close}
	node.Lines().Append(text.NewSegment(start, seg.Stop))

	switch j := closerIn(rest, len(open), close); {
	case j < 0:
		// The formula goes on over the next lines, if its closer comes
		// before a blank line: an unclosed "\[WIP] notes" or "$$" is text
		// and must leave the headings and lists after it alone.
		if !closesLater(reader.Source(), seg.Stop, close, pc) {
			return nil, parser.NoChildren
		}
	case util.IsBlank(rest[j+len(close):]) && j > len(open):
		node.closed = true
	default:
		// "$$x$$ and more" or "$$$$": inline matter for the paragraph.
		return nil, parser.NoChildren
	}
	reader.AdvanceToEOL()
	return node, parser.NoChildren
}

func (blockParser) Continue(n ast.Node, reader text.Reader, pc parser.Context) parser.State {
	node := n.(*Block)
	if node.closed {
		return parser.Close
	}
	line, seg := reader.PeekLine()
	if util.IsBlank(line) {
		return parser.Close
	}
	node.Lines().Append(seg)
	reader.AdvanceToEOL()
	if j := closerIn(line, 0, node.closer); j >= 0 {
		// Text after the closer makes the whole thing a paragraph.
		node.closed = util.IsBlank(line[j+len(node.closer):])
		if !node.closed {
			node.closer = "" // broken: give up in Close
		}
		return parser.Close
	}
	return parser.Continue | parser.NoChildren
}

func (blockParser) Close(n ast.Node, reader text.Reader, pc parser.Context) {
	node := n.(*Block)
	source := reader.Source()
	if !node.closed {
		toParagraph(node, source)
		return
	}
	var buf bytes.Buffer
	lines := node.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		buf.Write(seg.Value(source))
	}
	raw := bytes.TrimRight(buf.Bytes(), " \t\r\n")
	node.TeX = trimTeX(string(raw[len(node.Open) : len(raw)-len(node.Close)]))
}

// toParagraph replaces an unclosed block by paragraph text. If the block
// had interrupted a paragraph, its lines go back into that paragraph, so
// that a stray "$$" or "\[" at a line start changes nothing.
func toParagraph(node *Block, source []byte) {
	parent := node.Parent()
	if parent == nil {
		return
	}
	para, ok := node.PreviousSibling().(*ast.Paragraph)
	if ok && !node.HasBlankPreviousLines() && para.Lines().Len() > 0 {
		// The paragraph's Close trimmed its last line; the inline parser
		// needs the line break back between it and the lines added here.
		last := para.Lines().Len() - 1
		seg := para.Lines().At(last)
		for seg.Stop < len(source) && (source[seg.Stop] == ' ' || source[seg.Stop] == '\t' || source[seg.Stop] == '\r') {
			seg.Stop++
		}
		if seg.Stop < len(source) && source[seg.Stop] == '\n' {
			seg.Stop++
		}
		para.Lines().Set(last, seg)
	} else {
		para = ast.NewParagraph()
		para.SetPos(node.Pos())
		para.SetBlankPreviousLines(node.HasBlankPreviousLines())
		parent.InsertBefore(parent, node, para)
	}
	lines := node.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		seg = seg.TrimLeftSpace(source)
		if i == lines.Len()-1 {
			seg = seg.TrimRightSpace(source)
		}
		para.Lines().Append(seg)
	}
	parent.RemoveChild(parent, node)
}

func (blockParser) CanInterruptParagraph() bool { return true }

func (blockParser) CanAcceptIndentedLine() bool { return false }

// closesLater reports whether a line after offset from holds closer before
// a blank line (one of only spaces and block quote markers) ends the block.
// A failed search is remembered, so that many unclosed openers in one
// paragraph cost one scan, not one each.
func closesLater(src []byte, from int, closer string, pc parser.Context) bool {
	vain, _ := pc.Get(unclosedKey).(map[string]int)
	if vain == nil {
		vain = map[string]int{}
		pc.Set(unclosedKey, vain)
	}
	if from < vain[closer] {
		return false // inside a stretch already searched in vain
	}
	for off := from; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off
		}
		line := src[off:end]
		if len(bytes.Trim(line, " \t\r>")) == 0 {
			vain[closer] = off
			return false
		}
		if closerIn(line, 0, closer) >= 0 {
			return true
		}
		off = end + 1
	}
	vain[closer] = len(src)
	return false
}

var unclosedKey = parser.NewContextKey()

// closerIn returns the index of the first unescaped closer in line at or
// after from, or -1. Backslash pairs are skipped as TeX does, except that
// the closer \] itself begins with a backslash.
func closerIn(line []byte, from int, closer string) int {
	for j := from; j < len(line); j++ {
		if bytes.HasPrefix(line[j:], []byte(closer)) {
			return j
		}
		if line[j] == '\\' {
			j++
		}
	}
	return -1
}

package markdown

import (
	"bytes"
	"encoding/binary"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// A check reads no prose. Most paragraphs of the knowledge base hold
// nothing its rules look at: no bracket (links, images, footnotes,
// citations), no '<' (autolinks, raw HTML anchors), no formula opener, no
// URL or address for linkify (they need ':', '@' or "www."). goldmark's
// inline parser would still look at each of their bytes and build a node
// for every emphasis mark, which is a large share of a check's parse. So
// the checker's parse sets such paragraphs aside as raw blocks the inline
// parser skips, and the model comes out the same (TestForCheckingKeepsTheModel
// compares it over corpus-dev). Glossary sources are parsed whole: their
// terms are prose.
type skipProse struct{}

func (skipProse) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithParagraphTransformers(
		// After the link reference definitions (100; they open with '[',
		// never prose) and before the tables (199, 200): a table of plain
		// prose holds nothing a check reads either, and building its rows
		// and parsing every cell was a quarter of the bench corpus's parse.
		util.Prioritized(proseAside{}, 150)))
}

var proseWholeKey = parser.NewContextKey()

// parseProse marks a parse that must keep its prose (a glossary source).
func parseProse(pc parser.Context) { pc.Set(proseWholeKey, true) }

// notProse marks the bytes that can start something a check reads.
var notProse = func() (t [256]bool) {
	for _, c := range []byte("[]<$\\:@\r") {
		t[c] = true
	}
	return t
}()

// highBytes has the top bit of each byte set: a word that keeps them all
// under this mask is eight bytes of non-ASCII text.
const highBytes = 0x8080808080808080

func isProse(line []byte) bool {
	for i := 0; i < len(line); {
		c := line[i]
		if c >= utf8.RuneSelf {
			// Chinese text is runs of such bytes, none of them one
			// notProse holds: step over the run a word at a time.
			for i++; i+8 <= len(line) && binary.LittleEndian.Uint64(line[i:])&highBytes == highBytes; {
				i += 8
			}
			continue
		}
		if notProse[c] || c == 'w' && bytes.HasPrefix(line[i:], []byte("www.")) {
			return false
		}
		i++
	}
	return true
}

// proseBlock is a paragraph set aside unparsed; only a check makes one.
type proseBlock struct {
	ast.BaseBlock
}

// kindProse is the kind of proseBlock.
var kindProse = ast.NewNodeKind("Prose")

func (*proseBlock) Kind() ast.NodeKind { return kindProse }
func (*proseBlock) IsRaw() bool        { return true }
func (n *proseBlock) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, nil, nil)
}

type proseAside struct{}

func (proseAside) Transform(p *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := p.Lines()
	if lines.Len() == 0 || p.Parent() == nil || pc.Get(proseWholeKey) != nil {
		return
	}
	src := reader.Source()
	for i := range lines.Len() {
		// A table's delimiter row may hold ':' (alignment), which is
		// not prose for linkify's sake; no URL is made of "|:-".
		seg := lines.At(i)
		if line := seg.Value(src); !isProse(line) && !delimiterBytes(line) {
			return
		}
	}
	if mayTakeParagraph(reader) {
		return
	}
	n := &proseBlock{}
	n.SetLines(lines)
	n.SetPos(p.Pos())
	n.SetBlankPreviousLines(p.HasBlankPreviousLines()) // the list around it judges tightness by it
	p.Parent().ReplaceChild(p.Parent(), p, n)
}

// mayTakeParagraph reports a line that could still claim the paragraph
// just closed: a setext underline makes it a heading, and an unclosed
// "$$" or "\[" block gives its lines back to it (math.toParagraph).
func mayTakeParagraph(reader text.Reader) bool {
	line, _ := reader.PeekLine()
	i, j := 0, len(line)
	for i < j && (line[i] == ' ' || line[i] == '\t' || line[i] == '>') {
		i++
	}
	for j > i && util.IsSpace(line[j-1]) {
		j--
	}
	if i == j {
		return false
	}
	switch c := line[i]; c {
	case '$', '\\':
		return true
	case '-', '=':
		for _, d := range line[i:j] {
			if d != c {
				return false
			}
		}
		return true
	}
	return false
}

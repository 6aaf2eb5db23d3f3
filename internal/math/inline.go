package math

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// delimiter kinds of inline math, indexes into noCloser.from.
const (
	dollar  = iota // $…$
	dollars        // $$…$$ written inside a paragraph
	paren          // \(…\)
	numKinds
)

// noCloserKey keeps, per paragraph, the offset from which a closing
// delimiter is known to be absent. Without it a paragraph holding many
// lone "$$" or "\(" would be scanned to its end once per opener, which is
// quadratic in its length.
var noCloserKey = parser.NewContextKey()

type noCloser struct {
	block ast.Node
	from  [numKinds]int
}

type inlineParser struct{}

// NewInlineParser returns the parser of inline math; New registers it.
func NewInlineParser() parser.InlineParser { return inlineParser{} }

func (inlineParser) Trigger() []byte { return []byte{'$', '\\'} }

func (p inlineParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if len(line) < 2 {
		return nil
	}
	switch {
	case line[0] == '$' && line[1] == '$':
		n := 2
		for n < len(line) && line[n] == '$' {
			n++
		}
		if n == 2 {
			if node := scan(parent, block, pc, dollars); node != nil {
				return node
			}
		}
		// Not math: consume the whole run, so that its second dollar
		// is not taken for the opener of $…$.
		block.Advance(n)
		return ast.NewTextSegment(seg.WithStop(seg.Start + n))
	case line[0] == '$':
		// pandoc: the opening $ must have a non-space character right
		// after it.
		if isSpace(line[1]) {
			return nil
		}
		return scan(parent, block, pc, dollar)
	case line[0] == '\\' && line[1] == '(':
		return scan(parent, block, pc, paren)
	}
	return nil
}

var delims = [numKinds][2]string{
	dollar:  {"$", "$"},
	dollars: {"$$", "$$"},
	paren:   {`\(`, `\)`},
}

// scan looks for the closing delimiter of kind k from the reader's position
// (at the opener) to the end of the paragraph. On success it advances past
// the closer and returns the node; otherwise it returns nil and the reader
// may be anywhere (the caller resets it).
func scan(parent ast.Node, block text.Reader, pc parser.Context, k int) ast.Node {
	l0, p0 := block.Position()
	_, seg := block.PeekLine()
	start := seg.Start // the opener is at the line's start, so no padding
	memo, _ := pc.Get(noCloserKey).(*noCloser)
	if memo == nil || memo.block != parent {
		memo = &noCloser{block: parent}
		for i := range memo.from {
			memo.from[i] = -1
		}
		pc.Set(noCloserKey, memo)
	}
	// Sound because whether a $$ or \) closes does not depend on where the
	// opener was; a $…$ scan ends at the next $ and seldom gets here.
	if memo.from[k] >= 0 && start >= memo.from[k] {
		return nil
	}

	open, close := delims[k][0], delims[k][1]
	var tex strings.Builder
	first := true
	for {
		line, _ := block.PeekLine()
		if line == nil {
			memo.from[k] = start
			block.SetPosition(l0, p0)
			return nil
		}
		from := 0
		if first {
			from = len(open)
		}
		j := findCloser(line, from, k)
		if j == failed {
			block.SetPosition(l0, p0)
			return nil
		}
		if j >= 0 {
			tex.Write(line[from:j])
			block.Advance(j + len(close))
			if strings.TrimSpace(tex.String()) == "" {
				// "$$ $$" and the like: nothing to typeset.
				block.SetPosition(l0, p0)
				return nil
			}
			n := &Inline{Formula: Formula{
				TeX:     trimTeX(tex.String()),
				Display: k == dollars,
				Offset:  start,
				Open:    open,
				Close:   close,
			}}
			n.SetPos(start)
			return n
		}
		tex.Write(line[from:])
		block.AdvanceLine()
		first = false
	}
}

// findCloser returns the index in line of the closing delimiter of kind k,
// searching from index from; -1 if the line has none, or failed if the
// formula cannot close at all. A backslash escapes the next byte, as it
// does in TeX, so \$ inside a formula does not end it.
//
// For $…$ this follows pandoc: the first unescaped $ ends the formula, and
// it is math only if that $ has no space before it and no digit after it.
// So in "$5 和 $10" the second $ fails the first and is not tried as a
// closer of it again. Like pandoc, \text{…} may hold dollars. Unlike
// pandoc, a formula never runs into a code span.
func findCloser(line []byte, from int, k int) int {
	unbalanced := false // a \text{ that does not close was seen
	for j := from; j < len(line); j++ {
		c := line[j]
		if c == '\\' {
			if k == paren && j+1 < len(line) && line[j+1] == ')' {
				return j
			}
			if k == dollar && !unbalanced && bytes.HasPrefix(line[j+1:], []byte("text{")) {
				if end := balanced(line, j+5); end > 0 {
					j = end
					continue
				}
				unbalanced = true
			}
			j++
			continue
		}
		if c == '`' {
			// A backtick starts a code span, which binds tighter than
			// math: "$10 与 `$x$`" is no formula, and nothing inside code
			// is math.
			return failed
		}
		if c != '$' {
			continue
		}
		switch k {
		case dollar:
			// At the start of a continuation line the previous byte
			// was a line break.
			if j == 0 || isSpace(line[j-1]) {
				return failed
			}
			if j+1 < len(line) && line[j+1] >= '0' && line[j+1] <= '9' {
				return failed
			}
			return j
		case dollars:
			if j+1 < len(line) && line[j+1] == '$' {
				return j
			}
		}
	}
	return -1
}

const failed = -2

// maxText bounds the search for the end of \text{…}: real ones are short,
// and an unbounded search per \text{ would make a long line quadratic.
const maxText = 512

// balanced returns the index of the brace that closes the one at line[open],
// or -1 if the line ends first or the group is longer than maxText.
func balanced(line []byte, open int) int {
	depth := 0
	for j := open; j < len(line) && j-open < maxText; j++ {
		switch line[j] {
		case '\\':
			j++
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// trimTeX drops the whitespace around a formula, keeping a trailing space
// that a backslash turns into a control space ("a\ ").
func trimTeX(s string) string {
	s = strings.TrimLeft(s, " \t\r\n\f\v")
	t := strings.TrimRight(s, " \t\r\n\f\v")
	bs := 0
	for i := len(t) - 1; i >= 0 && t[i] == '\\'; i-- {
		bs++
	}
	if bs%2 == 1 && len(t) < len(s) {
		return s[:len(t)+1]
	}
	return t
}

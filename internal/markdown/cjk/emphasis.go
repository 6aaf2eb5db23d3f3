package cjk

import (
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// EmphasisPriority is the priority New registers NewEmphasisParser and
// NewStrikethroughParser with. goldmark tries the inline parsers of one
// trigger byte in ascending priority order and stops at the first that
// returns a node. The emphasis parser returns one for every `*` and `_`, so
// goldmark's own emphasis parser (priority 500) never runs; likewise
// goldmark's strikethrough parser (500) only sees runs that both reject.
const EmphasisPriority = 490

type emphasisParser struct{}

// NewEmphasisParser returns an inline parser for `*` and `_` delimiter runs
// that decides whether a run can open or close emphasis with the
// CJK-friendly flanking rules. The runs it pushes are matched up by
// goldmark's ordinary delimiter processing.
func NewEmphasisParser() parser.InlineParser { return emphasisParser{} }

func (emphasisParser) Trigger() []byte { return []byte{'*', '_'} }

func (emphasisParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	return scanDelimiter(block, pc, emphasisDelimiters, 0)
}

// scanDelimiter reads the delimiter run at the reader's position, pushes it
// for goldmark's delimiter processing and returns it. It returns nil, and
// reads nothing, if the run is longer than maxLen (when maxLen > 0).
func scanDelimiter(block text.Reader, pc parser.Context, proc parser.DelimiterProcessor, maxLen int) ast.Node {
	line, segment := block.PeekLine()
	if len(line) == 0 || !proc.IsDelimiter(line[0]) {
		return nil
	}
	char := line[0]
	n := 1
	for n < len(line) && line[n] == char {
		n++
	}
	if maxLen > 0 && n > maxLen {
		return nil
	}

	before := block.PrecendingCharacter()
	var twoBefore rune
	if isTextVS(before) {
		if i := segment.Start - utf8.RuneLen(before); i > 0 {
			twoBefore, _ = utf8.DecodeLastRune(block.Source()[:i])
		}
	}
	// As in goldmark, the end of the line counts as a space.
	after := ' '
	if n < len(line) {
		after = util.ToRune(line, n)
	}

	canOpen, canClose := flanking(char, classifyBefore(before, twoBefore), classify(after))
	d := parser.NewDelimiter(canOpen, canClose, n, char, proc)
	d.Segment = segment.WithStop(segment.Start + n)
	block.Advance(n)
	pc.PushDelimiter(d)
	return d
}

// flanking applies CommonMark's left- and right-flanking rules with the
// CJK-friendly amendment: punctuation means non-CJK punctuation only, and a
// run next to such punctuation still flanks when the character on its
// other side is CJK (or an ideographic variation selector, which follows
// an ideograph). For characters that are neither CJK nor variation
// selectors this is exactly CommonMark.
func flanking(char byte, before, after class) (canOpen, canClose bool) {
	if char == '~' {
		return tildeFlanking(before, after)
	}
	left := !after.isSpace() &&
		(!after.isNonCJKPunct() || before.isSpace() || before.isNonCJKPunct() || before.isCJKOrIVS())
	right := !before.isSpace() &&
		(!before.isNonCJKPunct() || after.isSpace() || after.isNonCJKPunct() || after.isCJK())
	if char != '_' {
		return left, right
	}
	// `_` must not open or close inside a word, so snake_case stays
	// literal. Here any punctuation, CJK or not, ends a word.
	return left && (!right || before.isSpaceOrPunct()),
		right && (!left || after.isSpaceOrPunct())
}

// tildeFlanking is stricter for strikethrough: CJK punctuation counts as
// punctuation, and only a CJK character on the other side lets a run
// beside punctuation flank. Chinese writes a single "~" for "about"
// right after an opening bracket ("（~10 ns）"), and such a run must not
// close; "~~（旧）~~新" still strikes through.
func tildeFlanking(before, after class) (canOpen, canClose bool) {
	left := !after.isSpace() && (!after.isPunct() || before.isSpaceOrPunct() || before.isCJKOrIVS())
	right := !before.isSpace() && (!before.isPunct() || after.isSpaceOrPunct() || after.isCJK())
	return left, right
}

// emphasisProcessor turns matched `*` and `_` runs into ast.Emphasis,
// exactly as goldmark's unexported emphasis processor does.
type emphasisProcessor struct{}

var emphasisDelimiters parser.DelimiterProcessor = emphasisProcessor{}

func (emphasisProcessor) IsDelimiter(b byte) bool { return b == '*' || b == '_' }

func (emphasisProcessor) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (emphasisProcessor) OnMatch(consumes int) ast.Node { return ast.NewEmphasis(consumes) }

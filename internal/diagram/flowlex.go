package diagram

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The flowchart lexer mirrors mermaid 12.3's jison lexer (flow.jison as
// compiled into the 12.3 bundle): a stack of start conditions, and in each
// condition an ordered list of rules where the FIRST rule that matches wins
// (jison without the flex option does not look for the longest match).
// Rule numbers below are the indexes of the compiled rules, so each rule can
// be compared with the bundle.

type flowState uint8

const (
	fsInitial flowState = iota
	fsString
	fsMdString
	fsAccTitle
	fsAccDescr
	fsAccDescrMulti
	fsDir
	fsText
	fsEllipseText
	fsTrapText
	fsEdgeText
	fsThickEdgeText
	fsDottedEdgeText
	fsClick
	fsCallbackName
	fsCallbackArgs
	fsShapeData
	fsShapeDataStr
)

// rules active in every condition (jison's <*>).
var flowAnyRules = []int{21, 24, 79, 82, 84, 86, 90, 92, 96, 97, 110, 112, 114, 116}

func withAny(first []int, rest ...int) []int {
	out := append(append([]int(nil), first...), flowAnyRules...)
	return append(out, rest...)
}

// flowConditions lists, per condition, the rules in the order jison tries them.
var flowConditions = [...][]int{
	// 57-60 (the other four direction rules) are folded into 56
	fsInitial: {0, 2, 4, 7, 13, 21, 24, 25, 26, 27, 28, 29, 30, 31, 32, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44,
		56, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 73, 74, 76, 77, 79, 82, 84, 86, 87, 88,
		90, 92, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 110, 112, 114, 116, 118, 119, 120, 121},
	fsString:         withAny([]int{21, 22, 23, 24}),
	fsMdString:       withAny([]int{19, 20}),
	fsAccTitle:       withAny([]int{1}),
	fsAccDescr:       withAny([]int{3}),
	fsAccDescrMulti:  withAny([]int{5, 6}),
	fsDir:            withAny([]int{21, 24, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55}),
	fsText:           {21, 24, 79, 82, 83, 84, 85, 86, 89, 90, 91, 92, 96, 97, 109, 110, 111, 112, 113, 114, 115, 116, 117},
	fsEllipseText:    withAny([]int{21, 24, 79, 80, 81}),
	fsTrapText:       withAny([]int{21, 24, 79, 82, 84, 86, 90, 92, 93, 94, 95}),
	fsEdgeText:       withAny([]int{21, 24, 70, 72}),
	fsThickEdgeText:  withAny([]int{21, 24, 73, 75}),
	fsDottedEdgeText: withAny([]int{21, 24, 76, 78}),
	fsClick:          withAny([]int{21, 24, 33, 34}),
	fsCallbackName:   withAny([]int{14, 15, 16}),
	fsCallbackArgs:   withAny([]int{17, 18}),
	fsShapeData:      withAny([]int{8, 11, 12}),
	fsShapeDataStr:   withAny([]int{9, 10}),
}

// ruleStarts says which bytes can begin a match of each rule ("" = none
// but the end of the input): any (the rule may match the empty string or
// almost anything; with a set: any byte but those), ws (the rule starts
// with \s*), or the listed bytes.
// The lexer only tries, in order, the rules whose set holds the next byte.
func ruleStarts(r int) (any, ws bool, set string) {
	switch r {
	case 1, 3, 6, 16, 18, 34, 72, 75, 78, 81, 95, 117, 10, 11, 19, 22:
		return true, false, ""
	case 56: // .*direction: not at a line end
		return true, false, "\n"
	case 61: // [^\s"[\](){}|]+@
		return true, false, " \t\n\v\f\r\"[](){}|"
	case 0, 2, 4:
		return false, false, "a"
	case 5, 12, 115:
		return false, false, "}"
	case 7:
		return false, false, "@"
	case 8, 9, 21, 23, 24, 118:
		return false, false, "\""
	case 13, 29, 30, 32:
		return false, false, "c"
	case 14, 15, 82, 84, 92, 112:
		return false, false, "("
	case 17, 89, 91, 111:
		return false, false, ")"
	case 20:
		return false, false, "`"
	case 25, 36, 39:
		return false, false, "s"
	case 26:
		return false, false, "d"
	case 27:
		return false, false, "l"
	case 28:
		return false, false, "i"
	case 31:
		return false, false, "h"
	case 33, 45, 119, 120:
		return false, true, ""
	case 35, 38:
		return false, false, "f"
	case 37:
		return false, false, "g"
	case 40:
		return false, false, "e"
	case 41, 42, 43, 44:
		return false, false, "_"
	case 46, 47, 48, 49, 50, 51, 52, 53, 54, 55:
		return false, true, "LRTB<>^v"
	case 62:
		return false, false, "0123456789"
	case 63, 104:
		return false, false, "#"
	case 64, 65:
		return false, false, ":"
	case 66, 105:
		return false, false, "&"
	case 67:
		return false, false, ";"
	case 68:
		return false, false, ","
	case 69, 103:
		return false, false, "*"
	case 70, 71, 77:
		return false, true, "xo<-"
	case 73, 74:
		return false, true, "xo<="
	case 76:
		return false, true, "xo<-."
	case 79:
		return false, true, "~"
	case 80:
		return false, false, "-/)"
	case 83, 85, 113:
		return false, false, "]"
	case 86, 87, 90, 96, 97, 114:
		return false, false, "["
	case 88, 99:
		return false, false, ">"
	case 93:
		return false, false, `\()?=]`
	case 94:
		return false, false, "/"
	case 98:
		return false, false, "<"
	case 100:
		return false, false, "^"
	case 101:
		return false, false, "\\"
	case 102:
		return false, false, "v"
	case 106:
		return false, false, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!\"#$%&'*+.`?\\_/-"
	case 107:
		return false, false, "-"
	case 108:
		return false, false, "\x80" // any non-ASCII lead byte
	case 109, 110:
		return false, false, "|"
	case 116:
		return false, false, "{"
	}
	return false, false, "" // 121: only at the end
}

// flowFirst[state][b] lists the rules of state that may match at a byte b;
// index 256 is the end of the input, where every rule is tried.
var flowFirst [len(flowConditions)][257][]int

func init() {
	for st, rs := range flowConditions {
		// jison orders a condition's rules by rule number
		sort.Ints(rs)
		out := rs[:0]
		for i, r := range rs {
			if i == 0 || r != rs[i-1] {
				out = append(out, r)
			}
		}
		flowConditions[st] = out
		for b := 0; b < 256; b++ {
			for _, r := range out {
				any, ws, set := ruleStarts(r)
				c := byte(b)
				ok := any && strings.IndexByte(set, c) < 0 || !any && strings.IndexByte(set, c) >= 0 ||
					!any && c >= utf8.RuneSelf && strings.IndexByte(set, 0x80) >= 0 ||
					ws && (c == ' ' || c >= '\t' && c <= '\r' || c == 0xc2 || c == 0xe1 || c == 0xe2 || c == 0xe3 || c == 0xef)
				if ok {
					flowFirst[st][b] = append(flowFirst[st][b], r)
				}
			}
		}
		flowFirst[st][256] = out
	}
}

// JavaScript's \s.
func isJSSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// JavaScript's \w.
func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// isUnicodeText approximates the jison UNICODE_TEXT class: the letters of
// the Basic Multilingual Plane as of Unicode 6 (the CJK blocks use that
// version's exact ends). Characters outside the BMP never match because
// the JavaScript regex sees them as two surrogates.
func isUnicodeText(r rune) bool {
	switch {
	case r < 0xaa || r > 0xffdc:
		return false
	case r >= 0x4e00 && r <= 0x9fff:
		return r <= 0x9fcc
	case r >= 0x3400 && r <= 0x4dbf:
		return r <= 0x4db5
	}
	return unicode.IsLetter(r)
}

type flowLexer struct {
	s     string
	pos   int
	stack []flowState
	done  bool
	graph bool // a GRAPH keyword was seen (only the first one opens the direction)
	ids   *flowTokens

	// openers remembers where each label was opened ("[", "(", "{", ...)
	// so that an error inside a label can name it; enclosing is the
	// innermost one when the last token was read (-1 outside labels).
	openers   []int
	enclosing int

	t   *text // for messages: the rewritten text and the source
	src string

	// the last @{...} block, for the shape check; skipped when it
	// decorates an edge id or a subgraph (mermaid does not check those).
	shapeFrom     int
	shapeID       string
	lastShape     string
	lastShapeSkip bool
	linkIDs       map[string]bool

	subgraphs []int // where the subgraphs still open begin

	// caches that keep every rule O(1) amortised; positions only grow.
	wsFrom, wsTo   int // s[wsFrom:wsTo] is a maximal \s run
	runFrom, runTo int // a maximal run of LINK_ID characters
	runAt          int // last '@' in it that LINK_ID may end at, or -1
	dirLineEnd     int // the direction scan is cached for positions below this
	dirAt, dirEnd  int // last valid "direction" on that line and its match end
}

func (l *flowLexer) top() flowState { return l.stack[len(l.stack)-1] }
func (l *flowLexer) push(st flowState) {
	l.stack = append(l.stack, st)
	if st == fsText || st == fsTrapText || st == fsEllipseText {
		l.openers = append(l.openers, l.pos)
	}
}

// pop leaves the bottom condition in place, as jison's popState does.
func (l *flowLexer) pop() {
	if len(l.stack) > 1 {
		st := l.top()
		l.stack = l.stack[:len(l.stack)-1]
		if (st == fsText || st == fsTrapText || st == fsEllipseText) && len(l.openers) > 0 {
			l.openers = l.openers[:len(l.openers)-1]
		}
	}
}

// wsEnd returns the end of the run of \s starting at p.
func (l *flowLexer) wsEnd(p int) int {
	if p >= l.wsFrom && p < l.wsTo {
		return l.wsTo
	}
	q := p
	for q < len(l.s) {
		r, n := rune(l.s[q]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(l.s[q:])
		}
		if !isJSSpace(r) {
			break
		}
		q += n
	}
	if q > p {
		l.wsFrom, l.wsTo = p, q
	}
	return q
}

func (l *flowLexer) has(p int, lit string) bool { return strings.HasPrefix(l.s[p:], lit) }

// word matches lit followed by a \b (the next character is not \w).
func (l *flowLexer) word(p int, lit string) int {
	if !l.has(p, lit) {
		return -1
	}
	if e := p + len(lit); e < len(l.s) && isWordByte(l.s[e]) {
		return -1
	}
	return len(lit)
}

func (l *flowLexer) lit(p int, lit string) int {
	if l.has(p, lit) {
		return len(lit)
	}
	return -1
}

// runOf matches one or more bytes/runes accepted by ok (at least min).
func (l *flowLexer) runOf(p, min int, ok func(r rune) bool) int {
	q := p
	for q < len(l.s) {
		r, n := rune(l.s[q]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(l.s[q:])
		}
		if !ok(r) {
			break
		}
		q += n
	}
	if q-p < min {
		return -1
	}
	return q - p
}

// byteSet is a set of ASCII bytes; runNotIn matches a run of characters
// outside it (every excluded character is ASCII, so bytes suffice).
type byteSet [256]bool

func newByteSet(chars string) *byteSet {
	var b byteSet
	for i := 0; i < len(chars); i++ {
		b[chars[i]] = true
	}
	return &b
}

var (
	setNL        = newByteSet("\n")
	setBrace     = newByteSet("}")
	setQuote     = newByteSet(`"`)
	setShapeData = newByteSet(`}^"`)
	setParen     = newByteSet("(")
	setParenEnd  = newByteSet(")")
	setMdStr     = newByteSet("`\"")
	setTrapText  = newByteSet(`\[](){}/`)
	setText      = newByteSet("[](){}|\"")
)

func (l *flowLexer) runNotIn(p, min int, set *byteSet) int {
	q := p
	for q < len(l.s) && !set[l.s[q]] {
		q++
	}
	if q-p < min {
		return -1
	}
	return q - p
}

func oneChar(s string, p int) int {
	if p >= len(s) {
		return -1
	}
	_, n := utf8.DecodeRuneInString(s[p:])
	return n
}

func isLineTerm(r rune) bool { return r == '\n' || r == '\r' || r == 0x2028 || r == 0x2029 }

// arrow matches \s*[xo<]?CC+[Cxo>]\s* (c is '-' or '='): a complete link.
func (l *flowLexer) arrow(p int, c byte) int {
	q := l.wsEnd(p)
	if q < len(l.s) && (l.s[q] == 'x' || l.s[q] == 'o' || l.s[q] == '<') {
		q++
	}
	k := 0
	for q+k < len(l.s) && l.s[q+k] == c {
		k++
	}
	switch {
	case q+k < len(l.s) && k >= 2 && (l.s[q+k] == 'x' || l.s[q+k] == 'o' || l.s[q+k] == '>'):
		q += k + 1
	case k >= 3:
		q += k
	default:
		return -1
	}
	return l.wsEnd(q) - p
}

// startArrow matches \s*[xo<]?CC\s*: the start of a link with text.
func (l *flowLexer) startArrow(p int, c byte) int {
	q := l.wsEnd(p)
	if q < len(l.s) && (l.s[q] == 'x' || l.s[q] == 'o' || l.s[q] == '<') {
		q++
	}
	if q+1 < len(l.s) && l.s[q] == c && l.s[q+1] == c {
		return l.wsEnd(q+2) - p
	}
	return -1
}

// dotted matches \s*[xo<]?-?\.+-[xo>]?\s*.
func (l *flowLexer) dotted(p int) int {
	q := l.wsEnd(p)
	if q < len(l.s) && (l.s[q] == 'x' || l.s[q] == 'o' || l.s[q] == '<') {
		q++
	}
	if q < len(l.s) && l.s[q] == '-' {
		q++
	}
	d := 0
	for q+d < len(l.s) && l.s[q+d] == '.' {
		d++
	}
	if d == 0 || q+d >= len(l.s) || l.s[q+d] != '-' {
		return -1
	}
	q += d + 1
	if q < len(l.s) && (l.s[q] == 'x' || l.s[q] == 'o' || l.s[q] == '>') {
		q++
	}
	return l.wsEnd(q) - p
}

// linkID matches [^\s"[\](){}|]+@(?=[^{"]): an edge id such as "e1@".
// The run is greedy, so the match ends at its last suitable '@', which
// must not be the first character.
func (l *flowLexer) linkID(p int) int {
	if p < l.runFrom || p >= l.runTo {
		q := p
		l.runAt = -1
		for q < len(l.s) {
			r, n := rune(l.s[q]), 1
			if r >= utf8.RuneSelf {
				r, n = utf8.DecodeRuneInString(l.s[q:])
				if isJSSpace(r) {
					break
				}
			} else if linkIDStop[r] {
				break
			}
			if r == '@' && q+1 < len(l.s) && l.s[q+1] != '{' && l.s[q+1] != '"' {
				l.runAt = q
			}
			q += n
		}
		if q == p {
			return -1
		}
		l.runFrom, l.runTo = p, q
	}
	if l.runAt > p { // at least one character before the "@"
		return l.runAt + 1 - p
	}
	return -1
}

// direction matches .*direction\s+(TB|BT|RL|LR|TD)[^\n]*: a direction
// statement anywhere on the rest of the line (the rule is tried before ids,
// so "A --> B direction LR" is a direction statement). The scan of a line is
// cached: the rule matches at p when a valid "direction" starts at or after p.
// (The five jison rules differ only in their token, which the grammar treats
// alike.)
func (l *flowLexer) direction(p int) int {
	if p >= l.dirLineEnd {
		le := p
		for le < len(l.s) {
			r, n := utf8.DecodeRuneInString(l.s[le:])
			if isLineTerm(r) {
				break
			}
			le += n
		}
		l.dirLineEnd, l.dirAt, l.dirEnd = le, -1, -1
		if le == p {
			l.dirLineEnd = p + 1
			return -1
		}
		seg := l.s[p:le]
		for i := strings.LastIndex(seg, "direction"); i >= 0; i = strings.LastIndex(seg[:i], "direction") {
			at := p + i + len("direction")
			q := l.wsEnd(at)
			if q == at || q+2 > len(l.s) {
				continue
			}
			switch l.s[q : q+2] {
			case "TB", "BT", "RL", "LR", "TD":
				l.dirAt = p + i
				if k := strings.IndexByte(l.s[q:], '\n'); k >= 0 {
					l.dirEnd = q + k
				} else {
					l.dirEnd = len(l.s)
				}
			}
			if l.dirAt >= 0 {
				break
			}
		}
	}
	if l.dirAt >= p {
		return l.dirEnd - p
	}
	return -1
}

var linkIDStop = newByteSet(" \t\n\v\f\r\"[](){}|")

var dirWords = [...]string{"LR", "RL", "TB", "BT", "TD", "BR", "<", ">", "^", "v"}

func isNodeStringByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' ||
		strings.IndexByte("!\"#$%&'*+.`?\\_/", c) >= 0
}

// nodeString matches ([A-Za-z0-9!"#$%&'*+.`?\\_/]|-(?=[^>\-.]))+ ; the
// bundle's "=(?!=)" alternative compiled to a lookahead that never matches,
// so "=" is not part of an id.
func (l *flowLexer) nodeString(p int) int {
	q := p
	for q < len(l.s) {
		c := l.s[q]
		if isNodeStringByte(c) {
			q++
			continue
		}
		if c == '-' && q+1 < len(l.s) {
			if n := l.s[q+1]; n != '>' && n != '-' && n != '.' {
				q++
				continue
			}
		}
		break
	}
	if q == p {
		return -1
	}
	return q - p
}

// match tries rule r at p and returns the length matched or -1.
func (l *flowLexer) match(r, p int) int {
	s := l.s
	switch r {
	case 0, 2, 4:
		// accTitle\s*:\s*, accDescr\s*:\s*, accDescr\s*{\s*
		kw, want := "accDescr", byte(':')
		if r == 0 {
			kw = "accTitle"
		} else if r == 4 {
			want = '{'
		}
		if !l.has(p, kw) {
			return -1
		}
		q := l.wsEnd(p + len(kw))
		if q >= len(s) || s[q] != want {
			return -1
		}
		return l.wsEnd(q+1) - p
	case 1, 3:
		return l.runNotIn(p, 0, setNL)
	case 5, 12:
		return l.lit(p, "}")
	case 6:
		return l.runNotIn(p, 0, setBrace)
	case 7:
		return l.lit(p, "@{")
	case 8, 9, 23, 24, 118:
		return l.lit(p, `"`)
	case 10, 22:
		return l.runNotIn(p, 1, setQuote)
	case 11:
		return l.runNotIn(p, 1, setShapeData)
	case 13:
		if !l.has(p, "call") || l.wsEnd(p+4) == p+4 {
			return -1
		}
		return l.wsEnd(p+4) - p
	case 14:
		if !l.has(p, "(") {
			return -1
		}
		q := l.wsEnd(p + 1)
		if q < len(s) && s[q] == ')' {
			return q + 1 - p
		}
		return -1
	case 15:
		return l.lit(p, "(")
	case 16:
		return l.runNotIn(p, 0, setParen)
	case 17:
		return l.lit(p, ")")
	case 18:
		return l.runNotIn(p, 0, setParenEnd)
	case 19:
		return l.runNotIn(p, 1, setMdStr)
	case 20:
		return l.lit(p, "`\"")
	case 21:
		return l.lit(p, "\"`")
	case 25:
		return l.word(p, "style")
	case 26:
		return l.word(p, "default")
	case 27:
		return l.word(p, "linkStyle")
	case 28:
		return l.word(p, "interpolate")
	case 29:
		return l.word(p, "classDef")
	case 30:
		return l.word(p, "class")
	case 31:
		if l.has(p, "href") && p+4 < len(s) {
			if r, n := utf8.DecodeRuneInString(s[p+4:]); isJSSpace(r) {
				return 4 + n
			}
		}
		return -1
	case 32:
		if !l.has(p, "click") || l.wsEnd(p+5) == p+5 {
			return -1
		}
		return l.wsEnd(p+5) - p
	case 33:
		if p < len(s) {
			if r, n := utf8.DecodeRuneInString(s[p:]); isJSSpace(r) {
				return n
			}
		}
		return -1
	case 34:
		return l.runOf(p, 0, func(r rune) bool { return !isJSSpace(r) })
	case 35:
		return l.word(p, "flowchart-elk")
	case 36:
		return l.word(p, "swimlane-beta")
	case 37:
		return l.word(p, "graph")
	case 38:
		return l.word(p, "flowchart")
	case 39:
		return l.word(p, "subgraph")
	case 40:
		if l.word(p, "end") < 0 {
			return -1
		}
		return l.wsEnd(p+3) - p
	case 41:
		return l.word(p, "_self")
	case 42:
		return l.word(p, "_blank")
	case 43:
		return l.word(p, "_parent")
	case 44:
		return l.word(p, "_top")
	case 45:
		q := l.wsEnd(p)
		if i := strings.LastIndexByte(s[p:q], '\n'); i >= 0 {
			return i + 1
		}
		return -1
	case 46, 47, 48, 49, 50, 51, 52, 53, 54, 55:
		// \s*LR\b ... \s*BR\b, \s*<, \s*>, \s*\^, \s*v\b
		q := l.wsEnd(p)
		w := dirWords[r-46]
		n := l.lit(q, w)
		if r <= 51 || r == 55 {
			n = l.word(q, w)
		}
		if n >= 0 {
			return q + n - p
		}
		return -1
	case 56:
		return l.direction(p)
	case 57, 58, 59, 60:
		return -1 // folded into rule 56: all five directions are one statement
	case 61:
		return l.linkID(p)
	case 62:
		return l.runOf(p, 1, func(r rune) bool { return r >= '0' && r <= '9' })
	case 63, 104:
		return l.lit(p, "#")
	case 64:
		return l.lit(p, ":::")
	case 65:
		return l.lit(p, ":")
	case 66, 105:
		return l.lit(p, "&")
	case 67:
		return l.lit(p, ";")
	case 68:
		return l.lit(p, ",")
	case 69, 103:
		return l.lit(p, "*")
	case 70:
		return l.arrow(p, '-')
	case 71:
		return l.startArrow(p, '-')
	case 72:
		if l.has(p, "--") {
			return -1
		}
		return oneChar(s, p)
	case 73:
		return l.arrow(p, '=')
	case 74:
		return l.startArrow(p, '=')
	case 75:
		if l.has(p, "=") {
			return -1
		}
		return oneChar(s, p)
	case 76:
		return l.dotted(p)
	case 77:
		q := l.wsEnd(p)
		if q < len(s) && (s[q] == 'x' || s[q] == 'o' || s[q] == '<') {
			q++
		}
		if !l.has(q, "-.") {
			return -1
		}
		return l.wsEnd(q+2) - p
	case 78:
		if l.has(p, ".") {
			return -1
		}
		return oneChar(s, p)
	case 79:
		q := l.wsEnd(p)
		k := 0
		for q+k < len(s) && s[q+k] == '~' {
			k++
		}
		if k < 3 {
			return -1
		}
		return l.wsEnd(q+k) - p
	case 80:
		if p+1 < len(s) && strings.IndexByte("-/)", s[p]) >= 0 && s[p+1] == ')' {
			return 2
		}
		return -1
	case 81:
		if p < len(s) && strings.IndexByte("()[]{}", s[p]) < 0 {
			return oneChar(s, p)
		}
		return -1
	case 82:
		return l.lit(p, "(-")
	case 83:
		return l.lit(p, "])")
	case 84:
		return l.lit(p, "([")
	case 85:
		return l.lit(p, "]]")
	case 86:
		return l.lit(p, "[[")
	case 87:
		return l.lit(p, "[|")
	case 88, 99:
		return l.lit(p, ">")
	case 89:
		return l.lit(p, ")]")
	case 90:
		return l.lit(p, "[(")
	case 91:
		return l.lit(p, ")))")
	case 92:
		return l.lit(p, "(((")
	case 93:
		if p+1 < len(s) && strings.IndexByte(`\()?=]`, s[p]) >= 0 && s[p+1] == ']' {
			return 2
		}
		return -1
	case 94:
		return l.lit(p, "/]")
	case 95:
		if p < len(s) && (s[p] == '/' || s[p] == '\\') {
			if p+1 < len(s) && s[p+1] == ']' {
				return -1
			}
			return 1
		}
		return l.runNotIn(p, 1, setTrapText)
	case 96:
		return l.lit(p, "[/")
	case 97:
		return l.lit(p, `[\`)
	case 98:
		return l.lit(p, "<")
	case 100:
		return l.lit(p, "^")
	case 101:
		return l.lit(p, `\|`)
	case 102:
		return l.word(p, "v")
	case 106:
		return l.nodeString(p)
	case 107:
		return l.lit(p, "-")
	case 108:
		if p < len(s) && s[p] >= utf8.RuneSelf {
			if r, n := utf8.DecodeRuneInString(s[p:]); isUnicodeText(r) {
				return n
			}
		}
		return -1
	case 109, 110:
		return l.lit(p, "|")
	case 111:
		return l.lit(p, ")")
	case 112:
		return l.lit(p, "(")
	case 113:
		return l.lit(p, "]")
	case 114:
		return l.lit(p, "[")
	case 115:
		return l.lit(p, "}")
	case 116:
		return l.lit(p, "{")
	case 117:
		return l.runNotIn(p, 1, setText)
	case 119:
		q := p
		for q < len(s) && s[q] == '\n' {
			q++
		}
		if q == p {
			return -1
		}
		return q - p
	case 120:
		q := p
		for q < len(s) {
			if c := s[q]; c == ' ' || c == '\t' || c == '\v' || c == '\f' {
				q++
				continue
			} else if c < utf8.RuneSelf {
				break
			}
			r, n := utf8.DecodeRuneInString(s[q:])
			if !isJSSpace(r) || isLineTerm(r) && r != 0x2028 && r != 0x2029 {
				break
			}
			q += n
		}
		if q == p {
			return -1
		}
		return q - p
	case 121:
		if p == len(s) {
			return 0
		}
		return -1
	}
	return -1
}

// act performs rule r's condition change and returns its token name
// ("" when the rule produces no token).
func (l *flowLexer) act(r int) string {
	switch r {
	case 0:
		l.push(fsAccTitle)
		return "acc_title"
	case 1:
		l.pop()
		return "acc_title_value"
	case 2:
		l.push(fsAccDescr)
		return "acc_descr"
	case 3:
		l.pop()
		return "acc_descr_value"
	case 4:
		l.push(fsAccDescrMulti)
	case 5:
		l.pop()
	case 6:
		return "acc_descr_multiline_value"
	case 7:
		l.push(fsShapeData)
		return "SHAPE_DATA"
	case 8:
		l.push(fsShapeDataStr)
		return "SHAPE_DATA"
	case 9:
		l.pop()
		return "SHAPE_DATA"
	case 10, 11:
		return "SHAPE_DATA"
	case 12:
		l.pop()
	case 13:
		l.push(fsCallbackName)
	case 14:
		l.pop()
	case 15:
		l.pop()
		l.push(fsCallbackArgs)
	case 16:
		return "CALLBACKNAME"
	case 17:
		l.pop()
	case 18:
		return "CALLBACKARGS"
	case 19:
		return "MD_STR"
	case 20:
		l.pop()
	case 21:
		l.push(fsMdString)
	case 22:
		return "STR"
	case 23:
		l.pop()
	case 24:
		l.push(fsString)
	case 25:
		return "STYLE"
	case 26:
		return "DEFAULT"
	case 27:
		return "LINKSTYLE"
	case 28:
		return "INTERPOLATE"
	case 29:
		return "CLASSDEF"
	case 30:
		return "CLASS"
	case 31:
		return "HREF"
	case 32:
		l.push(fsClick)
	case 33:
		l.pop()
	case 34:
		return "CLICK"
	case 35, 36, 37, 38:
		if !l.graph {
			l.graph = true
			l.push(fsDir)
		}
		return "GRAPH"
	case 39:
		return "subgraph"
	case 40:
		return "end"
	case 41, 42, 43, 44:
		return "LINK_TARGET"
	case 45:
		l.pop()
		return "NODIR"
	case 46, 47, 48, 49, 50, 51, 52, 53, 54, 55:
		l.pop()
		return "DIR"
	case 56:
		return "direction"
	case 61:
		return "LINK_ID"
	case 62:
		return "NUM"
	case 63, 104:
		return "BRKT"
	case 64:
		return "STYLE_SEPARATOR"
	case 65:
		return "COLON"
	case 66, 105:
		return "AMP"
	case 67:
		return "SEMI"
	case 68:
		return "COMMA"
	case 69, 103:
		return "MULT"
	case 70, 73, 76:
		l.pop()
		return "LINK"
	case 71:
		l.push(fsEdgeText)
		return "START_LINK"
	case 74:
		l.push(fsThickEdgeText)
		return "START_LINK"
	case 77:
		l.push(fsDottedEdgeText)
		return "START_LINK"
	case 72, 75, 78:
		return "EDGE_TEXT"
	case 79:
		return "LINK"
	case 80:
		l.pop()
		return "ELLIPSE_END"
	case 81, 95, 117:
		return "TEXT"
	case 82:
		l.push(fsEllipseText)
		return "ELLIPSE_START"
	case 83:
		l.pop()
		return "STADIUMEND"
	case 84:
		l.push(fsText)
		return "STADIUMSTART"
	case 85:
		l.pop()
		return "SUBROUTINEEND"
	case 86:
		l.push(fsText)
		return "SUBROUTINESTART"
	case 87:
		return "VERTEX_WITH_PROPS_START"
	case 88:
		l.push(fsText)
		return "TAGEND"
	case 89:
		l.pop()
		return "CYLINDEREND"
	case 90:
		l.push(fsText)
		return "CYLINDERSTART"
	case 91:
		l.pop()
		return "DOUBLECIRCLEEND"
	case 92:
		l.push(fsText)
		return "DOUBLECIRCLESTART"
	case 93:
		l.pop()
		return "TRAPEND"
	case 94:
		l.pop()
		return "INVTRAPEND"
	case 96:
		l.push(fsTrapText)
		return "TRAPSTART"
	case 97:
		l.push(fsTrapText)
		return "INVTRAPSTART"
	case 98:
		return "TAGSTART"
	case 99:
		return "TAGEND"
	case 100:
		return "UP"
	case 101:
		return "SEP" // not a grammar symbol: always a parse error
	case 102:
		return "DOWN"
	case 106:
		return "NODE_STRING"
	case 107:
		return "MINUS"
	case 108:
		return "UNICODE_TEXT"
	case 109:
		l.pop()
		return "PIPE"
	case 110:
		l.push(fsText)
		return "PIPE"
	case 111:
		l.pop()
		return "PE"
	case 112:
		l.push(fsText)
		return "PS"
	case 113:
		l.pop()
		return "SQE"
	case 114:
		l.push(fsText)
		return "SQS"
	case 115:
		l.pop()
		return "DIAMOND_STOP"
	case 116:
		l.push(fsText)
		return "DIAMOND_START"
	case 118:
		return "QUOTE"
	case 119:
		return "NEWLINE"
	case 120:
		return "SPACE"
	case 121:
		return "EOF"
	}
	return ""
}

// remember notes what the messages and the shape check need.
func (l *flowLexer) remember(r, n int) {
	switch r {
	case 7:
		l.shapeFrom, l.shapeID = l.pos+n, l.nodeBefore(l.pos)
	case 12:
		l.lastShape = l.s[l.shapeFrom:l.pos]
		l.lastShapeSkip = l.linkIDs[l.shapeID] || strings.Contains(l.s, "subgraph "+l.shapeID)
	case 39:
		l.subgraphs = append(l.subgraphs, l.pos)
	case 40:
		if len(l.subgraphs) > 0 {
			l.subgraphs = l.subgraphs[:len(l.subgraphs)-1]
		}
	case 61:
		if l.linkIDs == nil {
			l.linkIDs = map[string]bool{}
		}
		l.linkIDs[l.s[l.pos:l.pos+n-1]] = true
	}
}

// next returns the next token; ok is false on a lexical error (l.pos is
// then where no rule matched).
func (l *flowLexer) next() (tok lrToken, name string, ok bool) {
	for {
		if l.done {
			return lrToken{kind: symEnd, start: len(l.s), end: len(l.s)}, "$end", true
		}
		if l.pos >= len(l.s) {
			l.done = true
		}
		matched := false
		b := 256
		if l.pos < len(l.s) {
			b = int(l.s[l.pos])
		}
		for _, r := range flowFirst[l.top()][b] {
			n := l.match(r, l.pos)
			if n < 0 {
				continue
			}
			start := l.pos
			l.enclosing = -1
			if len(l.openers) > 0 {
				l.enclosing = l.openers[len(l.openers)-1]
			}
			l.remember(r, n)
			name := l.act(r)
			l.pos += n
			matched = true
			if name != "" {
				return lrToken{kind: l.ids.kinds[r], start: start, end: l.pos}, name, true
			}
			break
		}
		if !matched {
			if l.pos >= len(l.s) {
				return lrToken{kind: symEnd, start: len(l.s), end: len(l.s)}, "$end", true
			}
			return lrToken{start: l.pos, end: l.pos}, "", false
		}
	}
}

package diagram

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
)

// The mindmap grammar and lexer of mermaid 12 (mindmap.jison). A line is
// indentation (SPACELIST) plus a node: plain text (NODE_ID), or an optional
// id followed by a shape "opener text closer". The lexer is
// case-insensitive and, as in jison, the first matching rule wins.
const mindmapGrammar = `
start: mindMap | spaceLines mindMap
spaceLines: SPACELINE | spaceLines SPACELINE | spaceLines NL
mindMap: MINDMAP document | MINDMAP NL document
stop: NL | EOF | SPACELINE | stop NL | stop EOF
document: document statement stop | statement stop
statement: SPACELIST node | SPACELIST ICON | SPACELIST CLASS | SPACELINE | node | ICON | CLASS | SPACELIST
node: nodeWithId | nodeWithoutId
nodeWithoutId: NODE_DSTART NODE_DESCR NODE_DEND
nodeWithId: NODE_ID | NODE_ID NODE_DSTART NODE_DESCR NODE_DEND
`

type mmState uint8

const (
	mmInitial mmState = iota
	mmNode
	mmStr  // "..." inside a shape
	mmStr2 // "`...`" inside a shape
	mmIcon
	mmClass
)

type mindmapParser struct {
	t                        *lrTables
	tok                      map[string]int
	kinds                    [8]int // token symbols by name, see kind
	separator                []bool // tokens that end or precede a statement
	hooks                    []bool // the statement productions
	pIndented, pPlain        int
	pIconIndented, pClassInd int
	pIcon, pClass            int
}

var mindmapOnce = sync.OnceValue(func() *mindmapParser {
	t := buildLR(mindmapGrammar)
	p := &mindmapParser{t: t, tok: map[string]int{}}
	for i, n := range t.names[:t.nterm] {
		p.tok[n] = i
	}
	for i, n := range mmTokenNames {
		p.kinds[i] = p.tok[n]
	}
	p.separator = make([]bool, t.nterm)
	for _, n := range []string{"NL", "SPACELINE", "EOF", "MINDMAP"} {
		p.separator[p.tok[n]] = true
	}
	stmt := t.index["statement"]
	for i, pr := range t.prods {
		if pr.lhs != stmt {
			continue
		}
		var rhs []string
		for _, s := range pr.rhs {
			rhs = append(rhs, t.names[s])
		}
		switch strings.Join(rhs, " ") {
		case "SPACELIST node":
			p.pIndented = i
		case "node":
			p.pPlain = i
		case "SPACELIST ICON":
			p.pIconIndented = i
		case "SPACELIST CLASS":
			p.pClassInd = i
		case "ICON":
			p.pIcon = i
		case "CLASS":
			p.pClass = i
		}
	}
	p.hooks = make([]bool, len(t.prods))
	for _, i := range []int{p.pIndented, p.pPlain, p.pIconIndented, p.pClassInd, p.pIcon, p.pClass} {
		p.hooks[i] = true
	}
	return p
})

var mmTokenNames = [...]string{"$end", "NL", "SPACELINE", "EOF", "MINDMAP", "SPACELIST", "NODE_ID", "NODE_DSTART"}

// kind maps a token name to its symbol without hashing the common ones.
func (p *mindmapParser) kind(name string) int {
	for i, n := range mmTokenNames {
		if n == name {
			return p.kinds[i]
		}
	}
	return p.tok[name]
}

type mmLexer struct {
	s     string
	pos   int
	stack []mmState
	done  bool
}

func (l *mmLexer) top() mmState   { return l.stack[len(l.stack)-1] }
func (l *mmLexer) push(s mmState) { l.stack = append(l.stack, s) }
func (l *mmLexer) pop() {
	if len(l.stack) > 1 {
		l.stack = l.stack[:len(l.stack)-1]
	}
}

func hasFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// next returns the next token name and its extent; "" means no rule
// matched (a lexical error at l.pos).
func (l *mmLexer) next() (string, int, int) {
	for {
		if l.done {
			return "$end", len(l.s), len(l.s)
		}
		if l.pos >= len(l.s) {
			l.done = true
		}
		start := l.pos
		rest := l.s[l.pos:]
		name, n, ok := l.rule(rest)
		if !ok {
			if l.pos >= len(l.s) {
				return "$end", len(l.s), len(l.s)
			}
			return "", l.pos, l.pos
		}
		l.pos += n
		if name != "" {
			return name, start, l.pos
		}
	}
}

// rule applies the first rule of the current condition that matches.
func (l *mmLexer) rule(s string) (string, int, bool) {
	switch l.top() {
	case mmClass:
		if dotRun(s) > 0 { // .+
			l.pop()
			return "CLASS", dotRun(s), true
		}
		if strings.HasPrefix(s, "\n") {
			l.pop()
			return "", 1, true
		}
		return "", 0, false
	case mmIcon:
		if i := strings.IndexByte(s, ')'); i != 0 && len(s) > 0 {
			if i < 0 {
				i = len(s)
			}
			return "ICON", i, true
		}
		if strings.HasPrefix(s, ")") {
			l.pop()
			return "", 1, true
		}
		return "", 0, false
	case mmStr2:
		if n := strings.IndexAny(s, "`\""); n != 0 && len(s) > 0 {
			if n < 0 {
				n = len(s)
			}
			return "NODE_DESCR", n, true
		}
		if strings.HasPrefix(s, "`\"") {
			l.pop()
			return "", 2, true
		}
		return "", 0, false
	case mmStr:
		if n := strings.IndexByte(s, '"'); n != 0 && len(s) > 0 {
			if n < 0 {
				n = len(s)
			}
			return "NODE_DESCR", n, true
		}
		if strings.HasPrefix(s, "\"") {
			l.pop()
			return "", 1, true
		}
		return "", 0, false
	case mmNode:
		switch {
		case strings.HasPrefix(s, "\"`"):
			l.push(mmStr2)
			return "", 2, true
		case strings.HasPrefix(s, "\""):
			l.push(mmStr)
			return "", 1, true
		case strings.HasPrefix(s, "))"), strings.HasPrefix(s, "}}"), strings.HasPrefix(s, "(-"),
			strings.HasPrefix(s, "-)"), strings.HasPrefix(s, "(("):
			l.pop()
			return "NODE_DEND", 2, true
		case strings.HasPrefix(s, ")"), strings.HasPrefix(s, "]"), strings.HasPrefix(s, "("):
			l.pop()
			return "NODE_DEND", 1, true
		}
		if n := strings.IndexAny(s, ")](}"); n != 0 && len(s) > 0 {
			if n < 0 {
				n = len(s)
			}
			return "NODE_DESCR", n, true
		}
		if dotRun(s) > 0 { // .+(?!\(\()
			return "NODE_DESCR", dotRun(s), true
		}
		return "", 0, false
	}
	// INITIAL
	if n := commentRun(s); n >= 0 {
		return "SPACELINE", n, true
	}
	if hasFold(s, "mindmap") && (len(s) == 7 || !isWordByte(s[7])) {
		return "MINDMAP", 7, true
	}
	if strings.HasPrefix(s, ":::") {
		l.push(mmClass)
		return "", 3, true
	}
	if hasFold(s, "::icon(") {
		l.push(mmIcon)
		return "", 7, true
	}
	ws := skipJSSpace(s, 0)
	if k := strings.LastIndexByte(s[:ws], '\n'); k > 0 { // [\s]+[\n]
		return "SPACELINE", k + 1, true
	}
	if strings.HasPrefix(s, "\n") {
		n := 0
		for n < len(s) && s[n] == '\n' {
			n++
		}
		return "NL", n, true
	}
	for _, o := range []string{"-)", "(-", "))", ")", "((", "{{", "(", "["} {
		if strings.HasPrefix(s, o) {
			l.push(mmNode)
			return "NODE_DSTART", len(o), true
		}
	}
	if ws > 0 {
		return "SPACELIST", ws, true
	}
	if n := strings.IndexAny(s, "([\n){}"); n != 0 && len(s) > 0 {
		if n < 0 {
			n = len(s)
		}
		return "NODE_ID", n, true
	}
	if len(s) == 0 {
		return "EOF", 0, true
	}
	return "", 0, false
}

// dotRun is the length of .+ : up to a line terminator.
func dotRun(s string) int {
	for i, r := range s {
		if isLineTerm(r) {
			return i
		}
	}
	return len(s)
}

// commentRun matches \s*%%.* and returns its length, or -1.
func commentRun(s string) int {
	j := skipJSSpace(s, 0)
	if !strings.HasPrefix(s[j:], "%%") {
		return -1
	}
	return j + 2 + dotRun(s[j+2:])
}

// jsLength is a string's length in UTF-16 units, as JavaScript counts it.
func jsLength(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

type mmNodeInfo struct {
	level int
	text  string
	at    int
}

func validateMindmap(t *text, src string) (*Error, int) {
	p := mindmapOnce()
	l := &mmLexer{s: t.s, stack: make([]mmState, 1, 8)}
	var la lrToken
	var laName string
	lexErr := false
	toks := make([]lrToken, 0, 16) // tokens of the current statement
	next := func() (lrToken, bool) {
		name, a, b := l.next()
		if name == "" {
			lexErr = true
			la = lrToken{start: a, end: b}
			return la, false
		}
		la, laName = lrToken{kind: p.kind(name), start: a, end: b}, name
		toks = append(toks, la)
		return la, true
	}
	var nodes []mmNodeInfo
	baseLevel := 0
	var semErr string
	var semAt lrToken
	reduce := func(prod int, vals []int) (int, bool) {
		if prod != p.pIndented && prod != p.pPlain && prod != p.pIcon && prod != p.pClass &&
			prod != p.pIconIndented && prod != p.pClassInd {
			return 0, false
		}
		// the statement's tokens: everything before the lookahead since
		// the last stop; afterwards only the lookahead is kept
		stmt := toks[:len(toks)-1]
		last := toks[len(toks)-1]
		defer func() { toks = append(toks[:0], last) }()
		for len(stmt) > 0 && p.separator[stmt[0].kind] {
			stmt = stmt[1:]
		}
		if len(stmt) == 0 {
			return 0, false
		}
		if prod != p.pIndented && prod != p.pPlain {
			if len(nodes) == 0 {
				semErr, semAt = "an icon or class line must follow a node it decorates", stmt[0]
				return 0, true
			}
			return 0, false
		}
		level := 0
		body := stmt
		if prod == p.pIndented {
			level = jsLength(t.s[stmt[0].start:stmt[0].end])
			body = stmt[1:]
		}
		text := strings.TrimSpace(t.s[body[0].start:body[len(body)-1].end])
		if len(nodes) == 0 {
			baseLevel = level
			nodes = append(nodes, mmNodeInfo{0, text, body[0].start})
			return 0, false
		}
		level -= baseLevel
		// mermaid's getParent scans back for the last node with a smaller
		// level. A node followed by one at its level or less can never be
		// that node again, so a stack of increasing levels answers the
		// same question in amortised O(1).
		for len(nodes) > 1 && nodes[len(nodes)-1].level >= level {
			nodes = nodes[:len(nodes)-1]
		}
		if nodes[len(nodes)-1].level < level {
			nodes = append(nodes, mmNodeInfo{level, text, body[0].start})
			return 0, false
		}
		root := nodes[0]
		semErr = fmt.Sprintf("a mindmap has one root: %q is not indented more than the root %q (at %s); indent it under the root",
			clip(text), clip(root.text), whereIn(t, src, root.at))
		semAt = body[0]
		return 0, true
	}
	fail, ok := p.t.parse(next, p.hooks, reduce)
	switch {
	case ok:
		return nil, 0
	case lexErr:
		r, _ := utf8.DecodeRuneInString(t.s[la.start:])
		return errorAt(t, src, la.start, fmt.Sprintf("character %q is not allowed here; put the text in a quoted node: id[\"...\"]", string(r))),
			strings.Count(t.s[:la.start], "\n") + 1
	case semErr != "":
		return errorAt(t, src, semAt.start, semErr), 0
	}
	return failureAt(t, src, fail, mindmapMessage(t, p, laName, fail, toks))
}

func whereIn(t *text, src string, p int) string {
	line, col := position(src, t.at(p))
	return fmt.Sprintf("diagram line %d column %d", line, col)
}

// mindmapMessage explains a parse error; toks are the tokens read since
// the last complete statement.
func mindmapMessage(t *text, p *mindmapParser, name string, f *lrFailure, toks []lrToken) string {
	got := t.s[f.tok.start:f.tok.end]
	exp := map[string]bool{}
	for _, k := range f.expected {
		exp[p.t.names[k]] = true
	}
	// the text of the line so far, for suggestions
	ls := strings.LastIndexByte(t.s[:f.tok.start], '\n') + 1
	le := strings.IndexByte(t.s[f.tok.start:], '\n')
	if le < 0 {
		le = len(t.s)
	} else {
		le += f.tok.start
	}
	line := strings.TrimSpace(t.s[ls:le])
	quoted := fmt.Sprintf(`id["%s"]`, strings.ReplaceAll(line, `"`, "#quot;"))
	switch {
	case exp["NODE_DESCR"] && name == "NODE_DEND":
		return fmt.Sprintf("empty %q: in a mindmap %q opens a shape and needs text before %q; write the node as %s or drop the brackets",
			strings.TrimSpace(t.s[f.tok.start-1:f.tok.end]), t.s[f.tok.start-1:f.tok.start], got, quoted)
	case exp["NL"] && (name == "NODE_ID" || name == "NODE_DSTART") && mismatched(t, p, toks) != "":
		return mismatched(t, p, toks)
	case exp["NL"] && (name == "NODE_ID" || name == "NODE_DSTART"):
		return fmt.Sprintf("unexpected %q after a complete node: a shape such as (...) must end the line; write the whole text as %s", clip(strings.TrimSpace(got)), quoted)
	case exp["NL"] && name == "SPACELIST":
		return "a node must end the line; remove the text after its shape, or quote the whole text: " + quoted
	case name == "$end" || name == "EOF":
		if exp["NODE_DEND"] || exp["NODE_DESCR"] {
			return "unclosed shape at the end of the mindmap; close the bracket"
		}
		return "the mindmap has no nodes"
	case exp["MINDMAP"]:
		return fmt.Sprintf("expected the keyword \"mindmap\", found %q", clip(strings.TrimSpace(got)))
	case exp["NODE_DEND"]:
		return fmt.Sprintf("unexpected %q inside a shape; quote the text: %s", clip(got), quoted)
	}
	return fmt.Sprintf("unexpected %q; write the text as %s", clip(strings.TrimSpace(got)), quoted)
}

var mmCloser = map[string]string{"((": "))", "(": ")", "[": "]", "{{": "}}", "))": "((", ")": "(", "(-": "-)", "-)": "(-"}

// mismatched explains a shape whose text holds a closing bracket, as in
// "root(([a]))": the first closer ends the shape.
func mismatched(t *text, p *mindmapParser, toks []lrToken) string {
	var open, close *lrToken
	for i := range toks {
		switch toks[i].kind {
		case p.tok["NODE_DSTART"]:
			if close == nil {
				open = &toks[i]
			}
		case p.tok["NODE_DEND"]:
			if open != nil && close == nil {
				close = &toks[i]
			}
		}
	}
	if open == nil || close == nil {
		return ""
	}
	o, c := t.s[open.start:open.end], t.s[close.start:close.end]
	if mmCloser[o] == c {
		return ""
	}
	id := strings.TrimSpace(t.s[strings.LastIndexByte(t.s[:open.start], '\n')+1 : open.start])
	return fmt.Sprintf("the shape %q of node %s ends at the first closing bracket %q, inside its text; quote the text: %s%s\"%s\"%s",
		o, id, c, id, o, strings.TrimSpace(t.s[open.end:close.start]+c), mmCloser[o])
}

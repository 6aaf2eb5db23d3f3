package diagram

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// flowGrammar is mermaid 12's flowchart grammar (flow.jison), rule for rule,
// without the semantic actions. Unused jison rules are left out; the five
// direction_xx tokens are one "direction" token; ELLIPSE_START/END are
// jison's "(-" and "-)".
const flowGrammar = `
start: graphConfig document
document: | document line
line: statement | SEMI | NEWLINE | SPACE | EOF
graphConfig: SPACE graphConfig | NEWLINE graphConfig | GRAPH NODIR | GRAPH DIR FirstStmtSeparator
FirstStmtSeparator: SEMI | NEWLINE | spaceList NEWLINE
spaceList: SPACE spaceList | SPACE
statement: vertexStatement separator | styleStatement separator | linkStyleStatement separator
  | classDefStatement separator | classStatement separator | clickStatement separator
  | subgraph SPACE textNoTags SQS text SQE separator document end
  | subgraph SPACE textNoTags separator document end
  | subgraph separator document end
  | direction | acc_title acc_title_value | acc_descr acc_descr_value | acc_descr_multiline_value
separator: NEWLINE | SEMI | EOF
shapeData: shapeData SHAPE_DATA | SHAPE_DATA
vertexStatement: vertexStatement link node shapeData | vertexStatement link node
  | vertexStatement link node spaceList | node spaceList | node shapeData | node
node: styledVertex | node shapeData spaceList AMP spaceList styledVertex | node spaceList AMP spaceList styledVertex
styledVertex: vertex | vertex STYLE_SEPARATOR idString
vertex: idString SQS text SQE | idString DOUBLECIRCLESTART text DOUBLECIRCLEEND | idString PS PS text PE PE
  | idString ELLIPSE_START text ELLIPSE_END | idString STADIUMSTART text STADIUMEND
  | idString SUBROUTINESTART text SUBROUTINEEND
  | idString VERTEX_WITH_PROPS_START NODE_STRING COLON NODE_STRING PIPE text SQE
  | idString CYLINDERSTART text CYLINDEREND | idString PS text PE | idString DIAMOND_START text DIAMOND_STOP
  | idString DIAMOND_START DIAMOND_START text DIAMOND_STOP DIAMOND_STOP | idString TAGEND text SQE
  | idString TRAPSTART text TRAPEND | idString INVTRAPSTART text INVTRAPEND
  | idString TRAPSTART text INVTRAPEND | idString INVTRAPSTART text TRAPEND | idString
link: linkStatement arrowText | linkStatement TESTSTR SPACE | linkStatement arrowText SPACE | linkStatement
  | START_LINK edgeText LINK | LINK_ID START_LINK edgeText LINK
edgeText: edgeTextToken | edgeText edgeTextToken | STR | MD_STR
linkStatement: LINK | LINK_ID LINK
arrowText: PIPE text PIPE
text: textToken | text textToken | STR | MD_STR
keywords: STYLE | LINKSTYLE | CLASSDEF | CLASS | CLICK | GRAPH | DIR | subgraph | end | DOWN | UP
textNoTags: textNoTagsToken | textNoTags textNoTagsToken | STR | MD_STR
classDefStatement: CLASSDEF SPACE idString SPACE stylesOpt
classStatement: CLASS SPACE idString SPACE idString
clickStatement: CLICK CALLBACKNAME | CLICK CALLBACKNAME SPACE STR | CLICK CALLBACKNAME CALLBACKARGS
  | CLICK CALLBACKNAME CALLBACKARGS SPACE STR | CLICK HREF STR | CLICK HREF STR SPACE STR
  | CLICK HREF STR SPACE LINK_TARGET | CLICK HREF STR SPACE STR SPACE LINK_TARGET
  | CLICK alphaNum | CLICK alphaNum SPACE STR | CLICK STR | CLICK STR SPACE STR
  | CLICK STR SPACE LINK_TARGET | CLICK STR SPACE STR SPACE LINK_TARGET
styleStatement: STYLE SPACE idString SPACE stylesOpt
linkStyleStatement: LINKSTYLE SPACE DEFAULT SPACE stylesOpt | LINKSTYLE SPACE numList SPACE stylesOpt
  | LINKSTYLE SPACE DEFAULT SPACE INTERPOLATE SPACE alphaNum SPACE stylesOpt
  | LINKSTYLE SPACE numList SPACE INTERPOLATE SPACE alphaNum SPACE stylesOpt
  | LINKSTYLE SPACE DEFAULT SPACE INTERPOLATE SPACE alphaNum
  | LINKSTYLE SPACE numList SPACE INTERPOLATE SPACE alphaNum
numList: NUM | numList COMMA NUM
stylesOpt: style | stylesOpt COMMA style
style: styleComponent | style styleComponent
styleComponent: NUM | NODE_STRING | COLON | UNIT | SPACE | BRKT | STYLE | PCT
idStringToken: NUM | NODE_STRING | DOWN | MINUS | DEFAULT | COMMA | COLON | AMP | BRKT | MULT | UNICODE_TEXT
textToken: TEXT | TAGSTART | TAGEND | UNICODE_TEXT
textNoTagsToken: NUM | NODE_STRING | SPACE | MINUS | AMP | UNICODE_TEXT | COLON | MULT | BRKT | keywords | START_LINK
edgeTextToken: EDGE_TEXT | UNICODE_TEXT
alphaNumToken: NUM | UNICODE_TEXT | NODE_STRING | DIR | DOWN | MINUS | COMMA | COLON | AMP | BRKT | MULT
idString: idStringToken | idString idStringToken
alphaNum: alphaNumToken | alphaNum alphaNumToken
`

// flowTokens maps the lexer's token names to grammar symbols.
type flowTokens struct {
	t     *lrTables
	kinds [122]int // grammar symbol of each lexer rule's token
}

func (f *flowTokens) kind(name string) int {
	if k, ok := f.t.index[name]; ok && k < f.t.nterm {
		return k
	}
	return f.t.index["QUOTE"] // an unknown token: every state rejects it
}

type flowParser struct {
	t                                         *lrTables
	ids                                       *flowTokens
	pStmtLink, pStmtLinkShape, pStmtLinkSpace int
	pNodeAmp, pNodeShapeAmp, pNode            int
	pNumList1, pNumListN                      int
	pBareSubgraph                             int
	pLinkStyle                                []bool // by production
	pShape                                    []bool
	hooks                                     []bool // the productions reduce looks at
}

var flowOnce = sync.OnceValue(func() *flowParser {
	t := buildLR(flowGrammar, "SEP", "QUOTE")
	p := &flowParser{t: t, ids: &flowTokens{t: t}, pLinkStyle: make([]bool, len(t.prods)), pShape: make([]bool, len(t.prods))}
	probe := &flowLexer{stack: []flowState{fsInitial, fsInitial}}
	for r := range p.ids.kinds {
		// act only pushes or pops, so a probe lexer tells each rule's token
		p.ids.kinds[r] = p.ids.kind(probe.act(r))
		probe.stack = probe.stack[:2]
	}
	find := func(rule string) int {
		lhs, rhs, _ := strings.Cut(rule, ":")
		want := strings.Fields(rhs)
	next:
		for i, pr := range t.prods {
			if t.names[pr.lhs] != strings.TrimSpace(lhs) || len(pr.rhs) != len(want) {
				continue
			}
			for j, s := range pr.rhs {
				if t.names[s] != want[j] {
					continue next
				}
			}
			return i
		}
		panic("flow grammar: no rule " + rule)
	}
	p.pStmtLink = find("vertexStatement: vertexStatement link node")
	p.pStmtLinkShape = find("vertexStatement: vertexStatement link node shapeData")
	p.pStmtLinkSpace = find("vertexStatement: vertexStatement link node spaceList")
	p.pNode = find("node: styledVertex")
	p.pNodeAmp = find("node: node spaceList AMP spaceList styledVertex")
	p.pNodeShapeAmp = find("node: node shapeData spaceList AMP spaceList styledVertex")
	p.pBareSubgraph = find("statement: subgraph separator document end")
	p.pNumList1 = find("numList: NUM")
	p.pNumListN = find("numList: numList COMMA NUM")
	for _, r := range []string{
		"linkStyleStatement: LINKSTYLE SPACE numList SPACE stylesOpt",
		"linkStyleStatement: LINKSTYLE SPACE numList SPACE INTERPOLATE SPACE alphaNum SPACE stylesOpt",
		"linkStyleStatement: LINKSTYLE SPACE numList SPACE INTERPOLATE SPACE alphaNum",
	} {
		p.pLinkStyle[find(r)] = true
	}
	for _, r := range []string{
		"vertexStatement: vertexStatement link node shapeData",
		"vertexStatement: node shapeData",
		"node: node shapeData spaceList AMP spaceList styledVertex",
	} {
		p.pShape[find(r)] = true
	}
	p.hooks = make([]bool, len(t.prods))
	for i := range p.hooks {
		p.hooks[i] = p.pShape[i] || p.pLinkStyle[i]
	}
	for _, i := range []int{p.pStmtLink, p.pStmtLinkShape, p.pStmtLinkSpace, p.pNodeAmp, p.pNodeShapeAmp,
		p.pNode, p.pNumList1, p.pNumListN, p.pBareSubgraph} {
		p.hooks[i] = true
	}
	return p
})

// mermaid refuses a flowchart with more edges than its maxEdges setting.
const maxEdges = 500

func validateFlow(t *text, src string) (*Error, int) {
	p := flowOnce()
	l := &flowLexer{s: t.s, stack: make([]flowState, 1, 8), openers: make([]int, 0, 8), ids: p.ids, t: t, src: src, enclosing: -1}
	var la lrToken
	var laName string
	var lexErr bool
	prevEnd := 0 // end of the token before the lookahead
	prevName := ""
	next := func() (lrToken, bool) {
		tok, name, ok := l.next()
		if !ok {
			lexErr = true
			la = tok
			return tok, false
		}
		switch name {
		case "NUM":
			tok.val = numValue(t.s[tok.start:tok.end])
		case "subgraph":
			tok.val = tok.start
		}
		prevEnd, prevName = la.end, laName
		la, laName = tok, name
		return tok, true
	}
	edges := 0
	var semErr string
	semAt := -1
	reduce := func(prod int, vals []int) (int, bool) {
		switch {
		case prod == p.pStmtLink || prod == p.pStmtLinkShape || prod == p.pStmtLinkSpace:
			edges += vals[0] * vals[2]
			if edges > maxEdges {
				semErr = fmt.Sprintf("too many edges: mermaid draws at most %d (its maxEdges setting); split the diagram", maxEdges)
				return 0, true
			}
			if p.pShape[prod] {
				if msg := l.badShape(); msg != "" {
					semErr, semAt = msg, l.shapeFrom-2
					return 0, true
				}
			}
			return vals[2], false
		case prod == p.pNodeAmp || prod == p.pNodeShapeAmp:
			if p.pShape[prod] {
				if msg := l.badShape(); msg != "" {
					semErr, semAt = msg, l.shapeFrom-2
					return 0, true
				}
			}
			return vals[0] + 1, false
		case prod == p.pNode:
			return 1, false
		case prod == p.pBareSubgraph:
			// mermaid 12.3 crashes on a subgraph without id or title
			semErr, semAt = `a subgraph needs an id or a title: subgraph id["title"]`, vals[0]
			return 0, true
		case prod == p.pNumList1:
			return vals[0], false
		case prod == p.pNumListN:
			return max(vals[0], vals[2]), false
		case p.pLinkStyle[prod]:
			if vals[2] >= edges {
				semErr = fmt.Sprintf("linkStyle refers to link %s but only %d links are defined before it (links count from 0)", linkNumber(vals[2]), edges)
				return 0, true
			}
		case p.pShape[prod]:
			if msg := l.badShape(); msg != "" {
				semErr, semAt = msg, l.shapeFrom-2
				return 0, true
			}
		}
		if len(vals) > 0 {
			return vals[0], false
		}
		return 1, false
	}
	fail, ok := p.t.parse(next, p.hooks, reduce)
	switch {
	case ok:
		return nil, 0
	case lexErr:
		return l.lexError(t, src)
	case semErr != "":
		if semAt < 0 {
			// the statement being completed: the start of its line
			semAt = skipJSSpace(t.s, strings.LastIndexByte(t.s[:max(prevEnd-1, 0)], '\n')+1)
		}
		return errorAt(t, src, semAt, semErr), 0
	}
	return failureAt(t, src, fail, l.parseMessage(p, laName, prevName, fail))
}

// numValue is the value of a NUM token as a link index; mermaid looks
// links up by the digits as a property name, so "01" finds nothing.
func numValue(s string) int {
	if len(s) > 1 && s[0] == '0' || len(s) > 9 {
		return 1 << 30
	}
	n, _ := strconv.Atoi(s)
	return n
}

func linkNumber(n int) string {
	if n == 1<<30 {
		return "with that number"
	}
	return strconv.Itoa(n)
}

var shapeRe = regexp.MustCompile(`(?:^|[\s,{])shape\s*:\s*([A-Za-z0-9_-]+)\s*(?:[,}\n]|$)`)

// badShape checks the shape named in the last @{...} block.
func (l *flowLexer) badShape() string {
	m := shapeRe.FindStringSubmatch(l.lastShape)
	if m == nil || l.lastShapeSkip {
		return ""
	}
	name := m[1]
	if name != strings.ToLower(name) || strings.Contains(name, "_") {
		return fmt.Sprintf("no such shape: %s; shape names are lowercase with \"-\", e.g. %q", name, strings.ReplaceAll(strings.ToLower(name), "_", "-"))
	}
	if !validShapes[name] {
		return fmt.Sprintf("no such shape: %s (see mermaid's list of shapes, e.g. rect, rounded, circle, diamond, hex, cyl, doc)", name)
	}
	return ""
}

// validShapes are the names mermaid 12.3's isValidShape accepts.
var validShapes = func() map[string]bool {
	m := map[string]bool{}
	for _, s := range strings.Fields(`state choice note composite rectWithTitle labelRect block_arrow
		collapsedGroup iconSquare iconCircle icon iconRounded imageSquare anchor kanbanItem mindmapCircle
		defaultMindmapNode classBox erBox requirementBox usecaseActor usecaseActorHollow usecaseActorAwesome
		usecaseActorIcon usecaseBusiness usecaseEllipse usecaseJsonTable bpmn-start bpmn-intermediate
		bpmn-boundary bpmn-end bpmn-gateway bpmn-activity bpmn-data bpmn-data-store bpmn-annotation rect
		proc process rectangle squareRect rounded event roundedRect stadium terminal pill fr-rect subprocess
		subproc framed-rectangle subroutine cyl db database cylinder datastore data-store folder directory
		bucket console browser person circle circ bang cloud diam decision diamond question hex hexagon
		prepare lean-r lean-right in-out lean_right lean-l lean-left out-in lean_left trap-b priority
		trapezoid-bottom trapezoid trap-t manual trapezoid-top inv-trapezoid inv_trapezoid dbl-circ
		double-circle doublecircle text notch-rect card notched-rectangle lin-rect lined-rectangle
		lined-process lin-proc shaded-process sm-circ start small-circle stateStart fr-circ stop
		framed-circle stateEnd fork join forkJoin hourglass collate brace comment brace-l brace-r braces
		bolt com-link lightning-bolt doc document delay half-rounded-rectangle h-cyl das
		horizontal-cylinder lin-cyl disk lined-cylinder curv-trap curved-trapezoid display div-rect
		div-proc divided-rectangle divided-process tri extract triangle win-pane internal-storage
		window-pane f-circ junction filled-circle notch-pent loop-limit notched-pentagon flip-tri
		manual-file flipped-triangle sl-rect manual-input sloped-rectangle docs documents st-doc
		stacked-document st-rect procs processes stacked-rectangle bow-rect stored-data
		bow-tie-rectangle cross-circ summary crossed-circle tag-doc tagged-document tag-rect
		tagged-rectangle tag-proc tagged-process flag paper-tape odd rect_left_inv_arrow lin-doc
		lined-document`) {
		m[s] = true
	}
	return m
}()

// describe names a token for a person.
func describe(name, text string) string {
	switch name {
	case "$end", "EOF":
		return "the end of the diagram"
	case "SEP":
		return `"\\|"`
	case "NEWLINE":
		return "the end of the line"
	case "SPACE":
		return "a space"
	case "SEMI":
		return `";"`
	case "STR":
		return "a quoted string"
	case "MD_STR":
		return "a markdown string"
	case "LINK", "START_LINK":
		return fmt.Sprintf("the link %q", strings.TrimSpace(text))
	case "NODE_STRING", "UNICODE_TEXT", "NUM", "TEXT", "EDGE_TEXT":
		return fmt.Sprintf("%q", clip(text))
	case "direction":
		return "a direction statement"
	}
	if text == "" {
		return name
	}
	return fmt.Sprintf("%q", clip(strings.TrimSpace(text)))
}

func clip(s string) string {
	if utf8.RuneCountInString(s) > 30 {
		r := []rune(s)
		return string(r[:30]) + "…"
	}
	return s
}

var closerOf = map[string]string{
	"[": "]", "(": ")", "{": "}", "((": "))", "(((": ")))", "([": "])", "[[": "]]", "[(": ")]",
	"{{": "}}", ">": "]", "[/": "/] or \\]", `[\`: `\] or /]`, "(-": "-)", "|": "|",
}

// opener returns the label opener starting at p ("[", "((", "[/", ...).
func (l *flowLexer) opener(p int) string {
	for _, o := range []string{"(((", "((", "([", "[[", "[(", "{{", "[/", `[\`, "(-", "[", "(", "{", ">", "|"} {
		if strings.HasPrefix(l.s[p:], o) {
			return o
		}
	}
	return l.s[p : p+1]
}

// nodeBefore returns the id written just before p (the node whose label
// opens at p).
func (l *flowLexer) nodeBefore(p int) string {
	q := p
	for q > 0 {
		r, n := utf8.DecodeLastRuneInString(l.s[:q])
		if isJSSpace(r) || strings.ContainsRune("[](){}|>;&\"", r) {
			break
		}
		q -= n
	}
	return l.s[q:p]
}

// parseMessage explains a parse error in the terms a writer uses.
func (l *flowLexer) parseMessage(p *flowParser, name, prev string, f *lrFailure) string {
	got := describe(name, l.s[f.tok.start:f.tok.end])
	exp := map[string]bool{}
	for _, k := range f.expected {
		exp[p.t.names[k]] = true
	}
	if o := l.enclosing; o >= 0 && (exp["SQE"] || exp["PE"] || exp["DIAMOND_STOP"] || exp["TEXT"] || exp["PIPE"] || exp["TRAPEND"] || exp["ELLIPSE_END"]) {
		op := l.opener(o)
		node := l.nodeBefore(o)
		where := fmt.Sprintf("%q of node %s opened at %s", op, node, l.where(o))
		if op == "|" {
			where = fmt.Sprintf("link text \"|\" opened at %s", l.where(o))
		}
		quoted := fmt.Sprintf(`quote the label: %s%s"..."%s`, node, op, closerOf[op])
		switch name {
		case "$end", "EOF":
			return fmt.Sprintf("unclosed %s: close it with %q", where, closerOf[op])
		case "SQE", "PE", "DIAMOND_STOP", "PIPE", "STADIUMEND", "SUBROUTINEEND", "CYLINDEREND", "DOUBLECIRCLEEND", "TRAPEND", "INVTRAPEND":
			return fmt.Sprintf("%s does not close the %s, which closes with %q; if %s is part of the text, %s", got, where, closerOf[op], got, quoted)
		case "STR":
			return fmt.Sprintf("a double quote inside the unquoted label (%s); %s and write inner quotes as #quot;", where, quoted)
		}
		return fmt.Sprintf("%s is not allowed inside the unquoted label (%s); %s", got, where, quoted)
	}
	switch name {
	case "end":
		if exp["end"] {
			break
		}
		return `"end" here is a keyword (it closes a subgraph), not a node id; write it differently, e.g. End or "end" as a label: e1["end"]`
	case "STYLE", "CLASS", "CLASSDEF", "LINKSTYLE", "CLICK", "GRAPH", "subgraph", "DEFAULT", "INTERPOLATE":
		if exp["NODE_STRING"] {
			return fmt.Sprintf("%s is a keyword and cannot be a node id here; use another id and put the word in a label", got)
		}
	case "$end", "EOF":
		if exp["end"] {
			if n := len(l.subgraphs); n > 0 {
				at := l.subgraphs[n-1]
				title := l.s[at:]
				if i := strings.IndexByte(title, '\n'); i >= 0 {
					title = title[:i]
				}
				return fmt.Sprintf("%q (%s) is not closed: add \"end\"", clip(strings.TrimSpace(title)), l.where(at))
			}
			return "a subgraph is not closed: add \"end\""
		}
	case "SEP":
		return `"\|" is not allowed here`
	}
	if exp["SEMI"] && exp["NEWLINE"] && (name == "NODE_STRING" || name == "UNICODE_TEXT" || name == "NUM" || name == "MINUS") {
		return fmt.Sprintf("unexpected %s: a statement ended and a new one must start on a new line or after \";\"; node ids cannot contain spaces — put text with spaces in a label, e.g. id[\"text with spaces\"]", got)
	}
	if (prev == "LINK" || prev == "PIPE") && exp["NODE_STRING"] && (name == "$end" || name == "EOF" || name == "NEWLINE" || name == "SEMI") {
		return fmt.Sprintf("found %s where a node was expected: a link needs a node after it", got)
	}
	var want []string
	seen := map[string]bool{}
	for _, k := range f.expected {
		w := friendly[p.t.names[k]]
		if w == "" || seen[w] {
			continue
		}
		seen[w] = true
		want = append(want, w)
		if len(want) == 5 {
			break
		}
	}
	if len(want) == 0 {
		return fmt.Sprintf("%s is not allowed here", got)
	}
	return fmt.Sprintf("found %s where %s was expected", got, strings.Join(want, " or "))
}

// friendly names the tokens worth suggesting; the others are left out.
var friendly = map[string]string{
	"NODE_STRING": "a node id", "SQE": `"]"`, "PE": `")"`, "DIAMOND_STOP": `"}"`, "PIPE": `"|"`,
	"NEWLINE": "a new line", "SEMI": `";"`, "LINK": "a link such as -->", "AMP": `"&"`,
	"end": `"end"`, "STR": "a quoted string", "DIR": "a direction (TB, TD, BT, RL, LR)",
	"SPACE": "a space", "EDGE_TEXT": "link text", "DOUBLECIRCLEEND": `")))"`, "STADIUMEND": `"])"`,
	"SUBROUTINEEND": `"]]"`, "CYLINDEREND": `")]"`, "TRAPEND": `"\\]" or "/]"`, "INVTRAPEND": `"/]"`,
	"ELLIPSE_END": `"-)"`, "NUM": "a number", "DEFAULT": `"default"`, "CALLBACKNAME": "a callback name",
}

func (l *flowLexer) where(p int) string {
	line, col := position(l.src, l.t.at(p))
	return fmt.Sprintf("diagram line %d column %d", line, col)
}

// lexError explains text no lexer rule accepts.
func (l *flowLexer) lexError(t *text, src string) (*Error, int) {
	p := l.pos
	r, _ := utf8.DecodeRuneInString(l.s[p:])
	ch := fmt.Sprintf("%q (U+%04X)", string(r), r)
	ls := strings.LastIndexByte(l.s[:p], '\n') + 1
	line := strings.TrimSpace(l.s[ls:p])
	var msg string
	switch {
	case l.top() == fsDir:
		msg = fmt.Sprintf("after %q expected a direction (TB, TD, BT, RL or LR) or a new line, found %s", strings.TrimSpace(line), ch)
	case strings.HasPrefix(line, "subgraph"):
		title := strings.TrimSpace(strings.TrimPrefix(line, "subgraph"))
		rest := l.s[p:]
		if e := strings.IndexByte(rest, '\n'); e >= 0 {
			rest = rest[:e]
		}
		msg = fmt.Sprintf("character %s is not allowed in an unquoted subgraph title; quote the title: subgraph id[\"%s%s\"]", ch, title, strings.TrimSpace(rest))
	case r == '"' || r == '`':
		msg = fmt.Sprintf("unexpected %s", ch)
	default:
		msg = fmt.Sprintf("character %s is not allowed in a node id or outside a label; put it in a quoted label, e.g. id[\"...\"]", ch)
	}
	return errorAt(t, src, p, msg), strings.Count(l.s[:p], "\n") + 1
}

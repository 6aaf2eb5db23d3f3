package tex

import (
	"strconv"
	"strings"
)

// maxExpand is KaTeX's default limit on macro expansions per formula; it is
// what turns a macro bomb such as \def\a{\a\a}\a into an error.
const maxExpand = 1000

// maxTokens bounds the tokens macros may produce, which maxExpand alone
// does not: a macro that doubles its argument grows exponentially.
const maxTokens = 1 << 18

// macro is a macro definition: tokens in reverse order (the stack's order),
// or a builtin written in Go (fn).
type macro struct {
	tokens       []token
	numArgs      int
	delimiters   [][]string
	unexpandable bool
	fn           func(e *expander, at token) *macro
	str          string // a builtin body, lexed on use
	isStr        bool
}

// namespace scopes macro definitions to groups, as KaTeX's Namespace does.
type namespace struct {
	current map[string]*macro
	undo    []map[string]*macro // nil value: was undefined
}

func (n *namespace) beginGroup() { n.undo = append(n.undo, nil) }

func (n *namespace) endGroup() {
	top := n.undo[len(n.undo)-1]
	n.undo = n.undo[:len(n.undo)-1]
	for k, v := range top {
		if v == nil {
			delete(n.current, k)
		} else {
			n.current[k] = v
		}
	}
}

func (n *namespace) has(name string) bool {
	if _, ok := n.current[name]; ok {
		return true
	}
	return builtinMacro(name) != nil
}

func (n *namespace) get(name string) *macro {
	if m, ok := n.current[name]; ok {
		return m
	}
	return builtinMacro(name)
}

func (n *namespace) set(name string, m *macro, global bool) {
	if global {
		for i := range n.undo {
			delete(n.undo[i], name)
		}
		if len(n.undo) > 0 {
			n.topUndo()[name] = m
		}
	} else if len(n.undo) > 0 {
		top := n.topUndo()
		if _, ok := top[name]; !ok {
			top[name] = n.current[name]
		}
	}
	if m == nil {
		delete(n.current, name)
	} else {
		n.current[name] = m
	}
}

func (n *namespace) topUndo() map[string]*macro {
	i := len(n.undo) - 1
	if n.undo[i] == nil {
		n.undo[i] = map[string]*macro{}
	}
	return n.undo[i]
}

// builtins holds every builtin macro; it is filled by the init in
// macro_builtin.go and read-only after.
var builtins = map[string]*macro{}

// asciiMacro marks the one-byte names among builtins (~ and the like).
var asciiMacro [256]bool

func builtinMacro(name string) *macro { return builtins[name] }

// expander is KaTeX's MacroExpander ("gullet"): it expands macros on a
// stack of tokens fed by the lexer.
type expander struct {
	lexer    *lexer
	macros   namespace
	stack    []token // in reverse order: the next token is last
	mode     mode
	count    int
	produced int     // tokens pushed by expansions, for budget
	argBuf   []token // scanArgument's, reused
}

func (e *expander) future() token {
	if len(e.stack) == 0 {
		e.stack = append(e.stack, e.lexer.lex())
	}
	return e.stack[len(e.stack)-1]
}

func (e *expander) futurePtr() *token {
	e.future()
	return &e.stack[len(e.stack)-1]
}

func (e *expander) popToken() token {
	if len(e.stack) == 0 {
		return e.lexer.lex()
	}
	t := e.stack[len(e.stack)-1]
	e.stack = e.stack[:len(e.stack)-1]
	return t
}

func (e *expander) pushToken(t token)     { e.stack = append(e.stack, t) }
func (e *expander) pushTokens(t []token)  { e.stack = append(e.stack, t...) }
func (e *expander) beginGroup()           { e.macros.beginGroup() }
func (e *expander) endGroup()             { e.macros.endGroup() }
func fail(pos int, msg string) parseError { return parseError{pos, msg} }

func (e *expander) consumeSpaces() {
	for e.future().text == " " {
		e.stack = e.stack[:len(e.stack)-1]
	}
}

// scanArgument reads an argument (optional: in brackets) and pushes it back
// followed by an EOF token, so that the parser reads it as a unit. It
// returns the argument's start token, or ok=false for a missing optional.
func (e *expander) scanArgument(optional bool) (start token, ok bool) {
	var toks []token
	var end token
	// The argument goes straight back onto the stack, so it is read into
	// a buffer kept for the purpose.
	buf := e.argBuf[:0]
	if optional {
		e.consumeSpaces()
		if e.future().text != "[" {
			return token{}, false
		}
		start = e.popToken()
		toks, _, end = e.consumeArg(closingBracket, buf)
	} else {
		toks, start, end = e.consumeArg(nil, buf)
	}
	e.pushToken(token{text: eof, pos: end.pos, end: end.end})
	e.pushTokens(toks)
	e.argBuf = toks[:0]
	return start, true
}

var closingBracket = []string{"]"}

// consumeArg reads one macro argument: a token, a braced group, or (with
// delims) everything up to the delimiter tokens, appended to toks.
// Tokens come back reversed.
func (e *expander) consumeArg(delims []string, toks []token) (_ []token, start, end token) {
	delimited := len(delims) > 0
	if !delimited {
		e.consumeSpaces()
	}
	start = e.future()
	depth, match := 0, 0
	var tok token
	for {
		tok = e.popToken()
		toks = append(toks, tok)
		switch tok.text {
		case "{":
			depth++
		case "}":
			depth--
			if depth == -1 {
				panic(fail(tok.pos, "Extra }"))
			}
		case eof:
			want := "}"
			if delimited {
				want = delims[match]
			}
			panic(fail(tok.pos, "Unexpected end of input in a macro argument, expected '"+want+"'"))
		}
		if delimited {
			if (depth == 0 || depth == 1 && delims[match] == "{") && tok.text == delims[match] {
				match++
				if match == len(delims) {
					toks = toks[:len(toks)-match]
					break
				}
			} else {
				match = 0
			}
		}
		if depth == 0 && !delimited {
			break
		}
	}
	if start.text == "{" && len(toks) > 0 && toks[len(toks)-1].text == "}" {
		// In place, so that the caller's buffer keeps its start.
		toks = toks[:copy(toks, toks[1:len(toks)-1])]
	}
	reverse(toks)
	return toks, start, tok
}

func reverse(t []token) {
	for i, j := 0, len(t)-1; i < j; i, j = i+1, j-1 {
		t[i], t[j] = t[j], t[i]
	}
}

func (e *expander) consumeArgs(n int, delimiters [][]string, at token) [][]token {
	if delimiters != nil {
		for _, d := range delimiters[0] {
			tok := e.popToken()
			if d != tok.text {
				panic(fail(tok.pos, "Use of the macro doesn't match its definition"))
			}
		}
	}
	args := make([][]token, n)
	for i := range args {
		var d []string
		if delimiters != nil {
			d = delimiters[i+1]
		}
		args[i], _, _ = e.consumeArg(d, nil)
	}
	return args
}

func (e *expander) countExpansion(n int, at token) {
	e.count += n
	if e.count > maxExpand {
		panic(fail(at.pos, "Too many expansions: infinite loop or need to increase maxExpand setting"))
	}
}

// expandOnce expands the next token if it is a macro; it reports whether
// it did (KaTeX returns false or the number of tokens pushed).
func (e *expander) expandOnce(expandableOnly bool) bool {
	top := e.popToken()
	if !e.expand(top, expandableOnly) {
		e.pushToken(top)
		return false
	}
	return true
}

// expand pushes the expansion of top, which has been popped, or reports
// that it is no macro (and pushes nothing).
func (e *expander) expand(top token, expandableOnly bool) bool {
	name := top.text
	var exp *macro
	if !top.noexpand {
		exp = e.getExpansion(name, top)
	}
	if exp == nil || expandableOnly && exp.unexpandable {
		if expandableOnly && exp == nil && name[0] == '\\' && !e.isDefined(name) {
			panic(fail(top.pos, "Undefined control sequence: "+name))
		}
		return false
	}
	e.countExpansion(1, top)
	toks := exp.tokens
	args := e.consumeArgs(exp.numArgs, exp.delimiters, top)
	if exp.numArgs > 0 {
		e.budget(substitutedLen(toks, args), top)
		toks = substitute(toks, args)
	} else {
		e.budget(len(toks), top)
	}
	start := len(e.stack)
	e.pushTokens(toks)
	// Tokens of a definition point at the macro's use, where KaTeX would
	// point into the definition.
	for i := start; i < len(e.stack); i++ {
		if e.stack[i].pos < 0 {
			e.stack[i].pos, e.stack[i].end = top.pos, top.end
		}
	}
	return true
}

// budget counts the tokens that expansions produce. KaTeX has no such
// limit and runs out of time or memory (\def\a#1{\a{#1#1}}); we stop
// with its error for too many expansions.
func (e *expander) budget(n int, at token) {
	e.produced += n
	if e.produced > maxTokens || len(e.stack)+n > maxTokens {
		panic(fail(at.pos, "Too many expansions: infinite loop or need to increase maxExpand setting"))
	}
}

func substitutedLen(toks []token, args [][]token) int {
	n := 0
	for i := len(toks) - 1; i >= 0; i-- {
		if toks[i].text == "#" && i > 0 {
			if a := toks[i-1].text; len(a) == 1 && a[0] >= '1' && a[0] <= '9' && int(a[0]-'1') < len(args) {
				n += len(args[a[0]-'1'])
				i--
				continue
			}
		}
		n++
	}
	return n
}

// substitute replaces #n in a reversed token list by the arguments.
func substitute(toks []token, args [][]token) []token {
	out := make([]token, 0, len(toks)+8)
	for i := len(toks) - 1; i >= 0; i-- {
		t := toks[i]
		if t.text != "#" {
			out = append(out, t)
			continue
		}
		if i == 0 {
			panic(fail(t.pos, "Incomplete placeholder at end of macro body"))
		}
		i--
		n := toks[i]
		if n.text == "#" {
			out = append(out, n)
		} else if len(n.text) == 1 && n.text[0] >= '1' && n.text[0] <= '9' && int(n.text[0]-'1') < len(args) {
			// (#2 in the body of a macro of one argument is an error too:
			// KaTeX fails on it, though not with a ParseError.)
			a := args[n.text[0]-'1']
			for j := len(a) - 1; j >= 0; j-- {
				out = append(out, a[j])
			}
		} else {
			panic(fail(n.pos, "Not a valid argument number"))
		}
	}
	reverse(out)
	return out
}

// expandNextToken expands macros until the next token is not one.
func (e *expander) expandNextToken() token {
	var t token
	e.expandInto(&t)
	return t
}

// expandInto is expandNextToken writing the token where the parser keeps
// it: most tokens are one character, lexed and handed on without a copy.
func (e *expander) expandInto(t *token) {
	for {
		if n := len(e.stack); n > 0 {
			*t = e.stack[n-1]
			e.stack = e.stack[:n-1]
		} else {
			e.lexer.lexInto(t)
		}
		if len(t.text) == 1 && len(e.macros.current) == 0 && !asciiMacro[t.text[0]] && !t.treatAsRelax {
			return // no macro: getExpansion's fast path, without the call
		}
		if !e.expand(*t, false) {
			if t.treatAsRelax {
				t.text = "\\relax"
			}
			return
		}
	}
}

// expandTokens fully expands a token list (for \edef and friends).
func (e *expander) expandTokens(toks []token, at token) []token {
	var out []token
	old := len(e.stack)
	e.pushTokens(toks)
	for len(e.stack) > old {
		if !e.expandOnce(true) {
			t := e.popToken()
			if t.treatAsRelax {
				t.noexpand, t.treatAsRelax = false, false
			}
			out = append(out, t)
		}
	}
	e.countExpansion(len(out), at)
	e.budget(len(out), at)
	return out
}

func (e *expander) expandMacroAsText(name string) (string, bool) {
	if !e.macros.has(name) {
		return "", false
	}
	toks := e.expandTokens([]token{{text: name, pos: -1}}, token{})
	var b strings.Builder
	for _, t := range toks {
		b.WriteString(t.text)
	}
	return b.String(), true
}

func lexAll(s string, pos int) []token {
	l := newLexer(s)
	l.fixed, l.fixedPos = true, pos
	var out []token
	for {
		t := l.lex()
		if t.text == eof {
			break
		}
		out = append(out, t)
	}
	reverse(out)
	return out
}

// lexedBodies holds the bodies of the builtin macros, lexed once at init
// (see macro_builtin.go) and read-only after; any other body (a colour, a
// \char code) is lexed where it is used.
var lexedBodies = map[string]*macro{}

func (e *expander) getExpansion(name string, at token) *macro {
	// Fast path: most tokens are characters that are no macro.
	if len(name) == 1 && len(e.macros.current) == 0 && !asciiMacro[name[0]] {
		return nil
	}
	def := e.macros.get(name)
	if def == nil {
		return nil
	}
	if len(name) == 1 {
		if c := e.lexer.catcode(name[0]); c != 0 && c != 13 {
			return nil
		}
	}
	if def.fn != nil {
		return def.fn(e, at)
	}
	if def.isStr {
		return stringMacro(def.str)
	}
	return def
}

// stringMacro lexes a macro body given as text; #n placeholders give the
// number of arguments.
func stringMacro(s string) *macro {
	if m, ok := lexedBodies[s]; ok {
		return m
	}
	return lexMacro(s)
}

func lexMacro(s string) *macro {
	n := 0
	if strings.Contains(s, "#") {
		stripped := strings.ReplaceAll(s, "##", "")
		for strings.Contains(stripped, "#"+strconv.Itoa(n+1)) {
			n++
		}
	}
	return &macro{tokens: lexAll(s, -1), numArgs: n}
}

func (e *expander) isDefined(name string) bool {
	if e.macros.has(name) {
		return true
	}
	if _, ok := functionSpecs[name]; ok {
		return true
	}
	if _, ok := mathSymbols[name]; ok {
		return true
	}
	if _, ok := textSymbols[name]; ok {
		return true
	}
	switch name {
	case "^", "_", "\\limits", "\\nolimits":
		return true
	}
	return false
}

func (e *expander) isExpandable(name string) bool {
	if m := e.macros.get(name); m != nil {
		return m.fn != nil || m.str != "" || !m.unexpandable
	}
	f, ok := functionSpecs[name]
	return ok && f.flags&fPrimitive == 0
}

package tex

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxDepth bounds the nesting of groups. KaTeX itself has no limit and
// overflows the JavaScript stack somewhere past a thousand levels; we stop
// earlier with an error rather than recurse without bound.
const maxDepth = 500

type parser struct {
	mode           mode
	gullet         *expander
	display        bool
	leftrightDepth int
	next           *token
	nextTok        token
	depth          int
	arena          *arena
}

func (p *parser) fetch() token {
	if p.next == nil {
		p.gullet.expandInto(&p.nextTok)
		p.next = &p.nextTok
	}
	return *p.next
}

func (p *parser) consume() { p.next = nil }

func (p *parser) expect(text string, consume bool) {
	if t := p.fetch(); t.text != text {
		panic(fail(t.pos, "Expected '"+text+"', got '"+t.text+"'"))
	}
	if consume {
		p.consume()
	}
}

func (p *parser) switchMode(m mode) {
	p.mode = m
	p.gullet.mode = m
}

// parseTop parses the whole formula, with \tag handled as KaTeX's
// parseTree does.
func (p *parser) parseTop() []*node {
	p.gullet.beginGroup()
	body := p.parseExpression(false, "")
	p.expect(eof, true)
	p.gullet.endGroup()
	if tag := p.gullet.macros.get("\\df@tag"); tag != nil {
		if !p.display {
			panic(fail(0, "\\tag works only in display equations"))
		}
		t := p.subparse([]token{{text: "\\df@tag", pos: 0}})
		return []*node{{typ: "tag", body: body, args: []*node{{typ: "ordgroup", body: t}}}}
	}
	return body
}

func (p *parser) subparse(toks []token) []*node {
	old, oldTok := p.next, p.nextTok
	p.consume()
	p.gullet.pushToken(token{text: "}"})
	p.gullet.pushTokens(toks)
	body := p.parseExpression(false, "")
	p.expect("}", true)
	p.next, p.nextTok = old, oldTok
	if p.next != nil {
		p.next = &p.nextTok
	}
	return body
}

func endOfExpression(s string) bool {
	switch s {
	case "}", "\\endgroup", "\\end", "\\right", "&":
		return true
	}
	return false
}

func (p *parser) parseExpression(breakOnInfix bool, breakOn string) []*node {
	p.depth++
	if p.depth > maxDepth {
		panic(fail(p.fetch().pos, "Too deeply nested: more than "+strconv.Itoa(maxDepth)+" levels"))
	}
	a := p.arena
	mark := len(a.nodeStack)
	for {
		if p.mode == modeMath {
			p.consumeSpaces()
		}
		lex := p.fetch()
		if endOfExpression(lex.text) || breakOn != "" && lex.text == breakOn {
			break
		}
		if breakOnInfix {
			if f, ok := functionSpecs[lex.text]; ok && f.flags&fInfix != 0 {
				break
			}
		}
		atom := p.parseAtom(breakOn)
		if atom == nil {
			break
		}
		if atom.typ == "internal" {
			continue
		}
		a.nodeStack = append(a.nodeStack, atom)
	}
	var body []*node
	if len(a.nodeStack) > mark {
		body = a.nodeList(a.nodeStack[mark:])
		a.nodeStack = a.nodeStack[:mark]
	}
	p.depth--
	if p.mode == modeText {
		body = formLigatures(body)
	}
	return p.handleInfixNodes(body)
}

func (p *parser) handleInfixNodes(body []*node) []*node {
	over := -1
	for i, n := range body {
		if n.typ == "infix" {
			if over != -1 {
				panic(fail(n.pos, "only one infix operator per group"))
			}
			over = i
		}
	}
	if over == -1 {
		return body
	}
	group := func(b []*node) *node {
		if len(b) == 1 && b[0].typ == "ordgroup" {
			return b[0]
		}
		return p.arena.node(node{typ: "ordgroup", mode: p.mode, body: b})
	}
	in := body[over]
	numer := group(append([]*node(nil), body[:over]...))
	denom := group(append([]*node(nil), body[over+1:]...))
	var n *node
	if in.text == "\\\\abovefrac" {
		n = p.callFunction(in.text, []*node{numer, in, denom}, nil, token{pos: in.pos}, "")
	} else {
		n = p.callFunction(in.text, []*node{numer, denom}, nil, token{pos: in.pos}, "")
	}
	return []*node{n}
}

func (p *parser) handleSupSubscript(name string) *node {
	sym := p.fetch()
	p.consume()
	p.consumeSpaces()
	var g *node
	for {
		g = p.parseGroup(name, "")
		if g == nil || g.typ != "internal" {
			break
		}
	}
	if g == nil {
		panic(fail(sym.pos, "Expected group after '"+sym.text+"'"))
	}
	return g
}

func isUnicodeSub(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= 0x2080 && r <= 0x209c || r >= 0x1d62 && r <= 0x1d6a || r == 0x2c7c
}

func (p *parser) parseAtom(breakOn string) *node {
	base := p.parseGroup("atom", breakOn)
	if base != nil && base.typ == "internal" || p.mode == modeText {
		return base
	}
	var sup, sub *node
	supFirst := false
	for {
		p.consumeSpaces()
		lex := p.fetch()
		switch {
		case lex.text == "\\limits" || lex.text == "\\nolimits":
			if base != nil && base.typ == "op" {
				base.flag = lex.text == "\\limits"
				base.flag2 = true
			} else if base != nil && base.typ == "operatorname" {
				if base.flag2 {
					base.flag = lex.text == "\\limits"
				}
			} else {
				panic(fail(lex.pos, "Limit controls must follow a math operator"))
			}
			p.consume()
		case lex.text == "^":
			if sup != nil {
				panic(fail(lex.pos, "Double superscript"))
			}
			supFirst = sub == nil
			sup = p.handleSupSubscript("superscript")
		case lex.text == "_":
			if sub != nil {
				panic(fail(lex.pos, "Double subscript"))
			}
			sub = p.handleSupSubscript("subscript")
		case lex.text == "'":
			if sup != nil {
				panic(fail(lex.pos, "Double superscript"))
			}
			prime := p.arena.node(node{typ: "textord", mode: p.mode, text: "\\prime", pos: lex.pos})
			primes := []*node{prime}
			p.consume()
			for p.fetch().text == "'" {
				primes = append(primes, prime)
				p.consume()
			}
			if p.fetch().text == "^" {
				primes = append(primes, p.handleSupSubscript("superscript"))
			}
			sup = p.arena.node(node{typ: "ordgroup", mode: p.mode, body: primes})
		case mayBeUnicodeScript(lex.text) && unicodeSupSub[lex.text] != "":
			isSub := isUnicodeSub(lex.text)
			toks := []token{{text: unicodeSupSub[lex.text], pos: lex.pos}}
			p.consume()
			for {
				t := p.fetch()
				if unicodeSupSub[t.text] == "" || isUnicodeSub(t.text) != isSub {
					break
				}
				toks = append(toks, token{text: unicodeSupSub[t.text], pos: t.pos})
				p.consume()
			}
			reverse(toks) // KaTeX unshifts each one: stack order
			g := p.arena.node(node{typ: "ordgroup", mode: modeMath, body: p.subparse(toks)})
			if isSub {
				sub = g
			} else {
				sup = g
			}
		default:
			if sup == nil && sub == nil {
				return base
			}
			ss := p.arena.node(node{typ: "supsub", mode: p.mode, base: base, sup: sup, sub: sub, pos: lex.pos, flag: supFirst})
			if base != nil && (base.typ == "op" || base.typ == "operatorname") {
				ss.delimNext = isDelimiterText(lex.text)
			}
			return ss
		}
	}
}

func (p *parser) parseFunction(breakOn, name string) *node {
	tok := p.fetch()
	if len(tok.text) == 1 && !asciiFunction[tok.text[0]] {
		return nil // fast path: a plain character
	}
	f, ok := functionSpecs[tok.text]
	if !ok {
		return nil
	}
	p.consume()
	switch {
	case name != "" && name != "atom" && f.flags&fArgument == 0:
		panic(fail(tok.pos, "Got function '"+tok.text+"' with no arguments as "+name))
	case p.mode == modeText && f.flags&fText == 0:
		panic(fail(tok.pos, "Can't use function '"+tok.text+"' in text mode"))
	case p.mode == modeMath && f.flags&fNotMath != 0:
		panic(fail(tok.pos, "Can't use function '"+tok.text+"' in math mode"))
	}
	args, opt := p.parseArguments(tok.text, &f)
	return p.callFunction(tok.text, args, opt, tok, breakOn)
}

// asciiFunction marks the one-byte names of functions ($).
var asciiFunction [256]bool

func init() {
	for name := range functionSpecs {
		if len(name) == 1 {
			asciiFunction[name[0]] = true
		}
	}
}

func (p *parser) parseArguments(name string, f *funcSpec) (args, opt []*node) {
	total := f.numArgs + f.numOpt
	if f.numArgs > 0 {
		args = p.arena.nodeRefs.take(f.numArgs)[:0]
	}
	if f.numOpt > 0 {
		opt = p.arena.nodeRefs.take(f.numOpt)[:0]
	}
	for i := 0; i < total; i++ {
		argType := f.argType(i)
		optional := i < f.numOpt
		if f.flags&fPrimitive != 0 && argType == "" || f.typ == "sqrt" && i == 1 && opt[0] == nil {
			argType = "primitive"
		}
		arg := p.parseGroupOfType(name, argType, optional)
		if optional {
			opt = append(opt, arg)
		} else {
			args = append(args, arg)
		}
	}
	return args, opt
}

// parseGroupOfType parses an argument of fn; the name goes into an error
// message only when there is one, not into a string per argument.
func (p *parser) parseGroupOfType(fn, typ string, optional bool) *node {
	switch typ {
	case "color":
		return p.parseColorGroup(optional)
	case "size":
		return p.parseSizeGroup(optional)
	case "url":
		return p.parseURLGroup(optional)
	case "math":
		return p.parseArgumentGroup(optional, modeMath, true)
	case "text":
		return p.parseArgumentGroup(optional, modeText, true)
	case "hbox":
		g := p.parseArgumentGroup(optional, modeText, true)
		if g == nil {
			return nil
		}
		return p.arena.node(node{typ: "styling", mode: g.mode, body: []*node{g}, text: "text", flag: true})
	case "raw":
		p.gullet.consumeSpaces()
		old := p.gullet.lexer.catcode('%')
		p.gullet.lexer.setCatcode('%', 12)
		t, ok := p.parseStringGroup(optional)
		p.gullet.lexer.setCatcode('%', old)
		if !ok {
			return nil
		}
		return p.arena.node(node{typ: "raw", mode: modeText, text: t.text, pos: t.pos})
	case "primitive":
		if optional {
			panic(fail(-1, "A primitive argument cannot be optional"))
		}
		name := "argument to '" + fn + "'"
		g := p.parseGroup(name, "")
		if g == nil {
			panic(fail(p.fetch().pos, "Expected group as "+name))
		}
		return g
	}
	return p.parseArgumentGroup(optional, 0, false)
}

func (p *parser) consumeSpaces() {
	for p.peek() == " " {
		p.consume()
	}
}

// peek is fetch().text, without copying the token.
func (p *parser) peek() string {
	if p.next == nil {
		p.gullet.expandInto(&p.nextTok)
		p.next = &p.nextTok
	}
	return p.next.text
}

func (p *parser) parseStringGroup(optional bool) (token, bool) {
	start, ok := p.gullet.scanArgument(optional)
	if !ok {
		return token{}, false
	}
	var b strings.Builder
	for {
		t := p.fetch()
		if t.text == eof {
			break
		}
		b.WriteString(t.text)
		p.consume()
	}
	p.consume()
	start.text = b.String()
	return start, true
}

func (p *parser) parseColorGroup(optional bool) *node {
	t, ok := p.parseStringGroup(optional)
	if !ok {
		return nil
	}
	c, ok := validColor(t.text)
	if !ok {
		panic(fail(t.pos, "Invalid color: '"+t.text+"'"))
	}
	return p.arena.node(node{typ: "color-token", mode: p.mode, text: c})
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

// validColor matches /^(#[a-f0-9]{3,4}|#[a-f0-9]{6}|#[a-f0-9]{8}|[a-f0-9]{6}|[a-z]+)$/i.
func validColor(s string) (string, bool) {
	allHex := func(s string) bool {
		for i := 0; i < len(s); i++ {
			if !isHex(s[i]) {
				return false
			}
		}
		return true
	}
	if len(s) > 1 && s[0] == '#' {
		n := len(s) - 1
		return s, (n == 3 || n == 4 || n == 6 || n == 8) && allHex(s[1:])
	}
	if len(s) == 6 && allHex(s) {
		return "#" + s, true
	}
	if s == "" {
		return s, false
	}
	for i := 0; i < len(s); i++ {
		if !isLetter(s[i]) {
			return s, false
		}
	}
	return s, true
}

func (p *parser) parseSizeGroup(optional bool) *node {
	p.gullet.consumeSpaces()
	var t token
	var ok bool
	if !optional && p.gullet.future().text != "{" {
		t, ok = p.parseRegexSize(), true
	} else {
		t, ok = p.parseStringGroup(optional)
	}
	if !ok {
		return nil
	}
	blank := false
	if !optional && t.text == "" {
		t.text, blank = "0pt", true
	}
	d, ok := parseDimen(t.text)
	if !ok {
		panic(fail(t.pos, "Invalid size: '"+t.text+"'"))
	}
	if !validUnit(d.unit) {
		panic(fail(t.pos, "Invalid unit: '"+d.unit+"'"))
	}
	return p.arena.node(node{typ: "size", mode: p.mode, size: d, flag2: blank})
}

// parseRegexSize collects tokens while they match
// /^[-+]? *(?:$|\d+|\d+\.\d*|\.\d*) *[a-z]{0,2} *$/.
func (p *parser) parseRegexSize() token {
	first := p.fetch()
	s := ""
	for {
		t := p.fetch()
		if t.text == eof || !sizePrefix(s+t.text) {
			break
		}
		s += t.text
		p.consume()
	}
	if s == "" {
		panic(fail(first.pos, "Invalid size: '"+first.text+"'"))
	}
	first.text = s
	return first
}

func sizePrefix(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	switch {
	case i == len(s):
		return true
	case s[i] >= '0' && s[i] <= '9':
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i < len(s) && s[i] == '.' {
			i++
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				i++
			}
		}
	case s[i] == '.':
		i++
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
	default:
		return false
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	n := 0
	for i < len(s) && s[i] >= 'a' && s[i] <= 'z' && n < 2 {
		i++
		n++
	}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i == len(s)
}

// parseDimen finds /([-+]?) *(\d+(?:\.\d*)?|\.\d+) *([a-z]{2})/ in s.
func parseDimen(s string) (dimen, bool) {
	for start := 0; start < len(s); start++ {
		i := start
		neg := false
		if s[i] == '-' || s[i] == '+' {
			neg = s[i] == '-'
			i++
		}
		for i < len(s) && s[i] == ' ' {
			i++
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j > i {
			if j < len(s) && s[j] == '.' {
				j++
				for j < len(s) && s[j] >= '0' && s[j] <= '9' {
					j++
				}
			}
		} else if j < len(s) && s[j] == '.' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9' {
			j++
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
		} else {
			continue
		}
		num := s[i:j]
		k := j
		for k < len(s) && s[k] == ' ' {
			k++
		}
		if k+2 <= len(s) && s[k] >= 'a' && s[k] <= 'z' && s[k+1] >= 'a' && s[k+1] <= 'z' {
			v, _ := strconv.ParseFloat(strings.TrimSuffix(num, "."), 64)
			if neg {
				v = -v
			}
			return dimen{v, s[k : k+2]}, true
		}
	}
	return dimen{}, false
}

func validUnit(u string) bool {
	switch u {
	case "pt", "mm", "cm", "in", "bp", "pc", "dd", "cc", "nd", "nc", "sp", "px", "ex", "em", "mu":
		return true
	}
	return false
}

func (p *parser) parseURLGroup(optional bool) *node {
	lx := p.gullet.lexer
	pc, tc := lx.catcode('%'), lx.catcode('~')
	lx.setCatcode('%', 13)
	lx.setCatcode('~', 12)
	t, ok := p.parseStringGroup(optional)
	lx.setCatcode('%', pc)
	lx.setCatcode('~', tc)
	if !ok {
		return nil
	}
	return p.arena.node(node{typ: "url", mode: p.mode, text: t.text})
}

func (p *parser) parseArgumentGroup(optional bool, m mode, switchMode bool) *node {
	start, ok := p.gullet.scanArgument(optional)
	if !ok {
		return nil
	}
	outer := p.mode
	if switchMode {
		p.switchMode(m)
	}
	p.gullet.beginGroup()
	expr := p.parseExpression(false, eof)
	p.expect(eof, true)
	p.gullet.endGroup()
	n := p.arena.node(node{typ: "ordgroup", mode: p.mode, body: expr, pos: start.pos})
	if switchMode {
		p.switchMode(outer)
	}
	return n
}

func (p *parser) parseGroup(name, breakOn string) *node {
	first := p.fetch()
	if first.text == "{" || first.text == "\\begingroup" {
		p.consume()
		end := "}"
		if first.text == "\\begingroup" {
			end = "\\endgroup"
		}
		p.gullet.beginGroup()
		expr := p.parseExpression(false, end)
		p.expect(end, true)
		p.gullet.endGroup()
		return p.arena.node(node{typ: "ordgroup", mode: p.mode, body: expr, pos: first.pos, flag: end != "}"})
	}
	n := p.parseFunction(breakOn, name)
	if n == nil {
		n = p.parseSymbol()
	}
	if n == nil && first.text[0] == '\\' {
		switch first.text {
		case "\\limits", "\\nolimits":
		default:
			panic(fail(first.pos, "Undefined control sequence: "+first.text))
		}
	}
	return n
}

// formLigatures joins -- and --- and ” and “ in text, as TeX does.
func formLigatures(g []*node) []*node {
	isOrd := func(i int, text string) bool {
		return i < len(g) && g[i].typ == "textord" && g[i].text == text
	}
	if !hasLigature(g) {
		return g
	}
	out := g[:0:0]
	for i := 0; i < len(g); i++ {
		a := g[i]
		switch {
		case isOrd(i, "-") && isOrd(i+1, "-") && isOrd(i+2, "-"):
			out = append(out, &node{typ: "textord", mode: modeText, text: "---", pos: a.pos})
			i += 2
		case isOrd(i, "-") && isOrd(i+1, "-"):
			out = append(out, &node{typ: "textord", mode: modeText, text: "--", pos: a.pos})
			i++
		case (isOrd(i, "'") && isOrd(i+1, "'")) || (isOrd(i, "`") && isOrd(i+1, "`")):
			out = append(out, &node{typ: "textord", mode: modeText, text: a.text + a.text, pos: a.pos})
			i++
		default:
			out = append(out, a)
		}
	}
	return out
}

// hasLigature is formLigatures' test without the copy: most text has
// none.
func hasLigature(g []*node) bool {
	for i := 0; i+1 < len(g); i++ {
		a, b := g[i], g[i+1]
		if a.typ == "textord" && b.typ == "textord" && a.text == b.text && (a.text == "-" || a.text == "'" || a.text == "`") {
			return true
		}
	}
	return false
}

func symbolsFor(m mode) map[string]symbol {
	if m == modeText {
		return textSymbols
	}
	return mathSymbols
}

func isAtomGroup(g group) bool {
	switch g {
	case gBin, gClose, gInner, gOpen, gPunct, gRel:
		return true
	}
	return false
}

var groupNames = [...]string{gMathord: "mathord", gTextord: "textord", gOpToken: "op-token",
	gAccentToken: "accent-token", gSpacing: "spacing"}

func (p *parser) parseSymbol() *node {
	nucleus := p.fetch()
	text := nucleus.text
	if strings.HasPrefix(text, "\\verb") && len(text) > 5 && !isLetter(text[5]) {
		p.consume()
		arg := text[5:]
		star := arg[0] == '*'
		if star {
			arg = arg[1:]
		}
		_, s := utf8.DecodeRuneInString(arg)
		if len(arg) < 2*s || arg[:s] != arg[len(arg)-s:] {
			// A control word such as \verb@ (KaTeX's own assertion).
			panic(fail(-1, "\\verb assertion failed --\n                    please report what input caused this bug"))
		}
		return p.arena.node(node{typ: "verb", mode: modeText, text: arg[s : len(arg)-s], flag: star, pos: nucleus.pos})
	}
	r, size := utf8.DecodeRuneInString(text)
	if r >= 0x80 { // precomposed letters are all beyond ASCII
		if u, ok := unicodeSymbols[r]; ok {
			if _, ok := lookupSymbol(p.mode, text[:size]); !ok {
				text = u + text[size:]
			}
		}
	}
	// Combining marks at the end become accents.
	marks := ""
	if text == "" || text[len(text)-1] < 0x80 {
		// No combining mark: they are U+0300–U+036F.
	} else if i := combiningSuffix(text); i < len(text) {
		marks = text[i:]
		text = text[:i]
		if text == "i" {
			text = "\u0131"
		} else if text == "j" {
			text = "\u0237"
		}
	}
	var n *node
	if s, ok := lookupSymbol(p.mode, text); ok {
		if isAtomGroup(s.group) {
			n = p.arena.node(node{typ: "atom", mode: p.mode, family: s.group, text: text, pos: nucleus.pos, end: nucleus.end})
		} else {
			n = p.arena.node(node{typ: groupNames[s.group], mode: p.mode, family: s.group, text: text, pos: nucleus.pos, end: nucleus.end})
		}
	} else if text != "" && text[0] >= 0x80 {
		n = p.arena.node(node{typ: "textord", mode: modeText, text: text, pos: nucleus.pos, end: nucleus.end})
	} else {
		return nil
	}
	p.consume()
	for _, m := range marks {
		acc, ok := unicodeAccents[m]
		if !ok {
			panic(fail(nucleus.pos, "Unknown accent ' "+string(m)+"'"))
		}
		cmd := acc[0]
		if p.mode == modeMath && acc[1] != "" {
			cmd = acc[1]
		}
		if cmd == "" {
			panic(fail(nucleus.pos, "Accent "+string(m)+" unsupported in "+map[mode]string{modeMath: "math", modeText: "text"}[p.mode]+" mode"))
		}
		n = p.arena.node(node{typ: "accent", mode: p.mode, text: cmd, base: n, pos: nucleus.pos})
	}
	return n
}

func combiningSuffix(s string) int {
	i := len(s)
	if i == 0 || s[i-1] < 0x80 {
		return i // the marks are U+0300–U+036F: their last byte is not ASCII
	}
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !isCombining(r) {
			break
		}
		i -= size
	}
	return i
}

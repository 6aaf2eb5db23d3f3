package tex

import (
	"strconv"
	"strings"
)

// callFunction builds the node for a command whose arguments are parsed,
// following the handler of KaTeX's function of the same type.
func (p *parser) callFunction(name string, args, opt []*node, tok token, breakOn string) *node {
	f := functionSpecs[name]
	arg := func(i int) *node { return args[i] }
	switch name {
	case "\\hline", "\\hdashline":
		panic(fail(tok.pos, name+" valid only within array environment"))
	case "\\)", "\\]":
		panic(fail(tok.pos, "Mismatched "+name))
	case "$", "\\(":
		f.typ = "math"
	}
	n := p.arena.node(node{typ: f.typ, mode: p.mode, text: name, pos: tok.pos, args: args})
	switch f.typ {
	case "accent", "accentUnder":
		n.base = arg(0)
		if f.typ == "accent" && !(f.flags&fPrimitive != 0 || isTextAccent(name)) {
			n.base = normalizeArgument(arg(0))
		}
		if isTextAccent(name) {
			n.mode = modeText
		}
	case "xArrow":
		n.base = arg(0)
		if len(opt) > 0 {
			n.sub = opt[0]
		}
	case "font":
		if f.numArgs == 0 { // \rm, \bf, ...: the rest of the group
			n.text = "\\math" + name[1:]
			body := p.parseExpression(true, breakOn)
			n.base = p.arena.node(node{typ: "ordgroup", mode: p.mode, body: body})
		} else {
			n.base = normalizeArgument(arg(0))
		}
	case "mclass":
		p.mclass(n, name, args)
	case "delimsizing":
		n.left = p.checkDelimiter(normalizeArgument(arg(0)), name)
	case "leftright":
		n.left = p.checkDelimiter(arg(0), name)
		p.leftrightDepth++
		n.body = p.parseExpression(false, "")
		p.leftrightDepth--
		p.expect("\\right", false)
		right := p.parseFunction("", "")
		if right == nil || right.typ != "leftright-right" {
			panic(fail(tok.pos, "Expected node of type leftright-right"))
		}
		n.right = right.left
		n.sub = right.sub // color of \right
	case "leftright-right":
		n.left = p.checkDelimiter(arg(0), name)
		if c := p.gullet.macros.get("\\current@color"); c != nil {
			n.sub = p.arena.node(node{typ: "color-token", text: c.str})
		}
	case "middle":
		n.left = p.checkDelimiter(arg(0), name)
		if p.leftrightDepth == 0 {
			panic(fail(arg(0).pos, "\\middle without preceding \\left"))
		}
	case "text", "hbox", "phantom", "htmlmathml", "operatorname", "mathchoice", "pmb":
		n.body = ordargument(arg(0))
	case "op":
		p.op(n, name, args)
		n.delimNext = isDelimiterText(p.gullet.future().text)
	case "genfrac":
		p.genfrac(n, name, args)
	case "infix":
		n.text = map[string]string{"\\over": "\\frac", "\\choose": "\\binom", "\\atop": "\\\\atopfrac",
			"\\brace": "\\\\bracefrac", "\\brack": "\\\\brackfrac", "\\above": "\\\\abovefrac"}[name]
		if name == "\\above" {
			n.size = arg(0).size
		}
	case "sizing", "styling":
		n.body = p.parseExpression(f.typ == "styling", breakOn)
		if f.typ == "styling" {
			n.text = strings.TrimSuffix(name[1:], "style")
		}
	case "color":
		n.text = arg(0).text
		if name == "\\color" {
			p.gullet.macros.set("\\current@color", &macro{str: n.text, isStr: true}, false)
			n.body = p.parseExpression(true, breakOn)
		} else {
			n.body = ordargument(arg(1))
		}
	case "kern":
		n.size = arg(0).size
	case "sqrt":
		n.base = arg(0)
		n.sub = opt[0]
	case "environment":
		return p.environment(n, name, arg(0))
	case "internal":
		return p.internal(n, name, tok)
	case "cr":
		if p.gullet.future().text == "[" {
			if s := p.parseSizeGroup(true); s != nil {
				n.size, n.flag = s.size, true
			}
		}
	case "textord": // \@char
		n.text = charFromCode(arg(0))
	case "verb":
		panic(fail(tok.pos, "\\verb ended by end of line instead of matching delimiter"))
	case "math":
		outer := p.mode
		p.switchMode(modeMath)
		closer := "$"
		if name == "\\(" {
			closer = "\\)"
		}
		n.body = p.parseExpression(false, closer)
		p.expect(closer, true)
		p.switchMode(outer)
		n.typ, n.text, n.flag = "styling", "text", true
	case "relax":
		n.typ = "internal"
	case "smash":
		n.base = arg(0)
		if len(opt) > 0 && opt[0] != nil {
			for _, c := range opt[0].body {
				if !isSymbolNode(c) {
					panic(fail(c.pos, "Expected node of symbol group type, but got node of type "+c.typ))
				}
			}
		}
	case "rule":
		n.size = arg(0).size
		n.base = arg(1)
		if len(opt) > 0 && opt[0] != nil {
			n.sub = opt[0]
		}
	case "raisebox":
		n.size = arg(0).size
		n.base = arg(1)
	case "enclose":
		p.enclose(n, name, args)
	case "tag", "href", "html", "includegraphics", "cdlabel", "cdlabelparent", "vcenter",
		"horizBrace", "overline", "underline", "lap", "vphantom", "hphantom", "reflectbox":
		if len(args) > 0 {
			n.base = args[len(args)-1]
		}
	}
	return n
}

// isDelimiterText is Temml's isDelimiter.
func isDelimiterText(s string) bool {
	switch s {
	case "}", "\\left", "\\middle", "\\right":
		return true
	}
	if _, ok := functionSpecs[s]; ok && functionSpecs[s].typ == "delimsizing" {
		return true
	}
	return delimiters[s] && s != "."
}

func isTextAccent(name string) bool {
	switch name {
	case "\\'", "\\`", "\\^", "\\~", "\\=", "\\u", "\\.", "\\\"", "\\c", "\\r", "\\H", "\\v", "\\textcircled":
		return true
	}
	return false
}

var delimiters = map[string]bool{}

func init() {
	for _, d := range strings.Fields(`( \lparen ) \rparen [ \lbrack ] \rbrack \{ \lbrace \} \rbrace
		\lfloor \rfloor ⌊ ⌋ \lceil \rceil ⌈ ⌉ < > \langle ⟨ \rangle ⟩ \lt \gt \lvert \rvert \lVert \rVert
		\lgroup \rgroup ⟮ ⟯ \lmoustache \rmoustache ⎰ ⎱ / \backslash | \vert \| \Vert
		\uparrow \Uparrow \downarrow \Downarrow \updownarrow \Updownarrow .`) {
		delimiters[d] = true
	}
}

func (p *parser) checkDelimiter(d *node, name string) string {
	if isSymbolNode(d) {
		if delimiters[d.text] {
			return d.text
		}
		panic(fail(d.pos, "Invalid delimiter '"+d.text+"' after '"+name+"'"))
	}
	panic(fail(d.pos, "Invalid delimiter type '"+d.typ+"'"))
}

// binrelClass gives \boldsymbol, \overset and friends the class of their
// argument when it is a binary operator or a relation.
func binrelClass(arg *node) string {
	a := arg
	if a.typ == "ordgroup" && len(a.body) > 0 {
		a = a.body[0]
	}
	if a.typ == "atom" && (a.family == gBin || a.family == gRel) {
		if a.family == gBin {
			return "mbin"
		}
		return "mrel"
	}
	return "mord"
}

func (p *parser) mclass(n *node, name string, args []*node) {
	switch name {
	case "\\boldsymbol", "\\bm":
		n.left = binrelClass(args[0])
		n.body = []*node{{typ: "font", mode: p.mode, text: "\\boldsymbol", base: args[0]}}
	case "\\@binrel":
		n.left = binrelClass(args[0])
		n.body = ordargument(args[1])
	case "\\stackrel", "\\overset", "\\underset":
		base, shifted := args[1], args[0]
		n.left = "mrel"
		if name != "\\stackrel" {
			n.left = binrelClass(base)
		}
		op := p.arena.node(node{typ: "op", mode: base.mode, flag: true, flag2: true, body: ordargument(base)})
		ss := p.arena.node(node{typ: "supsub", mode: shifted.mode, base: op})
		if name == "\\underset" {
			ss.sub = shifted
		} else {
			ss.sup = shifted
		}
		n.body = []*node{ss}
	default: // \mathord, \mathbin, ...
		n.left = "m" + name[5:]
		n.body = ordargument(args[0])
	}
}

var singleCharBigOps = map[string]string{"∏": "\\prod", "∐": "\\coprod", "∑": "\\sum",
	"⋀": "\\bigwedge", "⋁": "\\bigvee", "⋂": "\\bigcap", "⋃": "\\bigcup", "⨀": "\\bigodot",
	"⨁": "\\bigoplus", "⨂": "\\bigotimes", "⨄": "\\biguplus", "⨆": "\\bigsqcup",
	"∫": "\\int", "∬": "\\iint", "∭": "\\iiint", "∮": "\\oint", "∯": "\\oiint", "∰": "\\oiiint"}

// op: n.flag is limits, n.left is "symbol" when the operator is a glyph.
func (p *parser) op(n *node, name string, args []*node) {
	if s, ok := singleCharBigOps[name]; ok {
		n.text = s
	}
	switch n.text {
	case "\\mathop":
		n.body = ordargument(args[0])
		n.text = ""
	case "\\det", "\\gcd", "\\inf", "\\lim", "\\max", "\\min", "\\Pr", "\\sup":
		n.flag = true
	case "\\int", "\\iint", "\\iiint", "\\oint", "\\oiint", "\\oiiint":
		n.left = "symbol"
	case "\\coprod", "\\bigvee", "\\bigwedge", "\\biguplus", "\\bigcap", "\\bigcup", "\\intop",
		"\\prod", "\\sum", "\\bigotimes", "\\bigoplus", "\\bigodot", "\\bigsqcup", "\\smallint":
		n.left, n.flag = "symbol", true
	}
}

func (p *parser) genfrac(n *node, name string, args []*node) {
	switch name {
	case "\\genfrac":
		n.base, n.sub = args[4], args[5]
		l, r := normalizeArgument(args[0]), normalizeArgument(args[1])
		if l.typ == "atom" && l.family == gOpen && l.text != "." {
			n.left = l.text
		}
		if r.typ == "atom" && r.family == gClose && r.text != "." {
			n.right = r.text
		}
		bar := args[2]
		if bar.flag2 {
			n.flag = true
		} else {
			n.flag, n.size = bar.size.num > 0, bar.size
		}
		st := args[3]
		var digit *node
		if st.typ == "ordgroup" {
			if len(st.body) > 0 {
				digit = st.body[0]
				if digit.typ != "textord" {
					panic(fail(digit.pos, "Expected node of type textord, but got node of type "+digit.typ))
				}
			}
		} else {
			digit = st
		}
		if digit != nil {
			if i, err := strconv.Atoi(digit.text); err == nil && i >= 0 && i < 4 {
				n.family = group(i + 1) // style, 1-based
			}
		}
		n.text = "\\genfrac"
		return
	case "\\\\abovefrac":
		n.base, n.sub = args[0], args[2]
		n.size = args[1].size
		n.flag = n.size.num > 0
		return
	}
	n.base, n.sub = args[0], args[1]
	switch name {
	case "\\cfrac", "\\dfrac", "\\frac", "\\tfrac":
		n.flag = true
	case "\\dbinom", "\\binom", "\\tbinom":
		n.left, n.right = "(", ")"
	case "\\\\bracefrac":
		n.left, n.right = "\\{", "\\}"
	case "\\\\brackfrac":
		n.left, n.right = "[", "]"
	}
}

func (p *parser) enclose(n *node, name string, args []*node) {
	switch name {
	case "\\colorbox":
		n.right, n.base = args[0].text, args[1]
	case "\\fcolorbox":
		n.left, n.right, n.base = args[0].text, args[1].text, args[2]
	default:
		n.base = args[0]
	}
}

// charFromCode is \@char: the argument must be a decimal code point.
func charFromCode(arg *node) string {
	var b strings.Builder
	for _, c := range arg.body {
		if !isSymbolNode(c) {
			panic(fail(arg.pos, "\\@char has non-numeric argument"))
		}
		b.WriteString(c.text)
	}
	s := b.String()
	digits := strings.TrimLeft(s, " \t\n")
	sign := ""
	if digits != "" && (digits[0] == '-' || digits[0] == '+') {
		sign, digits = digits[:1], digits[1:]
	}
	end := 0
	for end < len(digits) && digits[end] >= '0' && digits[end] <= '9' {
		end++
	}
	if end == 0 {
		panic(fail(arg.pos, "\\@char has non-numeric argument "+s))
	}
	code, err := strconv.Atoi(sign + digits[:end])
	if err != nil || code < 0 || code > 0x10ffff {
		panic(fail(arg.pos, "\\@char with invalid code point "+s))
	}
	if code >= 0xd800 && code <= 0xdfff {
		return "\ufffd"
	}
	return string(rune(code))
}

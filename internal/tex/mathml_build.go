package tex

import (
	"strings"
)

// atomType is Temml's prevAtomType for a node: the family of an atom
// (after Temml's own classification), else the node's type.
func (w *writer) atomType(n *node) string {
	if n.typ == "atom" || n.mode == modeMath && (n.typ == "mathord" || n.typ == "textord") {
		switch w.family(n) {
		case gBin:
			return "bin"
		case gRel:
			return "rel"
		case gOpen:
			return "open"
		case gClose:
			return "close"
		case gPunct:
			return "punct"
		case gInner:
			return "inner"
		case gMathord:
			return "mathord"
		case gTextord:
			return "textord"
		}
	}
	return n.typ
}

// family is a symbol's class in Temml's table, else in KaTeX's.
func (w *writer) family(n *node) group {
	if n.mode == modeMath && n.text != "" && (n.text[0] >= 0x80 || n.text[0] == '\\' || temmlASCII[n.text[0]]) {
		if t, ok := temmlMathSymbols[n.text]; ok {
			return t.group
		}
	}
	if n.typ == "mathord" {
		return gMathord
	}
	if n.typ == "textord" {
		return gTextord
	}
	return n.family
}

// temmlASCII marks the one-byte names Temml classifies apart from KaTeX.
var temmlASCII [256]bool

func init() {
	for name, t := range temmlMathSymbols {
		if len(name) == 1 {
			if k, ok := mathSymbols[name]; !ok || k.group != t.group {
				temmlASCII[name[0]] = true
			}
		}
	}
}

func inTemml(s string) bool {
	_, ok := temmlMathSymbols[s]
	return ok
}

func isOrdType(t string) bool {
	switch t {
	case "textord", "mathord", "ordgroup", "close", "leftright", "font":
		return true
	}
	return false
}

// item builds one node of a list, with the spacing decisions Temml makes
// from the node before it.
func (w *writer) item(n *node, st style, prev string) *el {
	switch {
	case (n.typ == "atom" || n.typ == "mathord" || n.typ == "textord") && n.mode == modeMath && n.text[0] >= 0x80 && !inTemml(n.text):
		// Temml takes a Unicode character it does not know for text.
		return w.tok("mtext", n.text)
	case n.typ == "atom" || n.mode == modeMath && (n.typ == "mathord" || n.typ == "textord"):
		fam := w.family(n)
		if fam == gBin && (prev == "" || prev == "bin" || prev == "op" || prev == "open" || prev == "punct" || prev == "rel") {
			fam = gOpen
		}
		e := w.atomAs(n, st, fam)
		if (fam == gRel || fam == gBin) && prev == "text" && textFollows(w.src, n.end) &&
			!(n.text == "\\mid" || fam == gRel && isArrowName(n.text) || n.text == ":" || strings.Contains(n.text, "short") || n.text == "\\smallsetminus") {
			pad := "0.2778em"
			if fam == gBin {
				pad = "0.222em"
			}
			return w.mk("mrow", w.mk("mspace").set("width", pad), e, w.mk("mspace").set("width", pad))
		}
		return e
	case n.typ == "op" && n.left != "symbol" && n.text != "":
		e := w.op(n, st, false)
		if prev != "" && isOrdType(prev) {
			e.kids = append([]*el{w.mk("mspace").set("width", "0.1667em")}, e.kids...)
		}
		if n.delimNext {
			e.kids = e.kids[:len(e.kids)-1]
		}
		return e
	case n.typ == "supsub" && n.base != nil && n.base.typ == "op" && n.base.left != "symbol" && n.base.text != "":
		e := w.supsub(n, st, prev)
		if prev != "" && isOrdType(prev) {
			e.kids = append([]*el{w.mk("mspace").set("width", "0.1667em")}, e.kids...)
		}
		if n.delimNext && e.tag == "" {
			e.kids = e.kids[:len(e.kids)-1]
		}
		return e
	}
	if n.typ == "supsub" {
		return w.supsub(n, st, prev)
	}
	return w.group(n, st)
}

// textFollows is Temml's test /^ *\\text/ on the source after a symbol.
func textFollows(src string, end int) bool {
	if end <= 0 || end > len(src) {
		return false
	}
	s := strings.TrimLeft(src[end:], " ")
	return strings.HasPrefix(s, "\\text")
}

// group builds one node, as Temml's mathmlBuilder for its type.
func (w *writer) group(n *node, st style) *el {
	if n == nil {
		return w.mk("mrow")
	}
	switch n.typ {
	case "ordgroup":
		return w.row(n.body, st, n.flag)
	case "mathord", "textord":
		if n.mode == modeMath {
			return w.atom(n, st)
		}
		return w.textord(n, st)
	case "atom", "op-token", "accent-token":
		return w.atom(n, st)
	case "spacing":
		if n.text == "\\nobreak" || n.text == "\\allowbreak" {
			return w.mk("mo")
		}
		return w.tok("mtext", "\u00a0")
	case "supsub":
		return w.supsub(n, st, "")
	case "genfrac":
		return w.genfrac(n, st)
	case "sqrt":
		return w.sqrt(n, st)
	case "delimiter":
		inner := w.expression(n.body, st, false)
		l := w.fenceMo(n.left, n.mode, "prefix", false)
		r := w.fenceMo(n.right, n.mode, "postfix", false)
		return w.makeRow(w.fenced(l, inner, r), false)
	case "leftright":
		inner := w.expression(n.body, st, false)
		l := w.fenceMo(n.left, n.mode, "prefix", true)
		r := w.fenceMo(n.right, n.mode, "postfix", true)
		return w.makeRow(w.fenced(l, inner, r), false)
	case "middle":
		return w.tok("mo", w.text(n.left, n.mode)).set("stretchy", "true").set("form", "prefix").set("lspace", "0.05em").set("rspace", "0.05em")
	case "delimsizing":
		return w.delimsizing(n)
	case "text":
		return w.consolidateText(w.row(n.body, textStyle(n.text, st), false))
	case "font":
		return w.font(n, st)
	case "mclass":
		return w.mclass(n, st)
	case "op":
		return w.op(n, st, false)
	case "operatorname":
		return w.operatorname(n, st, false)
	case "accent":
		return w.accent(n, st)
	case "accentUnder":
		return w.mk("munder", w.group(n.base, st), w.tok("mo", accentChar(n.text)).set("stretchy", "true"))
	case "horizBrace":
		return w.horizBrace(n, st)
	case "xArrow":
		return w.xArrow(n, st)
	case "color":
		expr := w.expression(n.body, st, false)
		if len(expr) == 0 {
			expr = []*el{w.mk("mrow")}
		}
		for _, e := range expr {
			e.set("mathcolor", n.text)
		}
		return w.fragment(expr...)
	case "kern":
		return w.kern(n.size, n.mode)
	case "styling":
		return w.styling(n, st)
	case "sizing":
		return w.mk("mstyle", w.expression(n.body, st, false)...)
	case "enclose":
		return w.enclose(n, st)
	case "array":
		return w.array(n, st)
	case "cr":
		return w.mk("mspace").set("linebreak", "newline")
	case "htmlmathml":
		return w.row(ordargument(n.args[1]), st, false)
	case "phantom":
		return w.mk("mphantom", w.expression(n.body, st, false)...)
	case "vphantom":
		return w.mk("mpadded", w.mk("mphantom", w.expression(ordargument(n.base), st, false)...)).set("width", "0.1px")
	case "smash":
		return w.mk("mpadded", w.group(n.base, st)).set("height", "0px").set("depth", "0px")
	case "lap":
		return w.mk("mpadded", w.group(n.base, st)).set("width", "0px")
	case "mathchoice":
		return w.row(ordargument(n.args[min(st.level, 3)]), st, false)
	case "hbox", "pmb":
		return w.row(n.body, st, false)
	case "verb":
		text := n.text
		if n.flag {
			text = strings.ReplaceAll(text, " ", "\u2423")
		} else {
			text = strings.ReplaceAll(text, " ", "\u00a0")
		}
		return w.tok("mtext", text).set("mathvariant", "monospace")
	case "rule":
		return w.mk("mspace").set("width", dimString(n.size)).set("height", dimString(n.base.size)).set("style", "background-color:currentColor;")
	case "overline":
		return w.mk("mover", w.group(n.base, st), w.tok("mo", "\u203e").set("stretchy", "true").set("accent", "true"))
	case "underline":
		return w.mk("munder", w.group(n.base, st), w.tok("mo", "\u203e").set("stretchy", "true").set("accentunder", "true"))
	case "raw", "internal", "size", "url", "color-token":
		return w.fragment()
	}
	panic(unsupported{"\\" + strings.TrimPrefix(n.text, "\\") + " (" + n.typ + ")"})
}

func dimString(d dimen) string { return fmtNum(d.num) + d.unit }

// text gives a symbol's character, by Temml's table then KaTeX's.
func (w *writer) text(s string, m mode) string {
	if len(s) == 1 && s[0] < 0x80 {
		if r := asciiChar[m][s[0]]; r != "" {
			return r
		}
		return s
	}
	if r, ok := symbolChar[m][s]; ok {
		return r
	}
	return s
}

func (w *writer) fenceMo(d string, m mode, form string, stretchy bool) *el {
	if d == "." {
		d = ""
	}
	e := w.tok("mo", w.text(d, m)).set("fence", "true").set("form", form).set("stretchy", "false")
	if stretchy {
		e.set("stretchy", "true")
	}
	return e
}

// fenced is l, inner..., r, in the arena.
func (w *writer) fenced(l *el, inner []*el, r *el) []*el {
	out := w.arena.elRefs.take(len(inner) + 2)
	out[0] = l
	copy(out[1:], inner)
	out[len(out)-1] = r
	return out
}

// leftToRight are the delimiter pairs Temml groups into an <mrow>.
var leftToRight = map[string]string{
	"(": ")", "\\lparen": "\\rparen", "[": "]", "\\lbrack": "\\rbrack", "\\{": "\\}",
	"\\lbrace": "\\rbrace", "⦇": "⦈", "\\llparenthesis": "\\rrparenthesis", "\\lfloor": "\\rfloor",
	"⌊": "⌋", "\\lceil": "\\rceil", "⌈": "⌉", "\\langle": "\\rangle", "⟨": "⟩", "\\lAngle": "\\rAngle",
	"⟪": "⟫", "\\llangle": "\\rrangle", "⦉": "⦊", "\\lvert": "\\rvert", "\\lVert": "\\rVert",
	"\\lgroup": "\\rgroup", "⟮": "⟯", "\\lmoustache": "\\rmoustache", "⎰": "⎱",
	"\\llbracket": "\\rrbracket", "⟦": "⟧", "\\lBrace": "\\rBrace", "⦃": "⦄",
}

type restart struct{}

// delimText is the delimiter a node stands for: a symbol, or a character
// KaTeX wraps in \mathopen/\mathclose (\llbracket and friends).
func delimText(n *node) string {
	if n.mode != modeMath {
		return ""
	}
	switch n.typ {
	case "atom", "textord", "mathord":
		return n.text
	case "mclass":
		if (n.left == "mopen" || n.left == "mclose") && len(n.body) == 1 && n.body[0].typ == "textord" {
			return n.body[0].text
		}
	case "htmlmathml":
		if b := ordargument(n.args[1]); len(b) == 1 {
			return delimText(b[0])
		}
	}
	return ""
}

func isOpenDelim(n *node) bool {
	d := delimText(n)
	return mayOpen(d) && leftToRight[d] != ""
}

func closes(n *node, right string) bool {
	if n.typ == "supsub" && n.base != nil {
		n = n.base
	}
	if n.typ == "supsub" {
		return false
	}
	d := delimText(n)
	return d == right || d != "" && d == w0.text(right, modeMath)
}

var w0 writer

// wrapPairs groups a matched pair of delimiters and what is between into
// one node, as Temml's parser does; an unmatched one makes Temml give up
// grouping for the whole formula, so we restart without it.
func (w *writer) wrapPairs(nodes []*node) []*node {
	if w.noWrap {
		return nodes
	}
	has := false
	for _, n := range nodes {
		if isOpenDelim(n) {
			has = true
			break
		}
	}
	if !has {
		return nodes
	}
	var find func(i int) int
	find = func(i int) int {
		right := leftToRight[delimText(nodes[i])]
		for k := i + 1; k < len(nodes); k++ {
			if closes(nodes[k], right) {
				return k
			}
			if isOpenDelim(nodes[k]) {
				k = find(k)
			}
		}
		panic(restart{})
	}
	// The parser is done with the arena's node stack.
	a := w.arena
	mark := len(a.nodeStack)
	for i := 0; i < len(nodes); i++ {
		n := nodes[i]
		if !isOpenDelim(n) {
			a.nodeStack = append(a.nodeStack, n)
			continue
		}
		j := find(i)
		end := nodes[j]
		right := end
		if end.typ == "supsub" {
			right = end.base
		}
		pair := w.arena.node(node{typ: "delimiter", mode: modeMath, left: delimText(n), right: delimText(right), body: nodes[i+1 : j], pos: n.pos})
		if end.typ == "supsub" {
			pair = w.arena.node(node{typ: "supsub", mode: modeMath, base: pair, sup: end.sup, sub: end.sub})
		}
		a.nodeStack = append(a.nodeStack, pair)
		i = j
	}
	out := a.nodeList(a.nodeStack[mark:])
	a.nodeStack = a.nodeStack[:mark]
	return out
}

func (w *writer) mathord(n *node, st style) *el {
	text := w.text(n.text, n.mode)
	cp := firstRune(text)
	def := "italic"
	if cp > 0x390 && cp < 0x3aa {
		def = "normal"
	}
	v := variantOf(n, text, st)
	if v == "" {
		v = def
	}
	if v == "script" {
		return w.tok("mi", variantChar(text, v))
	}
	if v != "italic" {
		text = variantChar(text, v)
	}
	e := w.tok("mi", text)
	if v == "normal" {
		e.set("mathvariant", "normal")
		if utf16Len(text) == 1 {
			return w.mk("mrow", e, w.mk("mspace"))
		}
	}
	return e
}

func isNumber(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	if len(s) == 1 {
		return true
	}
	last := s[len(s)-1]
	if last < '0' || last > '9' {
		return false
	}
	for i := 1; i < len(s)-1; i++ {
		if c := s[i]; !(c >= '0' && c <= '9' || c == ',' || c == '.') {
			return false
		}
	}
	return true
}

func (w *writer) textord(n *node, st style) *el {
	text := w.text(n.text, n.mode)
	v := variantOf(n, text, st)
	if v == "" {
		v = "normal"
	}
	switch {
	case isNumber(n.text):
		tag := "mn"
		if n.mode == modeText {
			tag = "mtext"
		}
		if v == "italic" || v == "bold-italic" {
			return w.mk("mstyle", w.tok(tag, text)).set("style", "font-style:italic;")
		}
		if v != "normal" {
			var b strings.Builder
			for _, r := range text {
				b.WriteString(variantChar(string(r), v))
			}
			text = b.String()
		}
		return w.tok(tag, text)
	case n.mode == modeText:
		if v != "normal" {
			text = variantChar(text, v)
		}
		return w.tok("mtext", text)
	case n.text == "\\prime" || n.text == "\\dprime" || n.text == "\\trprime" || n.text == "\\qprime" ||
		n.text == "\\backprime":
		return w.tok("mo", text)
	}
	orig := text
	if v != "italic" {
		text = variantChar(text, v)
	}
	e := w.tok("mi", text)
	if text == orig && strings.ContainsAny(orig, "ABabcdefghijklmnopqrstuvwxyz") {
		e.set("mathvariant", "italic")
	}
	return e
}

func isArrowName(s string) bool {
	if utf8Len(s) == 1 {
		c := firstRune(s)
		return c > 0x218f && c < 0x2200
	}
	return strings.Contains(s, "arrow") || strings.Contains(s, "harpoon") || s == "\\Rsh" || s == "\\Lsh" || s == "\\restriction"
}

func utf8Len(s string) int { return len([]rune(s)) }

// atom is an operator symbol; Temml's table decides its class.
func (w *writer) atom(n *node, st style) *el { return w.atomAs(n, st, w.family(n)) }

func (w *writer) atomAs(n *node, st style, fam group) *el {
	switch fam {
	case gMathord:
		return w.mathord(n, st)
	case gTextord:
		return w.textord(n, st)
	}
	e := w.tok("mo", w.text(n.text, n.mode))
	switch {
	case fam == gPunct:
		e.set("separator", "true")
	case fam == gOpen:
		e.set("form", "prefix").set("stretchy", "false")
	case fam == gClose:
		e.set("form", "postfix").set("stretchy", "false")
	case n.text == "\\mid":
		e.set("lspace", "0.22em").set("rspace", "0.22em").set("stretchy", "false")
	case fam == gRel && isArrowName(n.text):
		e.set("stretchy", "false")
	case n.text == ":":
		e.set("lspace", "0.2222em").set("rspace", "0.2222em")
	}
	return e
}

func textStyle(font string, st style) style {
	switch font {
	case "\\textrm", "\\textnormal":
		st.fontFamily = "textrm"
	case "\\textsf":
		st.fontFamily = "textsf"
	case "\\texttt":
		st.fontFamily = "texttt"
	case "\\textbf", "\\textmd":
		st.fontWeight = font[1:]
	case "\\textit", "\\textup":
		st.fontShape = font[1:]
	case "\\emph":
		if st.fontShape == "textit" {
			st.fontShape = "textup"
		} else {
			st.fontShape = "textit"
		}
	}
	return st
}

// variantOf is Temml's getVariant: the font the style asks of a symbol.
func variantOf(n *node, text string, st style) string {
	switch st.fontFamily {
	case "texttt":
		return "monospace"
	case "textsf":
		switch {
		case st.fontShape == "textit" && st.fontWeight == "textbf":
			return "sans-serif-bold-italic"
		case st.fontShape == "textit":
			return "sans-serif-italic"
		case st.fontWeight == "textbf":
			return "sans-serif-bold"
		}
		return "sans-serif"
	}
	switch {
	case st.fontShape == "textit" && st.fontWeight == "textbf":
		return "bold-italic"
	case st.fontShape == "textit":
		return "italic"
	case st.fontWeight == "textbf":
		return "bold"
	}
	switch st.font {
	case "", "mathnormal":
		return ""
	case "mathit":
		return "italic"
	case "mathrm":
		if c := firstRune(n.text); c > 0x3ab && c < 0x3cf {
			return "italic"
		}
		return "normal"
	case "boldsymbol":
		return "bold-italic"
	case "mathbf":
		return "bold"
	case "mathbb":
		return "double-struck"
	case "mathfrak":
		return "fraktur"
	case "mathscr", "mathcal":
		return "script"
	case "mathsf":
		return "sans-serif"
	case "mathsfit":
		return "sans-serif-italic"
	case "mathtt":
		return "monospace"
	}
	return ""
}

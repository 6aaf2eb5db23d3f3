package tex

import (
	"strconv"
	"strings"
)

func (w *writer) supsub(n *node, st style, prev string) *el {
	base := n.base
	isBracket, isOver := false, false
	if base != nil && base.typ == "horizBrace" {
		if (n.sup != nil) == strings.Contains(base.text, "over") {
			isBracket, isOver = true, n.sup != nil
		}
	}
	applyFn, appendSpace := false, false
	var b *el
	if base != nil && (base.typ == "op" || base.typ == "operatorname") {
		applyFn = base.left != "symbol" && !(base.typ == "op" && base.text == "")
		appendSpace = applyFn
		if base.typ == "op" {
			b = w.op(base, st, true)
		} else {
			b = w.operatorname(base, st, true)
		}
	} else if isBracket {
		b = w.horizBraceBase(base, st)
	} else if base != nil && base.typ != "ordgroup" {
		b = w.item(base, st, prev)
	} else {
		b = w.group(base, st)
	}
	// Temml's parser leaks the type of the last atom of a braced group
	// into the next script symbol, which decides whether a + is unary.
	cur := prev
	after := func(x *node) {
		if x != nil && x.typ == "ordgroup" {
			cur = ""
			if len(x.body) > 0 {
				cur = w.atomType(x.body[len(x.body)-1])
			}
		}
	}
	after(base)
	cs := st.sub()
	script := func(x *node) *el {
		var e *el
		if x.typ == "ordgroup" {
			e = w.group(x, cs)
		} else {
			e = w.item(x, cs, cur)
		}
		after(x)
		if st.level == 3 {
			e.set("scriptlevel", "2")
		}
		return e
	}
	var subEl, supEl *el
	if n.flag {
		if n.sup != nil {
			supEl = script(n.sup)
		}
		if n.sub != nil {
			subEl = script(n.sub)
		}
	} else {
		if n.sub != nil {
			subEl = script(n.sub)
		}
		if n.sup != nil {
			supEl = script(n.sup)
		}
	}
	var room [3]*el
	kids := append(room[:0], b)
	if subEl != nil {
		kids = append(kids, subEl)
	}
	if supEl != nil {
		kids = append(kids, supEl)
	}
	limits := func() bool {
		if base == nil {
			return false
		}
		if base.typ == "op" {
			return base.flag && (st.level == 0 || base.flag2)
		}
		if base.typ == "operatorname" {
			return base.flag2 && (base.flag || st.level == 0)
		}
		return false
	}()
	var tag string
	switch {
	case isBracket && isOver:
		tag = "mover"
	case isBracket:
		tag = "munder"
	case n.sub == nil && limits:
		tag = "mover"
	case n.sub == nil:
		tag = "msup"
	case n.sup == nil && limits:
		tag = "munder"
	case n.sup == nil:
		tag = "msub"
	case limits:
		tag = "munderover"
	default:
		tag = "msubsup"
	}
	e := w.mk(tag, kids...)
	if applyFn {
		f := w.fragment(e, w.tok("mo", "\u2061"))
		if appendSpace {
			f.kids = append(f.kids, w.mk("mspace").set("width", "0.1667em"))
		}
		return f
	}
	if tag == "mover" || tag == "munder" || tag == "munderover" {
		return w.mk("mrow", e)
	}
	return e
}

var scriptLevels = map[string][2]string{
	"display": {"0", "true"}, "text": {"0", "false"}, "script": {"1", "false"}, "scriptscript": {"2", "false"},
}

func (w *writer) genfrac(n *node, st style) *el {
	var lvl string
	switch {
	case n.text == "\\cfrac" || strings.HasPrefix(n.text, "\\d"):
		lvl = "display"
	case strings.HasPrefix(n.text, "\\t"):
		lvl = "text"
	case n.text == "\\genfrac" && n.family > 0:
		lvl = []string{"display", "text", "script", "scriptscript"}[n.family-1]
	}
	inner := st
	switch lvl {
	case "display":
		inner.level = 0
	case "text":
		inner.level = 1
	case "script":
		inner.level = 2
	case "scriptscript":
		inner.level = 3
	}
	fst := inner
	if fst.level < 2 {
		fst.level++
	} else {
		fst.level = 3
	}
	numer, denom := w.group(n.base, fst), w.group(n.sub, fst)
	if fst.level == 3 {
		numer.set("scriptlevel", "2")
		denom.set("scriptlevel", "2")
	}
	e := w.mk("mfrac", numer, denom)
	if !n.flag {
		e.set("linethickness", "0px")
	} else if n.size.unit != "" {
		e.set("linethickness", dimString(n.size))
	}
	if n.left != "" || n.right != "" {
		var row []*el
		if n.left != "" {
			row = append(row, w.tok("mo", strings.Replace(n.left, "\\", "", 1)).set("fence", "true"))
		}
		row = append(row, e)
		if n.right != "" {
			row = append(row, w.tok("mo", strings.Replace(n.right, "\\", "", 1)).set("fence", "true"))
		}
		e = w.makeRow(row, false)
	}
	if lvl != "" {
		a := scriptLevels[lvl]
		e = w.mk("mstyle", e).set("displaystyle", a[1]).set("scriptlevel", a[0])
	}
	return e
}

// xHeights are the letters under which Chromium leaves too little room in
// a root; Temml adds a strut, and so do we.
var xHeights = map[string]bool{}

func init() {
	for _, s := range strings.Fields(`a c e ı m n o r s u v w x z α ε ι κ ν ο π σ τ υ ω \alpha \epsilon \iota \kappa \nu \omega \pi \tau`) {
		xHeights[s] = true
	}
}

func (w *writer) sqrt(n *node, st style) *el {
	body := w.group(n.base, st)
	if b := n.base; b.typ == "ordgroup" && len(b.body) == 1 && xHeights[b.body[0].text] {
		body = w.mk("mrow", body, w.mk("mspace").set("width", "0pt").set("height", "0.5em"))
	}
	if n.sub != nil {
		return w.mk("mroot", body, w.group(n.sub, st.sub()))
	}
	return w.mk("msqrt", body)
}

var sizeToMaxHeight = []string{"0", "1.2em", "1.8em", "2.4em", "3.0em"}

func (w *writer) delimsizing(n *node) *el {
	size := map[byte]int{'b': 1, 'B': 2}[n.text[1]]
	if strings.HasPrefix(n.text[1:], "bigg") || strings.HasPrefix(n.text[1:], "Bigg") {
		size += 2
	}
	text := ""
	if n.left != "." {
		text = w.text(n.left, n.mode)
	}
	e := w.tok("mo", text)
	switch n.text[len(n.text)-1] {
	case 'l':
		e.set("fence", "true")
	case 'r':
		e.set("fence", "true")
	default:
		e.set("fence", "false")
	}
	if n.left == "/" || n.left == "\\" || n.left == "\\backslash" || n.left == "\\vert" || n.left == "|" || strings.Contains(n.left, "arrow") {
		e.set("stretchy", "true")
	}
	e.set("symmetric", "true")
	e.set("minsize", sizeToMaxHeight[size]).set("maxsize", sizeToMaxHeight[size])
	return e
}

func (w *writer) font(n *node, st style) *el {
	font := strings.TrimPrefix(n.text, "\\")
	switch font {
	case "Bbb":
		font = "mathbb"
	case "bold":
		font = "mathbf"
	case "frak":
		font = "mathfrak"
	case "bm":
		font = "boldsymbol"
	}
	nst := st
	nst.font = font
	g := w.group(n.base, nst)
	if len(g.kids) == 0 && g.tag == "mrow" {
		return g
	}
	if font == "boldsymbol" && (g.tag == "mo" || g.tag == "mpadded" || g.tag == "mrow") {
		g.set("style", "font-weight:bold;")
		return g
	}
	if long := w.longVariable(n, font, g); long != nil {
		return long
	}
	if g.tag != "mrow" || len(g.kids) == 0 || g.kids[0].tag != "mo" {
		return g
	}
	for _, k := range g.kids[1:] {
		if k.tag != "mi" || k.get("mathvariant") != "normal" {
			return g
		}
	}
	mi := g.kids[0]
	for _, k := range g.kids[1:] {
		mi.text += k.text
	}
	return mi
}

// longVariable joins \mathrm{abc} and the like into one <mi>, as Temml.
func (w *writer) longVariable(n *node, font string, g *el) *el {
	switch font {
	case "mathrm", "mathit", "mathbf", "mathsf", "mathtt", "mathnormal", "mathbb", "mathcal", "mathfrak", "mathscr", "boldsymbol":
	default:
		return nil
	}
	b := n.base
	if b == nil || b.typ != "ordgroup" || len(b.body) == 1 || len(b.body) == 0 || b.body[0].typ != "mathord" {
		return nil
	}
	for _, c := range b.body[1:] {
		if !(c.typ == "mathord" || c.typ == "textord" && isNumber(c.text)) {
			return nil
		}
	}
	text := func(e *el) string {
		if e.tag == "mrow" && len(e.kids) > 0 {
			return e.kids[0].text
		}
		return e.text
	}
	first := g.kids[0]
	if first.tag == "mrow" && len(first.kids) > 0 {
		first = first.kids[0]
	}
	mi := w.tok("mi", text(g.kids[0]))
	_ = first
	for _, k := range g.kids[1:] {
		mi.text += text(k)
	}
	if font == "mathit" {
		mi.text = variantChar(mi.text, "italic")
		return mi
	}
	return w.mk("mpadded", mi).set("lspace", "0")
}

func (w *writer) mclass(n *node, st style) *el {
	inner := w.expression(n.body, st, false)
	cls := n.left
	single := len(n.body) == 1 && isCharacterBox(n.body[0])
	if cls == "minner" {
		return w.mk("mpadded", inner...)
	}
	if cls == "mord" {
		if len(inner) > 0 && (single || inner[0].tag == "mi") {
			e := inner[0]
			e.tag = "mi"
			return e
		}
		return w.mk("mi", inner...)
	}
	var e *el
	promote := len(inner) == 1 && (inner[0].tag == "mi" || inner[0].tag == "mo" || inner[0].tag == "mn" || inner[0].tag == "mtext") && len(inner[0].kids) == 0
	doSpacing := st.level < 2
	if promote {
		e = inner[0]
		e.tag = "mo"
		if single && strings.ContainsAny(n.body[0].text, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") && len(n.body[0].text) == 1 {
			e.set("mathvariant", "italic")
		}
		sp := func(l, r string) {
			if !doSpacing {
				l, r = "0", "0"
			}
			e.set("lspace", l).set("rspace", r)
		}
		switch cls {
		case "mbin":
			sp("0.2222em", "0.2222em")
		case "mrel":
			sp("0.2778em", "0.2778em")
		case "mpunct":
			e.set("lspace", "0em")
			if doSpacing {
				e.set("rspace", "0.1667em")
			} else {
				e.set("rspace", "0")
			}
		case "mopen", "mclose":
			e.set("lspace", "0em").set("rspace", "0em")
		}
	} else {
		e = w.mk("mrow", inner...)
		pad := func(x string) *el { return w.mk("mspace").set("width", x) }
		if doSpacing {
			switch cls {
			case "mbin":
				e.kids = append([]*el{pad("0.2222em")}, append(e.kids, pad("0.2222em"))...)
			case "mrel":
				e.kids = append([]*el{pad("0.2778em")}, append(e.kids, pad("0.2778em"))...)
			case "mpunct":
				e.kids = append(e.kids, pad("0.1667em"))
			}
		}
	}
	if cls != "mopen" && cls != "mclose" {
		e.del("stretchy")
		e.del("form")
	}
	return e
}

// isCharacterBox: the node's base is a single character.
func isCharacterBox(n *node) bool {
	for n.typ == "ordgroup" && len(n.body) == 1 || n.typ == "color" && len(n.body) == 1 || n.typ == "font" && n.base != nil {
		if n.typ == "font" {
			n = n.base
		} else {
			n = n.body[0]
		}
	}
	switch n.typ {
	case "mathord", "textord", "atom":
		return true
	}
	return false
}

var noSuccessor = map[string]bool{"\\smallint": true}

func (w *writer) op(n *node, st style, inSupSub bool) *el {
	if n.left == "symbol" {
		e := w.tok("mo", w.text(n.text, n.mode))
		if noSuccessor[n.text] {
			e.set("largeop", "false")
		} else {
			e.set("movablelimits", "false")
		}
		return e
	}
	if n.body != nil || n.text == "" {
		return w.mk("mo", w.expression(n.body, st, false)...)
	}
	e := w.tok("mi", n.text[1:])
	if inSupSub {
		return e
	}
	return w.mk("mrow", e, w.tok("mo", "\u2061"), w.mk("mspace").set("width", "0.1667em"))
}

func (w *writer) operatorname(n *node, st style, inSupSub bool) *el {
	nst := st
	nst.font = "mathrm"
	expr := w.expression(n.body, nst, false)
	all := true
	var word strings.Builder
	for _, e := range expr {
		x := e
		if (x.tag == "mrow" || x.tag == "mpadded") && len(x.kids) == 1 {
			x = x.kids[0]
		} else if x.tag == "mrow" && len(x.kids) == 2 && x.kids[1].tag == "mspace" && x.kids[1].get("width") == "" {
			x = x.kids[0]
		}
		switch x.tag {
		case "mi", "mn", "mtext":
			word.WriteString(x.text)
		case "mo":
			word.WriteString(strings.NewReplacer("\u2212", "-", "\u2217", "*").Replace(x.text))
		default:
			all = false
		}
		if len(x.kids) > 0 {
			all = false
		}
	}
	var e *el
	if all {
		e = w.tok("mi", word.String())
	} else {
		e = w.mk("mi", expr...)
	}
	if inSupSub {
		return e
	}
	return w.fragment(e, w.tok("mo", "\u2061"), w.mk("mspace").set("width", "0.1667em"))
}

func accentChar(label string) string {
	if c, ok := accentChars[label]; ok {
		return c
	}
	return label
}

var accentChars = map[string]string{
	"\\acute": "\u00b4", "\\grave": "\u0060", "\\ddot": "\u00a8", "\\tilde": "\u007e", "\\bar": "\u203e",
	"\\breve": "\u02d8", "\\check": "\u02c7", "\\hat": "\u02c6", "\\vec": "\u2192", "\\dot": "\u02d9",
	"\\mathring": "\u02da", "\\widehat": "\u0302", "\\widetilde": "\u02dc", "\\widecheck": "\u02c7",
	"\\overrightarrow": "\u2192", "\\overleftarrow": "\u2190", "\\Overrightarrow": "\u21d2",
	"\\overleftrightarrow": "\u2194", "\\overgroup": "\u23e0", "\\overlinesegment": "\u203e",
	"\\overleftharpoon": "\u21bc", "\\overrightharpoon": "\u21c0",
	"\\underleftarrow": "\u2190", "\\underrightarrow": "\u2192", "\\underleftrightarrow": "\u2194",
	"\\undergroup": "\u23e1", "\\underlinesegment": "\u203e", "\\utilde": "\u02dc",
	"\\'": "\u00b4", "\\`": "\u0060", "\\^": "\u02c6", "\\~": "\u02dc", "\\=": "\u00af", "\\u": "\u02d8",
	"\\.": "\u02d9", "\\\"": "\u00a8", "\\r": "\u02da", "\\H": "\u02dd", "\\v": "\u02c7", "\\c": "\u00b8",
	"\\textcircled": "\u25ef",
}

func (w *writer) accent(n *node, st style) *el {
	stretchy := false
	switch n.text {
	case "\\widehat", "\\widetilde", "\\widecheck", "\\overrightarrow", "\\overleftarrow", "\\Overrightarrow",
		"\\overleftrightarrow", "\\overgroup", "\\overlinesegment", "\\overleftharpoon", "\\overrightharpoon":
		stretchy = true
	}
	if n.mode == modeText && n.base != nil && n.base.typ == "textord" {
		if c, ok := map[string]string{"\\`": "\u0300", "\\'": "\u0301", "\\^": "\u0302", "\\~": "\u0303",
			"\\=": "\u0304", "\\u": "\u0306", "\\.": "\u0307", "\\\"": "\u0308", "\\r": "\u030a",
			"\\H": "\u030b", "\\v": "\u030c", "\\c": "\u0327"}[n.text]; ok {
			return w.tok("mtext", w.text(n.base.text, modeText)+c)
		}
	}
	acc := w.tok("mo", accentChar(n.text))
	if stretchy {
		acc.set("stretchy", "true")
	} else {
		acc.set("stretchy", "false")
	}
	tag := "mover"
	if n.text == "\\c" {
		tag = "munder"
	}
	return w.mk(tag, w.group(n.base, st), acc)
}

func (w *writer) horizBraceBase(n *node, st style) *el {
	ch := map[string]string{"\\overbrace": "\u23de", "\\underbrace": "\u23df", "\\overbracket": "\u23b4", "\\underbracket": "\u23b5"}[n.text]
	mo := w.tok("mo", ch).set("stretchy", "true")
	if strings.Contains(n.text, "over") {
		return w.mk("mover", w.group(n.base, st), mo)
	}
	return w.mk("munder", w.group(n.base, st), mo)
}

func (w *writer) horizBrace(n *node, st style) *el {
	return w.mk("mrow", w.horizBraceBase(n, st))
}

var xArrowChars = map[string]string{
	"\\xleftarrow": "\u2190", "\\xrightarrow": "\u2192", "\\xLeftarrow": "\u21d0", "\\xRightarrow": "\u21d2",
	"\\xleftrightarrow": "\u2194", "\\xLeftrightarrow": "\u21d4", "\\xhookleftarrow": "\u21a9",
	"\\xhookrightarrow": "\u21aa", "\\xmapsto": "\u21a6", "\\xrightharpoondown": "\u21c1",
	"\\xrightharpoonup": "\u21c0", "\\xleftharpoondown": "\u21bd", "\\xleftharpoonup": "\u21bc",
	"\\xrightleftharpoons": "\u21cc", "\\xleftrightharpoons": "\u21cb", "\\xlongequal": "=",
	"\\xtwoheadrightarrow": "\u21a0", "\\xtwoheadleftarrow": "\u219e", "\\xtofrom": "\u21c4",
	"\\xrightleftarrows": "\u21c4", "\\xrightequilibrium": "\u21cc", "\\xleftequilibrium": "\u21cb",
}

func (w *writer) xArrow(n *node, st style) *el {
	ch, ok := xArrowChars[n.text]
	if !ok {
		panic(unsupported{n.text})
	}
	arrow := w.tok("mo", ch).set("stretchy", "true")
	ss := st.sub()
	pad := func(e *el) *el {
		return w.mk("mpadded", e).set("width", "+0.6em").set("lspace", "0.3em")
	}
	var e *el
	up := w.group(n.base, ss)
	if n.sub != nil {
		e = w.mk("munderover", arrow, pad(w.group(n.sub, ss)), pad(up))
	} else {
		e = w.mk("mover", arrow, pad(up))
	}
	return w.mk("mrow", w.mk("mspace").set("width", "0.2778em"), e, w.mk("mspace").set("width", "0.2778em"))
}

func (w *writer) kern(d dimen, m mode) *el {
	em, ok := toEm(d)
	if !ok {
		return w.mk("mspace").set("width", dimString(d))
	}
	if em >= 0 {
		return w.mk("mspace").set("width", fmtNum(round4(em))+"em")
	}
	return w.mk("mrow").set("style", "margin-left:"+fmtNum(round4(em))+"em;")
}

func round4(f float64) float64 {
	if f < 0 {
		return -round4(-f)
	}
	return float64(int64(f*10000+0.5)) / 10000
}

var perPt = map[string]float64{"pt": 1, "mm": 7227.0 / 2540, "cm": 7227.0 / 254, "in": 72.27,
	"bp": 803.0 / 800, "pc": 12, "dd": 1238.0 / 1157, "cc": 14856.0 / 1157, "nd": 685.0 / 642,
	"nc": 1370.0 / 107, "sp": 1.0 / 65536, "px": 803.0 / 800}

// toEm converts a TeX dimension to em at the normal size (10pt).
func toEm(d dimen) (float64, bool) {
	switch d.unit {
	case "em":
		return d.num, true
	case "mu":
		return d.num / 18, true
	case "ex":
		return d.num * 0.431, true
	}
	if f, ok := perPt[d.unit]; ok {
		return d.num * f / 10, true
	}
	return 0, false
}

func (w *writer) styling(n *node, st style) *el {
	nst := st
	switch n.text {
	case "display":
		nst.level = 0
	case "text":
		nst.level = 1
	case "script":
		nst.level = 2
	case "scriptscript":
		nst.level = 3
	}
	inner := w.expression(n.body, nst, false)
	var e *el
	if len(inner) == 1 && inner[0].tag != "" {
		e = inner[0]
	} else {
		e = w.mk("mrow", inner...)
	}
	a := scriptLevels[n.text]
	e.set("scriptlevel", a[0]).set("displaystyle", a[1])
	return e
}

func (w *writer) enclose(n *node, st style) *el {
	body := w.group(n.base, st)
	switch n.text {
	case "\\fbox":
		return w.mk("mrow", body).set("style", "padding:3pt;border:1px solid;")
	case "\\colorbox":
		return w.mk("mrow", body).set("mathbackground", n.right).set("style", "padding:3pt;")
	case "\\fcolorbox":
		return w.mk("mrow", body).set("mathbackground", n.right).set("style", "padding:3pt;border:1px solid "+n.left+";")
	case "\\cancel":
		return w.mk("menclose", body, w.mk("mrow")).set("notation", "updiagonalstrike")
	case "\\bcancel":
		return w.mk("menclose", body, w.mk("mrow")).set("notation", "downdiagonalstrike")
	case "\\xcancel":
		return w.mk("menclose", body, w.mk("mrow"), w.mk("mrow")).set("notation", "updiagonalstrike downdiagonalstrike")
	case "\\sout":
		return w.mk("menclose", body, w.mk("mrow")).set("notation", "horizontalstrike")
	}
	panic(unsupported{n.text})
}

func (w *writer) array(n *node, st style) *el {
	a := n.arr
	lvl := 0
	switch a.style {
	case "text":
		lvl = 1
	case "script":
		lvl = 2
	}
	cst := st
	cst.level = lvl
	hasTags := false
	for i, t := range a.tags {
		if t != nil || a.autoTag[i] {
			hasTags = true
		}
	}
	numCols := 0
	if len(a.rows) > 0 {
		numCols = len(a.rows[0])
	}
	table := w.mk("mtable")
	for i, r := range a.rows {
		tr := w.mk("mtr")
		for j, c := range r {
			cell := c
			if a.colSep == "align" || a.colSep == "alignat" {
				if j%2 == 1 {
					cell = w.arena.node(node{typ: "ordgroup", body: append([]*node{{typ: "ordgroup"}}, c.body...)})
				}
			}
			tr.kids = append(tr.kids, w.mk("mtd", w.group(cell, cst)))
		}
		for k := len(r); k < numCols; k++ {
			tr.kids = append(tr.kids, w.mk("mtd"))
		}
		if hasTags {
			var t *el
			if i < len(a.tags) && a.tags[i] != nil {
				t = w.consolidateText(w.makeRow(w.expression(a.tags[i].body, cst, true), true))
			} else if i < len(a.autoTag) && a.autoTag[i] {
				// KaTeX numbers the equations of each formula from (1).
				w.eqn++
				t = w.tok("mtext", "("+strconv.Itoa(w.eqn)+")")
			} else {
				t = w.mk("mtext")
			}
			glue := func() *el { return w.mk("mtd").set("style", "padding:0;width:50%;") }
			tr.kids = append([]*el{glue()}, append(tr.kids, glue())...)
			tr.kids[len(tr.kids)-1].kids = append(tr.kids[len(tr.kids)-1].kids, t)
		}
		table.kids = append(table.kids, tr)
	}
	if a.style == "display" {
		table.set("displaystyle", "true")
	}
	if a.stretch < 1 && a.stretch > 0 {
		table = w.mk("mstyle", table).set("scriptlevel", "1")
	}
	return table
}

// variantChar maps a letter or digit to the Mathematical Alphanumeric
// Symbols block (Temml's variantChar).
func variantChar(s, v string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(variantRune(r, v))
	}
	return b.String()
}

var letterHoles = map[string]map[rune]rune{
	"script":        {'B': 0x212c, 'E': 0x2130, 'F': 0x2131, 'H': 0x210b, 'I': 0x2110, 'L': 0x2112, 'M': 0x2133, 'R': 0x211b, 'e': 0x212f, 'g': 0x210a, 'o': 0x2134},
	"fraktur":       {'C': 0x212d, 'H': 0x210c, 'I': 0x2111, 'R': 0x211c, 'Z': 0x2128},
	"double-struck": {'C': 0x2102, 'H': 0x210d, 'N': 0x2115, 'P': 0x2119, 'Q': 0x211a, 'R': 0x211d, 'Z': 0x2124},
	"italic":        {'h': 0x210e},
}

var latinBase = map[string]rune{
	"bold": 0x1d400, "italic": 0x1d434, "bold-italic": 0x1d468, "script": 0x1d49c, "script-bold": 0x1d4d0,
	"fraktur": 0x1d504, "double-struck": 0x1d538, "fraktur-bold": 0x1d56c, "sans-serif": 0x1d5a0,
	"sans-serif-bold": 0x1d5d4, "sans-serif-italic": 0x1d608, "sans-serif-bold-italic": 0x1d63c, "monospace": 0x1d670,
}

var digitBase = map[string]rune{"bold": 0x1d7ce, "double-struck": 0x1d7d8, "sans-serif": 0x1d7e2,
	"sans-serif-bold": 0x1d7ec, "monospace": 0x1d7f6}

// Greek: Temml maps bold-italic capitals to bold and sans-serif to
// sans-serif bold; we follow it.
var greekUpper = map[string]rune{"bold": 0x1d6a8, "italic": 0x1d6e2, "bold-italic": 0x1d6a8,
	"sans-serif": 0x1d756, "sans-serif-bold": 0x1d756, "sans-serif-bold-italic": 0x1d790}
var greekLower = map[string]rune{"bold": 0x1d6c2, "italic": 0x1d6fc, "bold-italic": 0x1d736,
	"sans-serif": 0x1d770, "sans-serif-bold": 0x1d770, "sans-serif-bold-italic": 0x1d7aa}

func variantRune(r rune, v string) rune {
	if h, ok := letterHoles[v][r]; ok {
		return h
	}
	switch {
	case r >= 'A' && r <= 'Z':
		if b, ok := latinBase[v]; ok {
			return b + r - 'A'
		}
	case r >= 'a' && r <= 'z':
		if b, ok := latinBase[v]; ok {
			return b + 26 + r - 'a'
		}
	case r >= '0' && r <= '9':
		if b, ok := digitBase[v]; ok {
			return b + r - '0'
		}
	case r >= 0x391 && r <= 0x3a9:
		if b, ok := greekUpper[v]; ok {
			return b + r - 0x391
		}
	case r >= 0x3b1 && r <= 0x3c9:
		if b, ok := greekLower[v]; ok {
			return b + r - 0x3b1
		}
	}
	return r
}

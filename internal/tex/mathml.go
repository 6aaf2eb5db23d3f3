package tex

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// el is a MathML element under construction. A nil-tag el is a fragment:
// its children are spliced into the parent.
type el struct {
	tag   string
	attrs []string // name, value, name, value, ...
	text  string
	kids  []*el
	arena *arena // where set finds room for the first attributes
}

// mk, tok and fragment take their elements from the arena; a kids list
// is copied there, so that the caller's slice can stay on its stack.
func (w *writer) mk(tag string, kids ...*el) *el {
	e := w.arena.els.one()
	*e = el{tag: tag, kids: w.arena.elList(kids), arena: w.arena}
	return e
}

func (w *writer) tok(tag, text string) *el {
	e := w.arena.els.one()
	*e = el{tag: tag, text: text, arena: w.arena}
	return e
}

func (e *el) set(name, value string) *el {
	for i := 0; i < len(e.attrs); i += 2 {
		if e.attrs[i] == name {
			e.attrs[i+1] = value
			return e
		}
	}
	if e.attrs == nil && e.arena != nil {
		e.attrs = e.arena.strs.take(attrRoom)[:0]
	}
	e.attrs = append(e.attrs, name, value)
	return e
}

// attrRoom is the arena's room for an element's attributes: three of
// them, as a fence has (fence, form, stretchy).
const attrRoom = 6

func (e *el) get(name string) string {
	for i := 0; i < len(e.attrs); i += 2 {
		if e.attrs[i] == name {
			return e.attrs[i+1]
		}
	}
	return ""
}

func (e *el) del(name string) {
	for i := 0; i < len(e.attrs); i += 2 {
		if e.attrs[i] == name {
			e.attrs = append(e.attrs[:i], e.attrs[i+2:]...)
			return
		}
	}
}

func (w *writer) fragment(kids ...*el) *el { return w.mk("", kids...) }

func (e *el) write(b []byte) []byte {
	if e.tag == "" {
		for _, k := range e.kids {
			b = k.write(b)
		}
		return b
	}
	b = append(b, '<')
	b = append(b, e.tag...)
	for i := 0; i < len(e.attrs); i += 2 {
		b = append(b, ' ')
		b = append(b, e.attrs[i]...)
		b = append(b, '=', '"')
		b = escape(b, e.attrs[i+1])
		b = append(b, '"')
	}
	b = append(b, '>')
	b = escape(b, e.text)
	for _, k := range e.kids {
		b = k.write(b)
	}
	b = append(b, '<', '/')
	b = append(b, e.tag...)
	return append(b, '>')
}

// special marks the bytes escape replaces.
var special = [256]bool{'<': true, '>': true, '&': true, '"': true}

func escape(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		if !special[s[i]] {
			continue
		}
		var r string
		switch s[i] {
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		case '&':
			r = "&amp;"
		default:
			r = "&quot;"
		}
		b = append(b, s[last:i]...)
		b = append(b, r...)
		last = i + 1
	}
	return append(b, s[last:]...)
}

// style is what the writer inherits down the tree, as Temml's Style.
type style struct {
	level      int // 0 display, 1 text, 2 script, 3 scriptscript
	font       string
	fontFamily string
	fontWeight string
	fontShape  string
}

func (s style) sub() style {
	s.level = min(s.level+1, 3)
	if s.level < 2 {
		s.level = 2
	}
	return s
}

type writer struct {
	b      *[]byte // where the MathML is written; nil: build the tree only
	arena  *arena
	src    string
	eqn    int  // automatic equation numbers given so far
	noWrap bool // Temml's wrapDelimiterPairs failed: no (…) grouping
}

func (w *writer) math(tree []*node, tex string, display bool) {
	m := w.build(tree, tex, display)
	if m == nil {
		// Temml could not pair its delimiters and gave up grouping them.
		*w = writer{b: w.b, arena: w.arena, noWrap: true}
		m = w.build(tree, tex, display)
	}
	if w.b != nil {
		*w.b = m.write(*w.b)
	}
}

func (w *writer) build(tree []*node, tex string, display bool) (m *el) {
	if !w.noWrap {
		defer func() {
			if r := recover(); r != nil {
				if _, ok := r.(restart); !ok {
					panic(r)
				}
				m = nil
			}
		}()
	}
	w.src = tex
	var tag *node
	if len(tree) == 1 && tree[0].typ == "tag" {
		tag = tree[0].args[0]
		tree = tree[0].body
	}
	st := style{level: 1}
	if display {
		st.level = 0
	}
	expr := w.expression(tree, st, false)
	var wrapper *el
	if len(expr) == 1 && tag == nil && expr[0].tag != "" {
		wrapper = expr[0]
	} else {
		wrapper = w.mk("mrow", expr...)
	}
	if tag != nil {
		t := w.consolidateText(w.row(tag.body, st, false))
		glue := func() *el { return w.mk("mtd").set("style", "padding:0;width:50%;") }
		row := w.mk("mtr", glue(), w.mk("mtd", wrapper), glue())
		row.kids[2].kids = append(row.kids[2].kids, t)
		wrapper = w.mk("mtable", row).set("displaystyle", "true").set("style", "width:100%;")
	}
	ann := w.tok("annotation", tex).set("encoding", "application/x-tex")
	m = w.mk("math", w.mk("semantics", wrapper, ann))
	if display {
		m.set("display", "block").set("style", "display:block math;")
	}
	return m
}

// makeRow is Temml's makeRow: one element stays itself, more get an mrow.
func (w *writer) makeRow(body []*el, semisimple bool) *el {
	if len(body) == 1 && body[0].tag != "" {
		return body[0]
	}
	if !semisimple && len(body) > 0 {
		for _, e := range []*el{body[0], body[len(body)-1]} {
			if e.tag == "mo" && e.get("fence") == "" {
				e.set("lspace", "0em").set("rspace", "0em")
			}
		}
	}
	return w.mk("mrow", body...)
}

func (w *writer) row(body []*node, st style, semisimple bool) *el {
	return w.makeRow(w.expression(body, st, semisimple), semisimple)
}

func isRel(n *node) bool {
	return n.typ == "atom" && n.family == gRel || n.typ == "mclass" && n.left == "mrel"
}

func isNumberPunct(e *el) bool {
	if e == nil || len(e.kids) > 0 {
		return false
	}
	switch e.tag {
	case "mi":
		return e.text == "."
	case "mtext":
		return e.text == "\u2008"
	case "mo":
		return e.text == "," && e.get("separator") == "true" && e.get("lspace") == "0em" && e.get("rspace") == "0em"
	}
	return false
}

// expression builds a list of nodes, merging digits into one <mn> as Temml
// does ("0.85" is one number).
func (w *writer) expression(nodes []*node, st style, semisimple bool) []*el {
	nodes = w.wrapPairs(nodes)
	if !semisimple && len(nodes) == 1 {
		g := w.item(nodes[0], st, "")
		if g.tag == "mo" {
			g.set("lspace", "0em").set("rspace", "0em")
		}
		return w.flatten(w.arena.elList([]*el{g}))
	}
	if len(nodes) == 0 {
		return nil
	}
	// built and srcs (the node each of built comes from) are on the
	// arena's stacks while the items, which build lists of their own, are
	// made; the merged list goes straight into the arena.
	a := w.arena
	mark, srcMark := len(a.elStack), len(a.srcStack)
	prev := ""
	for i := 0; i < len(nodes); i++ {
		n := nodes[i]
		// \not is a combining slash before the next symbol; Temml puts it
		// into that symbol's token.
		if i+1 < len(nodes) && n.typ == "htmlmathml" && delimText(n) == "\u0338" && delimText(nodes[i+1]) != "" {
			if e := w.item(nodes[i+1], st, prev); len(e.kids) == 0 {
				e.text += "\u0338"
				i++
				a.elStack, a.srcStack = append(a.elStack, e), append(a.srcStack, nodes[i])
				prev = w.atomType(nodes[i])
				continue
			}
		}
		e := w.item(n, st, prev)
		a.elStack, a.srcStack = append(a.elStack, e), append(a.srcStack, n)
		prev = w.atomType(n)
	}
	built := a.elStack[mark:]
	nodes = a.srcStack[srcMark:]
	groups := a.elRefs.take(len(built))[:0]
	var last *el
	// Merged digits are collected in buf and written to last.text when
	// last changes, so that long numbers cost linear time.
	var buf strings.Builder
	merging := false
	flush := func() {
		if merging {
			last.text = buf.String()
			merging = false
		}
	}
	merge := func(text string) {
		if !merging {
			buf.Reset()
			buf.WriteString(last.text)
			merging = true
		}
		buf.WriteString(text)
	}
	for i, g := range built {
		if i+1 < len(nodes) && isRel(nodes[i]) && isRel(nodes[i+1]) {
			g.set("rspace", "0em")
		}
		if i > 0 && isRel(nodes[i]) && isRel(nodes[i-1]) {
			g.set("lspace", "0em")
		}
		switch {
		case g.tag == "mn" && last != nil && last.tag == "mn":
			merge(g.text)
			continue
		case isNumberPunct(g) && last != nil && last.tag == "mn":
			merge(g.text)
			continue
		case last != nil && last.tag == "mn" && i+1 < len(built) && built[i+1].tag == "mn" &&
			nodes[i].typ == "atom" && nodes[i].text == "," && nodes[i].end == nodes[i+1].pos:
			merge(g.text)
			continue
		}
		flush()
		switch {
		case g.tag == "mn" && isNumberPunct(last):
			g.text = last.text + g.text
			groups = groups[:len(groups)-1]
		case (g.tag == "msup" || g.tag == "msub") && len(g.kids) >= 1 && last != nil &&
			(last.tag == "mn" || isNumberPunct(last)):
			if base := g.kids[0]; base.tag == "mn" {
				base.text = last.text + base.text
				groups = groups[:len(groups)-1]
			}
		}
		groups = append(groups, g)
		last = g
	}
	flush()
	a.elStack, a.srcStack = a.elStack[:mark], a.srcStack[:srcMark]
	return w.flatten(groups)
}

// flatten splices fragments into the list.
func (w *writer) flatten(list []*el) []*el {
	ok := true
	for _, e := range list {
		if e.tag == "" {
			ok = false
		}
	}
	if ok {
		return list
	}
	a := w.arena
	mark := len(a.elStack)
	for _, e := range list {
		if e.tag == "" {
			kids := w.flatten(e.kids)
			a.elStack = append(a.elStack, kids...)
		} else {
			a.elStack = append(a.elStack, e)
		}
	}
	if len(a.elStack) == mark {
		return nil
	}
	out := a.elList(a.elStack[mark:])
	a.elStack = a.elStack[:mark]
	return out
}

// consolidateText merges runs of <mtext> into one, as Temml's \text does.
func (w *writer) consolidateText(m *el) *el {
	if m.tag != "mrow" && m.tag != "mstyle" || len(m.kids) == 0 {
		return m
	}
	row := w.mk("mrow")
	// The row's children are collected on the arena's stack. Runs of text
	// are joined in buf, written out when the run ends; a run of one
	// piece keeps its string.
	a := w.arena
	mark := len(a.elStack)
	var buf strings.Builder
	var run *el
	first, pieces := "", 0
	end := func() {
		if run != nil {
			if pieces == 1 {
				run.text = first
			} else {
				run.text = buf.String()
			}
			run = nil
		}
	}
	copyChar := func(c *el) {
		if run == nil {
			run = w.tok("mtext", "")
			a.elStack = append(a.elStack, run)
			first, pieces = c.text, 1
			return
		}
		if pieces == 1 {
			buf.Reset()
			buf.WriteString(first)
		}
		pieces++
		buf.WriteString(c.text)
	}
	for _, c := range m.kids {
		switch {
		case c.tag == "mtext" && len(c.attrs) == 0 && len(c.kids) == 0:
			copyChar(c)
		case c.tag == "mrow":
			can := true
			for _, g := range c.kids {
				if g.tag != "mtext" || len(c.attrs) != 0 {
					can = false
					break
				}
			}
			if can {
				for _, g := range c.kids {
					copyChar(g)
				}
			} else {
				end()
				a.elStack = append(a.elStack, c)
			}
		default:
			end()
			a.elStack = append(a.elStack, c)
		}
	}
	end()
	row.kids = a.elList(a.elStack[mark:])
	a.elStack = a.elStack[:mark]
	for _, c := range row.kids {
		if c.tag != "mtext" {
			continue
		}
		if strings.HasPrefix(c.text, " ") {
			c.text = "\u00a0" + c.text[1:]
		}
		if strings.HasSuffix(c.text, " ") {
			c.text = c.text[:len(c.text)-1] + "\u00a0"
		}
		for i := 0; i < len(m.attrs); i += 2 {
			c.set(m.attrs[i], m.attrs[i+1])
		}
	}
	if len(row.kids) == 1 && row.kids[0].tag == "mtext" {
		return row.kids[0]
	}
	return row
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r > 0xffff {
			n++
		}
	}
	return n
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func fmtNum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

package tex

import (
	"strconv"
	"strings"
)

// array is the body of a matrix-like environment.
type array struct {
	env     string
	rows    [][]*node // each cell is an ordgroup
	cols    []colSpec
	hlines  [][]bool // per row boundary: true for dashed
	colSep  string   // "", "align", "alignat", "gather", "small"
	style   string   // cell style: "display", "text", "script"
	addJot  bool
	stretch float64
	tags    []*node // per row: nil for no tag
	autoTag []bool
}

type colSpec struct {
	sep   string // "|" or ":" for a separator, "" for a column
	align byte   // 'l', 'c', 'r'
}

func (p *parser) environment(n *node, name string, nameGroup *node) *node {
	if nameGroup.typ != "ordgroup" {
		panic(fail(nameGroup.pos, "Invalid environment name"))
	}
	var b strings.Builder
	for _, c := range nameGroup.body {
		if c.typ == "textord" {
			b.WriteString(c.text)
		} else if c.typ == "spacing" && c.text == " " {
			b.WriteByte(' ')
		} else {
			panic(fail(nameGroup.pos, "Environment name should contain only text characters and spaces"))
		}
	}
	envName := b.String()
	if name == "\\end" {
		n.left = envName
		return n
	}
	spec, ok := environmentSpecs[envName]
	if !ok {
		panic(fail(nameGroup.pos, "No such environment: "+envName))
	}
	args, _ := p.parseArguments("\\begin{"+envName+"}", &spec)
	res := p.envHandler(envName, args, n.pos)
	p.expect("\\end", false)
	endTok := p.fetch()
	end := p.parseFunction("", "")
	if end.left != envName {
		panic(fail(endTok.pos, "Mismatch: \\begin{"+envName+"} matched by \\end{"+end.left+"}"))
	}
	return res
}

func (p *parser) requireDisplay(env string, pos int) {
	if !p.display {
		panic(fail(-1, "{"+env+"} can be used only in display mode."))
	}
}

// autoTagOf is KaTeX's getAutoTag: numbered environments (align, gather,
// equation) get automatic tags, starred ones do not, "ed" ones have none.
func autoTagOf(env string) (tags, auto bool) {
	if strings.Contains(env, "ed") {
		return false, false
	}
	return true, !strings.Contains(env, "*")
}

type arrayOpts struct {
	cols          []colSpec
	colSep        string
	addJot        bool
	stretch       float64
	hasTags, auto bool
	singleRow     bool
	emptySingle   bool
	maxCols       int
}

func (p *parser) envHandler(env string, args []*node, pos int) *node {
	wrap := func(a *array, l, r string) *node {
		t := p.arena.node(node{typ: "array", mode: p.mode, arr: a, pos: pos})
		if l == "" && r == "" {
			return t
		}
		return p.arena.node(node{typ: "leftright", mode: p.mode, body: []*node{t}, left: l, right: r, pos: pos})
	}
	dstyle := "text"
	if env[0] == 'd' {
		dstyle = "display"
	}
	switch env {
	case "array", "darray":
		var spec []*node
		if isSymbolNode(args[0]) {
			spec = []*node{args[0]}
		} else if args[0].typ == "ordgroup" {
			spec = args[0].body
		} else {
			panic(fail(args[0].pos, "Expected node of type ordgroup, but got node of type "+args[0].typ))
		}
		var cols []colSpec
		for _, c := range spec {
			if !isSymbolNode(c) {
				panic(fail(c.pos, "Expected node of symbol group type, but got node of type "+c.typ))
			}
			switch c.text {
			case "l", "c", "r":
				cols = append(cols, colSpec{align: c.text[0]})
			case "|", ":":
				cols = append(cols, colSpec{sep: c.text})
			default:
				panic(fail(c.pos, "Unknown column alignment: "+c.text))
			}
		}
		a := p.parseArray(env, arrayOpts{cols: cols, maxCols: len(cols)}, dstyle)
		return wrap(a, "", "")
	case "matrix", "pmatrix", "bmatrix", "Bmatrix", "vmatrix", "Vmatrix",
		"matrix*", "pmatrix*", "bmatrix*", "Bmatrix*", "vmatrix*", "Vmatrix*":
		align := byte('c')
		if strings.HasSuffix(env, "*") {
			p.consumeSpaces()
			if p.fetch().text == "[" {
				p.consume()
				p.consumeSpaces()
				t := p.fetch()
				if t.text != "l" && t.text != "c" && t.text != "r" {
					panic(fail(t.pos, "Expected l or c or r"))
				}
				align = t.text[0]
				p.consume()
				p.consumeSpaces()
				p.expect("]", true)
			}
		}
		a := p.parseArray(env, arrayOpts{}, dstyle)
		n := 0
		for _, r := range a.rows {
			n = max(n, len(r))
		}
		a.cols = make([]colSpec, n)
		for i := range a.cols {
			a.cols[i].align = align
		}
		d := map[string][2]string{"pmatrix": {"(", ")"}, "bmatrix": {"[", "]"},
			"Bmatrix": {"\\{", "\\}"}, "vmatrix": {"|", "|"}, "Vmatrix": {"\\Vert", "\\Vert"}}[strings.TrimSuffix(env, "*")]
		return wrap(a, d[0], d[1])
	case "smallmatrix":
		a := p.parseArray(env, arrayOpts{stretch: 0.5}, "script")
		a.colSep = "small"
		return wrap(a, "", "")
	case "subarray":
		var spec []*node
		if isSymbolNode(args[0]) {
			spec = []*node{args[0]}
		} else {
			spec = args[0].body
		}
		var cols []colSpec
		for _, c := range spec {
			if !isSymbolNode(c) || (c.text != "l" && c.text != "c") {
				panic(fail(c.pos, "Unknown column alignment: "+c.text))
			}
			cols = append(cols, colSpec{align: c.text[0]})
		}
		if len(cols) > 1 {
			panic(fail(-1, "{subarray} can contain only one column"))
		}
		a := p.parseArray(env, arrayOpts{cols: cols, stretch: 0.5}, "script")
		if len(a.rows) > 0 && len(a.rows[0]) > 1 {
			panic(fail(-1, "{subarray} can contain only one column"))
		}
		return wrap(a, "", "")
	case "cases", "dcases", "rcases", "drcases":
		a := p.parseArray(env, arrayOpts{stretch: 1.2, cols: []colSpec{{align: 'l'}, {align: 'l'}}}, dstyle)
		if strings.Contains(env, "r") {
			return wrap(a, ".", "\\}")
		}
		return wrap(a, "\\{", ".")
	case "align", "align*", "aligned", "split", "alignat", "alignat*", "alignedat":
		return wrap(p.aligned(env, args), "", "")
	case "gathered", "gather", "gather*":
		if env != "gathered" {
			p.requireDisplay(env, pos)
		}
		t, auto := autoTagOf(env)
		a := p.parseArray(env, arrayOpts{cols: []colSpec{{align: 'c'}}, addJot: true, colSep: "gather",
			hasTags: t, auto: auto, emptySingle: true}, "display")
		return wrap(a, "", "")
	case "equation", "equation*":
		p.requireDisplay(env, pos)
		t, auto := autoTagOf(env)
		a := p.parseArray(env, arrayOpts{hasTags: t, auto: auto, emptySingle: true, singleRow: true, maxCols: 1}, "display")
		return wrap(a, "", "")
	case "CD":
		p.requireDisplay(env, pos)
		panic(unsupported{"{CD}"})
	}
	panic(unsupported{"{" + env + "}"})
}

func (p *parser) aligned(env string, args []*node) *array {
	if !strings.Contains(env, "ed") {
		p.requireDisplay(env, 0)
	}
	split := env == "split"
	t, auto := autoTagOf(env)
	if split {
		t, auto = false, false
	}
	o := arrayOpts{addJot: true, hasTags: t, auto: auto, emptySingle: true, colSep: "align"}
	if strings.Contains(env, "at") {
		o.colSep = "alignat"
	}
	if split {
		o.maxCols = 2
	}
	a := p.parseArray(env, o, "display")
	numMaths, numCols := 0, 0
	if len(args) > 0 && args[0].typ == "ordgroup" {
		const msg = "Number of columns should be a positive integer"
		var b strings.Builder
		for _, c := range args[0].body {
			if c.typ != "textord" {
				panic(fail(args[0].pos, msg))
			}
			b.WriteString(c.text)
		}
		s := b.String()
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 || strings.ContainsAny(s, "+-") {
			panic(fail(args[0].pos, msg))
		}
		numMaths, numCols = v, v*2
	}
	isAligned := numCols == 0
	for _, row := range a.rows {
		if !isAligned {
			if cur := len(row) / 2; numMaths < cur {
				panic(fail(-1, "Too many math in a row: expected "+strconv.Itoa(numMaths)+", but got "+strconv.Itoa(cur)))
			}
		} else if numCols < len(row) {
			numCols = len(row)
		}
	}
	a.cols = make([]colSpec, numCols)
	for i := range a.cols {
		a.cols[i].align = 'r'
		if i%2 == 1 {
			a.cols[i].align = 'l'
		}
	}
	a.colSep = "align"
	if !isAligned {
		a.colSep = "alignat"
	}
	return a
}

func (p *parser) getHLines() []bool {
	var h []bool
	p.consumeSpaces()
	next := p.fetch().text
	if next == "\\relax" {
		p.consume()
		p.consumeSpaces()
		next = p.fetch().text
	}
	for next == "\\hline" || next == "\\hdashline" {
		p.consume()
		h = append(h, next == "\\hdashline")
		p.consumeSpaces()
		next = p.fetch().text
	}
	return h
}

// parseArray is KaTeX's parseArray: cells separated by & and rows by \\,
// up to \end.
func (p *parser) parseArray(env string, o arrayOpts, style string) *array {
	g := p.gullet
	g.beginGroup()
	if !o.singleRow {
		g.macros.set("\\cr", &macro{str: "\\\\\\relax", isStr: true}, false)
	}
	a := &array{env: env, cols: o.cols, colSep: o.colSep, style: style, addJot: o.addJot, stretch: o.stretch}
	if a.stretch == 0 {
		a.stretch = 1
		if s, ok := g.expandMacroAsText("\\arraystretch"); ok {
			v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
			if err != nil || v <= 0 {
				panic(fail(-1, "Invalid \\arraystretch: "+s))
			}
			a.stretch = v
		}
	}
	g.beginGroup()
	var row []*node
	beginRow := func() {
		if o.auto {
			g.macros.set("\\@eqnsw", &macro{str: "1", isStr: true}, true)
		}
	}
	endRow := func() {
		if !o.hasTags {
			return
		}
		if g.macros.get("\\df@tag") != nil {
			t := p.subparse([]token{{text: "\\df@tag", pos: p.fetch().pos}})
			a.tags = append(a.tags, p.arena.node(node{typ: "ordgroup", body: t}))
			a.autoTag = append(a.autoTag, false)
			g.macros.set("\\df@tag", nil, true)
		} else {
			eq := g.macros.get("\\@eqnsw")
			a.tags = append(a.tags, nil)
			a.autoTag = append(a.autoTag, o.auto && eq != nil && eq.isStr && eq.str == "1")
		}
	}
	beginRow()
	a.hlines = append(a.hlines, p.getHLines())
	breakOn := "\\\\"
	if o.singleRow {
		breakOn = "\\end"
	}
	for {
		body := p.parseExpression(false, breakOn)
		g.endGroup()
		g.beginGroup()
		cell := p.arena.node(node{typ: "ordgroup", mode: p.mode, body: body})
		row = append(row, cell)
		next := p.fetch()
		switch next.text {
		case "&":
			if o.maxCols > 0 && len(row) == o.maxCols && (o.singleRow || o.colSep != "") {
				panic(fail(next.pos, "Too many tab characters: &"))
			}
			p.consume()
			continue
		case "\\end":
			endRow()
			a.rows = append(a.rows, row)
			last := len(a.tags) - 1
			if len(row) == 1 && len(cell.body) == 0 && (len(a.rows) > 1 || !o.emptySingle) &&
				!(last >= 0 && a.tags[last] != nil) && !(o.auto && last >= 0 && a.autoTag[last]) {
				a.rows = a.rows[:len(a.rows)-1]
				if o.hasTags {
					a.tags, a.autoTag = a.tags[:last], a.autoTag[:last]
				}
			}
			if len(a.hlines) < len(a.rows)+1 {
				a.hlines = append(a.hlines, nil)
			}
		case "\\\\":
			p.consume()
			if g.future().text != " " {
				p.parseSizeGroup(true)
			}
			endRow()
			a.hlines = append(a.hlines, p.getHLines())
			a.rows = append(a.rows, row)
			row = nil
			beginRow()
			continue
		default:
			panic(fail(next.pos, "Expected & or \\\\ or \\cr or \\end"))
		}
		break
	}
	g.endGroup()
	g.endGroup()
	return a
}

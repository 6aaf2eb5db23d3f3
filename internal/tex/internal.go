package tex

// Macro definitions: \def, \gdef, \edef, \xdef, \let, \futurelet, \global,
// \long, as KaTeX's functions/def.ts.

var globalMap = map[string]string{
	"\\global": "\\global", "\\long": "\\\\globallong", "\\\\globallong": "\\\\globallong",
	"\\def": "\\gdef", "\\gdef": "\\gdef", "\\edef": "\\xdef", "\\xdef": "\\xdef",
	"\\let": "\\\\globallet", "\\futurelet": "\\\\globalfuture",
}

func checkControlSequence(t token) string {
	switch t.text {
	case "\\", "{", "}", "$", "&", "#", "^", "_", eof:
		panic(fail(t.pos, "Expected a control sequence"))
	}
	return t.text
}

func (p *parser) internal(n *node, name string, tok token) *node {
	g := p.gullet
	switch name {
	case "\\global", "\\long", "\\\\globallong":
		p.consumeSpaces()
		t := p.fetch()
		if _, ok := globalMap[t.text]; ok {
			if name == "\\global" || name == "\\\\globallong" {
				p.next.text = globalMap[t.text]
			}
			r := p.parseFunction("", "")
			if r == nil || r.typ != "internal" {
				panic(fail(t.pos, "Expected node of type internal"))
			}
			return r
		}
		panic(fail(t.pos, "Invalid token after macro prefix"))
	case "\\def", "\\gdef", "\\edef", "\\xdef":
		t := g.popToken()
		mname := t.text
		checkControlSequence(t)
		numArgs := 0
		var insert *token
		delims := [][]string{{}}
		for g.future().text != "{" {
			t = g.popToken()
			if t.text == "#" {
				if g.future().text == "{" {
					f := g.future()
					insert = &f
					delims[numArgs] = append(delims[numArgs], "{")
					break
				}
				t = g.popToken()
				if len(t.text) != 1 || t.text[0] < '1' || t.text[0] > '9' {
					panic(fail(t.pos, "Invalid argument number \""+t.text+"\""))
				}
				if int(t.text[0]-'0') != numArgs+1 {
					panic(fail(t.pos, "Argument number \""+t.text+"\" out of order"))
				}
				numArgs++
				delims = append(delims, []string{})
			} else if t.text == eof {
				panic(fail(t.pos, "Expected a macro definition"))
			} else {
				delims[numArgs] = append(delims[numArgs], t.text)
			}
		}
		toks, _, _ := g.consumeArg(nil, nil)
		if insert != nil {
			toks = append([]token{*insert}, toks...)
		}
		if name == "\\edef" || name == "\\xdef" {
			toks = g.expandTokens(toks, tok)
			reverse(toks)
		}
		g.macros.set(mname, &macro{tokens: toks, numArgs: numArgs, delimiters: delims}, name == globalMap[name])
	case "\\let", "\\\\globallet":
		mname := checkControlSequence(g.popToken())
		g.consumeSpaces()
		t := g.popToken()
		if t.text == "=" {
			t = g.popToken()
			if t.text == " " {
				t = g.popToken()
			}
		}
		p.let(mname, t, name == "\\\\globallet")
	case "\\futurelet", "\\\\globalfuture":
		mname := checkControlSequence(g.popToken())
		middle := g.popToken()
		t := g.popToken()
		p.let(mname, t, name == "\\\\globalfuture")
		g.pushToken(t)
		g.pushToken(middle)
	}
	n.typ = "internal"
	return n
}

func (p *parser) let(name string, t token, global bool) {
	m := p.gullet.macros.get(t.text)
	if m == nil {
		t.noexpand = true
		m = &macro{tokens: []token{t}, unexpandable: !p.gullet.isExpandable(t.text)}
	}
	p.gullet.macros.set(name, m, global)
}

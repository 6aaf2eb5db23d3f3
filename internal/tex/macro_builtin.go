package tex

import "strconv"

// goMacros are the macros KaTeX writes as code rather than as TeX.
var goMacros map[string]func(e *expander, at token) *macro

func init() {
	goMacros = map[string]func(e *expander, at token) *macro{
		"\\noexpand": func(e *expander, at token) *macro {
			t := e.popToken()
			if e.isExpandable(t.text) {
				t.noexpand, t.treatAsRelax = true, true
			}
			return &macro{tokens: []token{t}}
		},
		"\\expandafter": func(e *expander, at token) *macro {
			t := e.popToken()
			e.expandOnce(true)
			return &macro{tokens: []token{t}}
		},
		"\\@firstoftwo": func(e *expander, at token) *macro {
			return &macro{tokens: e.consumeArgs(2, nil, at)[0]}
		},
		"\\@secondoftwo": func(e *expander, at token) *macro {
			return &macro{tokens: e.consumeArgs(2, nil, at)[1]}
		},
		"\\@ifnextchar": func(e *expander, at token) *macro {
			args := e.consumeArgs(3, nil, at)
			e.consumeSpaces()
			next := e.future()
			if len(args[0]) == 1 && args[0][0].text == next.text {
				return &macro{tokens: args[1]}
			}
			return &macro{tokens: args[2]}
		},
		"\\TextOrMath": func(e *expander, at token) *macro {
			args := e.consumeArgs(2, nil, at)
			if e.mode == modeText {
				return &macro{tokens: args[0]}
			}
			return &macro{tokens: args[1]}
		},
		"\\char":           charMacro,
		"\\newcommand":     newcommand(false, true, false),
		"\\renewcommand":   newcommand(true, false, false),
		"\\providecommand": newcommand(true, true, true),
		"\\message": func(e *expander, at token) *macro {
			e.consumeArgs(1, nil, at)
			return stringMacro("")
		},
		"\\errmessage": func(e *expander, at token) *macro {
			e.consumeArgs(1, nil, at)
			return stringMacro("")
		},
		"\\show": func(e *expander, at token) *macro {
			e.popToken()
			return stringMacro("")
		},
		"\\dots": func(e *expander, at token) *macro {
			e.expandOnce(false)
			next := e.future().text
			dots := "\\dotso"
			if d, ok := dotsByToken[next]; ok {
				dots = d
			} else if len(next) >= 4 && next[:4] == "\\not" {
				dots = "\\dotsb"
			} else if s, ok := mathSymbols[next]; ok && (s.group == gBin || s.group == gRel) {
				dots = "\\dotsb"
			}
			return stringMacro(dots)
		},
		"\\dotso": func(e *expander, at token) *macro {
			if spaceAfterDots[e.future().text] {
				return stringMacro("\\ldots\\,")
			}
			return stringMacro("\\ldots")
		},
		"\\dotsc": func(e *expander, at token) *macro {
			if n := e.future().text; spaceAfterDots[n] && n != "," {
				return stringMacro("\\ldots\\,")
			}
			return stringMacro("\\ldots")
		},
		"\\cdots": func(e *expander, at token) *macro {
			if spaceAfterDots[e.future().text] {
				return stringMacro("\\@cdots\\,")
			}
			return stringMacro("\\@cdots")
		},
		"\\tag@literal": func(e *expander, at token) *macro {
			if e.macros.get("\\df@tag") != nil {
				panic(fail(at.pos, "Multiple \\tag"))
			}
			return stringMacro("\\gdef\\df@tag{\\text{#1}}")
		},
		"\\bra@ket": func(e *expander, at token) *macro { panic(unsupported{"\\Braket"}) },
		"\\bra@set": func(e *expander, at token) *macro { panic(unsupported{"\\Set"}) },
	}
	for name, s := range builtinMacros {
		builtins[name] = &macro{str: s, isStr: true}
	}
	for name, fn := range goMacros {
		builtins[name] = &macro{fn: fn}
	}
	for name := range builtins {
		if len(name) == 1 {
			asciiMacro[name[0]] = true
		}
	}
	bodies := []string{"", "\\ldots\\,", "\\ldots", "\\@cdots\\,", "\\@cdots", "\\gdef\\df@tag{\\text{#1}}",
		"\\dotso", "\\\\\\relax", "1"} // the bodies the Go macros and environments use
	for _, s := range builtinMacros {
		bodies = append(bodies, s)
	}
	for _, s := range dotsByToken {
		bodies = append(bodies, s)
	}
	for _, s := range bodies {
		lexedBodies[s] = lexMacro(s)
	}
}

var dotsByToken = map[string]string{
	",": "\\dotsc", "\\not": "\\dotsb", "+": "\\dotsb", "=": "\\dotsb", "<": "\\dotsb",
	">": "\\dotsb", "-": "\\dotsb", "*": "\\dotsb", ":": "\\dotsb", "\\DOTSB": "\\dotsb",
	"\\coprod": "\\dotsb", "\\bigvee": "\\dotsb", "\\bigwedge": "\\dotsb", "\\biguplus": "\\dotsb",
	"\\bigcap": "\\dotsb", "\\bigcup": "\\dotsb", "\\prod": "\\dotsb", "\\sum": "\\dotsb",
	"\\bigotimes": "\\dotsb", "\\bigoplus": "\\dotsb", "\\bigodot": "\\dotsb", "\\bigsqcup": "\\dotsb",
	"\\And": "\\dotsb", "\\longrightarrow": "\\dotsb", "\\Longrightarrow": "\\dotsb",
	"\\longleftarrow": "\\dotsb", "\\Longleftarrow": "\\dotsb", "\\longleftrightarrow": "\\dotsb",
	"\\Longleftrightarrow": "\\dotsb", "\\mapsto": "\\dotsb", "\\longmapsto": "\\dotsb",
	"\\hookrightarrow": "\\dotsb", "\\doteq": "\\dotsb", "\\mathbin": "\\dotsb", "\\mathrel": "\\dotsb",
	"\\relbar": "\\dotsb", "\\Relbar": "\\dotsb", "\\xrightarrow": "\\dotsb", "\\xleftarrow": "\\dotsb",
	"\\DOTSI": "\\dotsi", "\\int": "\\dotsi", "\\oint": "\\dotsi", "\\iint": "\\dotsi",
	"\\iiint": "\\dotsi", "\\iiiint": "\\dotsi", "\\idotsint": "\\dotsi", "\\DOTSX": "\\dotsx",
}

var spaceAfterDots = map[string]bool{
	")": true, "]": true, "\\rbrack": true, "\\}": true, "\\rbrace": true, "\\rangle": true,
	"\\rceil": true, "\\rfloor": true, "\\rgroup": true, "\\rmoustache": true, "\\right": true,
	"\\bigr": true, "\\biggr": true, "\\Bigr": true, "\\Biggr": true, "$": true, ";": true,
	".": true, ",": true,
}

func digitValue(s string) int {
	if len(s) != 1 {
		return -1
	}
	c := s[0]
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

func charMacro(e *expander, at token) *macro {
	tok := e.popToken()
	base, number := 0, 0
	switch tok.text {
	case "'":
		base = 8
		tok = e.popToken()
	case "\"":
		base = 16
		tok = e.popToken()
	case "`":
		tok = e.popToken()
		switch {
		case tok.text == eof:
			panic(fail(tok.pos, "\\char` missing argument"))
		case tok.text[0] == '\\':
			number = utf16At(tok.text, 1)
		default:
			number = utf16At(tok.text, 0)
		}
	default:
		base = 10
	}
	if base > 0 {
		number = digitValue(tok.text)
		if number < 0 || number >= base {
			panic(fail(tok.pos, "Invalid base-"+strconv.Itoa(base)+" digit "+tok.text))
		}
		for {
			d := digitValue(e.future().text)
			if d < 0 || d >= base {
				break
			}
			number = number*base + d
			e.popToken()
		}
	}
	return stringMacro("\\@char{" + strconv.Itoa(number) + "}")
}

// utf16At is JavaScript's charCodeAt: the i-th UTF-16 unit of s.
func utf16At(s string, i int) int {
	n := 0
	for _, r := range s {
		units := []int{int(r)}
		if r > 0xffff {
			r -= 0x10000
			units = []int{0xd800 + int(r>>10), 0xdc00 + int(r&0x3ff)}
		}
		for _, u := range units {
			if n == i {
				return u
			}
			n++
		}
	}
	return 0 // NaN in JS; \@char then rejects it
}

func newcommand(existsOK, nonexistsOK, skipIfExists bool) func(e *expander, at token) *macro {
	return func(e *expander, at token) *macro {
		arg, _, _ := e.consumeArg(nil, nil)
		if len(arg) != 1 {
			panic(fail(at.pos, "\\newcommand's first argument must be a macro name"))
		}
		name := arg[0].text
		exists := e.isDefined(name)
		if exists && !existsOK {
			panic(fail(at.pos, "\\newcommand{"+name+"} attempting to redefine "+name+"; use \\renewcommand"))
		}
		if !exists && !nonexistsOK {
			panic(fail(at.pos, "\\renewcommand{"+name+"} when command "+name+" does not yet exist; use \\newcommand"))
		}
		numArgs := 0
		arg, _, _ = e.consumeArg(nil, nil)
		if len(arg) == 1 && arg[0].text == "[" {
			text := ""
			t := e.expandNextToken()
			for t.text != "]" && t.text != eof {
				text += t.text
				t = e.expandNextToken()
			}
			n, ok := parseArgCount(text)
			if !ok {
				panic(fail(at.pos, "Invalid number of arguments: "+text))
			}
			numArgs = n
			arg, _, _ = e.consumeArg(nil, nil)
		}
		if !(exists && skipIfExists) {
			e.macros.set(name, &macro{tokens: arg, numArgs: numArgs}, false)
		}
		return stringMacro("")
	}
}

// parseArgCount matches /^\s*[0-9]+\s*$/ and parses it as parseInt does.
func parseArgCount(s string) (int, bool) {
	i, j := 0, len(s)
	for i < j && isSpace(s[i]) {
		i++
	}
	for j > i && isSpace(s[j-1]) {
		j--
	}
	if i == j {
		return 0, false
	}
	n := 0
	for _, c := range []byte(s[i:j]) {
		if c < '0' || c > '9' {
			return 0, false
		}
		if n < 1e6 {
			n = n*10 + int(c-'0')
		}
	}
	return n, true
}

package tex

// Tables derived once from the generated ones, for the lookups made on
// every symbol: a string map costs a hash of the key, and most symbols
// are one ASCII character.

// symbolChar is what writer.text gives, per mode: Temml's replacement,
// else KaTeX's; a symbol with neither is its own character.
var symbolChar [2]map[string]string

// asciiChar is symbolChar for one-byte texts: "" where the text is its
// own character.
var asciiChar [2][128]string

// asciiSymbol is the symbols table of each mode for one-byte names.
var asciiSymbol [2][128]struct {
	sym   symbol
	known bool
}

func init() {
	tables := [2]struct {
		temml map[string]tsym
		katex map[string]symbol
	}{
		modeMath: {temmlMathSymbols, mathSymbols},
		modeText: {temmlTextSymbols, textSymbols},
	}
	for m, t := range tables {
		chars := map[string]string{}
		for name, s := range t.katex {
			if s.replace != "" {
				chars[name] = s.replace
			}
		}
		for name, s := range t.temml {
			if s.replace != "" {
				chars[name] = s.replace
			}
		}
		symbolChar[m] = chars
		for name, r := range chars {
			if len(name) == 1 && name[0] < 0x80 {
				asciiChar[m][name[0]] = r
			}
		}
		for name, s := range t.katex {
			if len(name) == 1 && name[0] < 0x80 {
				asciiSymbol[m][name[0]].sym, asciiSymbol[m][name[0]].known = s, true
			}
		}
	}
}

// lookupSymbol is symbolsFor(m)[name].
func lookupSymbol(m mode, name string) (symbol, bool) {
	if len(name) == 1 && name[0] < 0x80 {
		a := asciiSymbol[m][name[0]]
		return a.sym, a.known
	}
	s, ok := symbolsFor(m)[name]
	return s, ok
}

// mayBeUnicodeScript is false for a token that cannot be in
// unicodeSupSub: those are all beyond ASCII.
func mayBeUnicodeScript(text string) bool { return text != "" && text[0] >= 0x80 }

// mayOpen is false for a delimiter that cannot be in leftToRight: the
// open delimiters are ( [ \{ \l… and characters from U+2000 up.
func mayOpen(d string) bool {
	if d == "" {
		return false
	}
	switch d[0] {
	case '(', '[':
		return true
	case '\\':
		return len(d) > 1 && (d[1] == 'l' || d[1] == '{')
	}
	return d[0] >= 0xe2
}

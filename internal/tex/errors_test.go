package tex

import (
	"errors"
	"testing"
)

// brokenInputs are formulas KaTeX 0.19.1 rejects, with its message and the
// byte offset of its error (-1 where KaTeX gives no position). They were
// checked with testdata/temml/render.cjs.
var brokenInputs = []struct {
	tex    string
	msg    string
	offset int
}{
	{"{x", "Expected '}', got 'EOF'", 2},
	{"x}", "Expected 'EOF', got '}'", 1},
	{"\\frac{a}{b", "Unexpected end of input in a macro argument, expected '}'", 10},
	{"\\foo", "Undefined control sequence: \\foo", 0},
	{"a \\undefinedthing b", "Undefined control sequence: \\undefinedthing", 2},
	{"\\text{a_b}", "Expected 'EOF', got '_'", 7},
	{"\\text{a^b}", "Expected 'EOF', got '^'", 7},
	{"x_1_2", "Double subscript", 3},
	{"x^1^2", "Double superscript", 3},
	{"x'^2^3", "Double superscript", 4},
	{"a & b", "Expected 'EOF', got '&'", 2},
	{"\\right)", "Expected 'EOF', got '\\right'", 0},
	{"\\left( x", "Expected '\\right', got 'EOF'", 8},
	{"\\left( x \\right", "Expected group as argument to '\\right'", 15},
	{"\\begin{matrix} a", "Expected & or \\\\ or \\cr or \\end", 16},
	{"\\begin{matrix} a \\end{pmatrix}", "Mismatch: \\begin{matrix} matched by \\end{pmatrix}", 17},
	{"\\begin{foo} a \\end{foo}", "No such environment: foo", 6},
	{"\\frac{a}", "Unexpected end of input in a macro argument, expected '}'", 8},
	{"\\frac", "Unexpected end of input in a macro argument, expected '}'", 5},
	{"\\sqrt", "Expected group as argument to '\\sqrt'", 5},
	{"x^", "Expected group after '^'", 1},
	{"_", "Expected group after '_'", 0},
	{"\\left\\foo x \\right)", "Undefined control sequence: \\foo", 5},
	{"\\left x \\right)", "Invalid delimiter 'x' after '\\left'", 6},
	{"\\middle| x", "\\middle without preceding \\left", 7},
	{"\\def\\a{\\a\\a}\\a", "Too many expansions: infinite loop or need to increase maxExpand setting", -1},
	{"\\def\\a{\\a}\\a", "Too many expansions: infinite loop or need to increase maxExpand setting", -1},
	{"\\newcommand{\\x}{a}\\newcommand{\\x}{b}", "\\newcommand{\\x} attempting to redefine \\x; use \\renewcommand", -1},
	{"\\renewcommand{\\nothere}{a}", "\\renewcommand{\\nothere} when command \\nothere does not yet exist; use \\newcommand", -1},
	{"\\tag{1}\\tag{2} x", "Multiple \\tag", -1},
	{"\\color{#12}{x}", "Invalid color: '#12'", 6},
	{"\\textcolor{not a color}{x}", "Invalid color: 'not a color'", 10},
	{"\\kern{3zz}", "Invalid unit: 'zz'", 5},
	{"\\hspace{abc}", "Invalid size: 'a'", 8},
	{"a \\over b \\over c", "only one infix operator per group", 10},
	{"\\begin{array}{lxr} a \\end{array}", "Unknown column alignment: x", 15},
	{"\\begin{split} a & b & c \\end{split}", "Too many tab characters: &", 20},
	{"\\hline", "\\hline valid only within array environment", -1},
	{"\\verb|abc", "\\verb ended by end of line instead of matching delimiter", -1},
	{"a\\limits", "Limit controls must follow a math operator", 1},
	{"\\mathbb", "Unexpected end of input in a macro argument, expected '}'", 7},
	{"\\char\"ZZ", "Invalid base-16 digit Z", -1},
	{"\\operatorname{", "Unexpected end of input in a macro argument, expected '}'", 14},
	{"}{", "Expected 'EOF', got '}'", 0},
	{"\\begin{cases} a \\\\ b", "Expected & or \\\\ or \\cr or \\end", 20},
	{"\\text{\\frac{a}{b}}", "Can't use function '\\frac' in text mode", 6},
	{"\\(x", "Can't use function '\\(' in math mode", 0},
	{"\\)", "Can't use function '\\)' in math mode", 0},
	{"\\left(\\begin{matrix}a\\end{matrix}", "Expected '\\right', got 'EOF'", 33},
	{"\\overset{a}", "Unexpected end of input in a macro argument, expected '}'", 11},
	{"\\xrightarrow", "Unexpected end of input in a macro argument, expected '}'", 12},
	{"\\binom{n}", "Unexpected end of input in a macro argument, expected '}'", 9},
	{"\\mathrm{a}}", "Expected 'EOF', got '}'", 10},
	{"\\text{$x}", "Expected '$', got 'EOF'", 8},
	{"\\begin{alignedat}{x} a \\end{alignedat}", "Number of columns should be a positive integer", 17},
	{"\\def\\x#2{a}\\x", "Argument number \"2\" out of order", -1},
	{"\\\\ \\end{matrix}", "Expected 'EOF', got '\\end'", 3},
	{"\\begin{matrix} a \\\\ b \\end{matrix}}", "Expected 'EOF', got '}'", 34},
	{"x^{", "Expected '}', got 'EOF'", 3},
	{"\\verb@", "\\verb assertion failed --\n                    please report what input caused this bug", -1},
	{"\\begin{align} a \\end{align}", "{align} can be used only in display mode.", -1},
	{"\\tag{1} x", "\\tag works only in display equations", -1},
}

func TestBrokenInputs(t *testing.T) {
	for i, c := range brokenInputs {
		display := i < len(brokenInputs)-2
		_, err := MathML(c.tex, display)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%q: got %v, want error %q", c.tex, err, c.msg)
			continue
		}
		if e.Message != c.msg || c.offset >= 0 && e.Offset != c.offset {
			t.Errorf("%q: got %q at %d, want %q at %d", c.tex, e.Message, e.Offset, c.msg, c.offset)
		}
		if cerr := Check(c.tex, display); cerr == nil || cerr.Error() != err.Error() {
			t.Errorf("Check(%q) = %v, MathML's error is %v", c.tex, cerr, err)
		}
	}
}

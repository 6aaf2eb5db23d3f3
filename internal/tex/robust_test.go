package tex

import (
	"errors"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestHostileInputs: no input may hang, panic or recurse without bound.
func TestHostileInputs(t *testing.T) {
	cases := []struct {
		name, tex string
		msg       string // want an *Error with this message prefix; "" for success
	}{
		{"100 KB formula", strings.Repeat(`x_{i}^2 + \frac{a}{b} - \text{文字} `, 100_000/36), ""},
		{"10,000 nested braces", strings.Repeat("{", 10_000) + "x" + strings.Repeat("}", 10_000), "Too deeply nested"},
		{"10,000 nested \\sqrt", strings.Repeat(`\sqrt{`, 10_000) + "x" + strings.Repeat("}", 10_000), "Too deeply nested"},
		{"10,000 nested \\left(", strings.Repeat(`\left(`, 10_000) + "x" + strings.Repeat(`\right)`, 10_000), "Too deeply nested"},
		{"5,000 nested superscripts", strings.Repeat("x^{", 5_000) + "y" + strings.Repeat("}", 5_000), "Too deeply nested"},
		{"macro bomb", `\def\a{\a\a}\a`, "Too many expansions"},
		{"self-recursive macro", `\def\a{\a}\a`, "Too many expansions"},
		{"doubling argument", `\def\a#1{\a{#1#1}}\a x`, "Too many expansions"},
		{"newcommand bomb", `\newcommand{\b}{\b\b}\b`, "Too many expansions"},
		{"100,000 unbalanced braces", strings.Repeat("{", 100_000), "Too deeply nested"},
		{"long unicode subscripts", "x" + strings.Repeat("₁", 30_000), ""},
		{"long text ligatures", `\text{` + strings.Repeat("-", 60_000) + `}`, ""},
	}
	for _, c := range cases {
		// Bounded work, measured in bytes allocated (a busy machine slows
		// the clock, not this): today the worst is 650 bytes per input byte
		// (60,000 ligatures) and 57 MB for a macro that doubles its argument
		// up to the expansion limit; a blow-up goes far past both.
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		_, err := MathML(c.tex, true)
		runtime.ReadMemStats(&after)
		alloc := after.TotalAlloc - before.TotalAlloc
		t.Logf("%s: %v, %d KB allocated", c.name, time.Since(start), alloc>>10)
		if limit := uint64(1024*len(c.tex) + 64<<20); alloc > limit {
			t.Errorf("%s: allocated %d KB for %d bytes of input (limit %d KB)", c.name, alloc>>10, len(c.tex), limit>>10)
		}
		var e *Error
		switch {
		case c.msg == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.msg != "" && !errors.As(err, &e):
			t.Errorf("%s: got %v, want error %q", c.name, err, c.msg)
		case c.msg != "" && !strings.HasPrefix(e.Message, c.msg):
			t.Errorf("%s: got %q, want %q", c.name, e.Message, c.msg)
		}
	}
}

// TestEscaping: text reaches the output escaped.
func TestEscaping(t *testing.T) {
	out, err := MathML(`a < b \text{"\&"} > c`, false)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, `"&"`) || !strings.Contains(out, "&lt;") || !strings.Contains(out, "&quot;&amp;&quot;") {
		t.Errorf("badly escaped: %s", out)
	}
	if !strings.HasPrefix(out, "<math><semantics>") || !strings.Contains(out, `<annotation encoding="application/x-tex">a &lt; b`) {
		t.Errorf("no annotation: %s", out)
	}
	out, _ = MathML("x", true)
	if !strings.HasPrefix(out, `<math display="block"`) {
		t.Errorf("display: %s", out)
	}
}

// TestErrorPosition: Line and Column count code points within the formula.
func TestErrorPosition(t *testing.T) {
	_, err := MathML("α + β\n  \\foo", false)
	var e *Error
	if !errors.As(err, &e) || e.Line != 2 || e.Column != 3 || e.Offset != len("α + β\n  ") {
		t.Fatalf("got %#v", err)
	}
}

func FuzzMathML(f *testing.F) {
	for _, s := range []string{
		`\frac{a}{b}`, `x_1^2`, `\left( x \middle| y \right)`, `\begin{cases} a & b \\ c \end{cases}`,
		`\def\a#1{#1#1}\a{x}`, `\text{中文 $x$}`, `\sqrt[3]{x}`, `\verb|x|`, `{`, `\begin{array}{c|l} a & b \end{array}`,
		`x''^2`, `\char"41`, `\operatorname*{max}_x`, `\not\in`, `a \over b`, `₁₂`, `\tag{1} x`, `\verb@`, `\verb@x@`,
	} {
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, tex string, display bool) {
		out, err := MathML(tex, display)
		var e *Error
		if err != nil && !errors.As(err, &e) && !errors.Is(err, ErrUnsupported) {
			t.Fatalf("unexpected error type %T: %v", err, err)
		}
		if err == nil && !strings.HasPrefix(out, "<math") {
			t.Fatalf("no <math>: %q", out)
		}
		if e != nil && (e.Offset < 0 || e.Offset > len(tex)) {
			t.Fatalf("offset %d out of range", e.Offset)
		}
		if cerr := Check(tex, display); (cerr == nil) != (err == nil) || cerr != nil && cerr.Error() != err.Error() {
			t.Fatalf("Check and MathML disagree: %v / %v", cerr, err)
		}
	})
}

// TestPlaceholderBeyondArguments: a body that names an argument the macro
// does not take is an error, not a crash (found by FuzzMathML).
func TestPlaceholderBeyondArguments(t *testing.T) {
	for _, src := range []string{`\def\a#1{#2}\a00`, `\newcommand{\b}[1]{#3}\b{x}`} {
		if err := Check(src, false); err == nil {
			t.Errorf("Check(%q) accepted", src)
		}
		if _, err := MathML(src, false); err == nil {
			t.Errorf("MathML(%q) accepted", src)
		}
	}
}

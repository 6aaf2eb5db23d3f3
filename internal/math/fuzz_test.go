package math

import (
	"docsite/internal/sitetest"

	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// failing is a Renderer that rejects formulas containing "bad", so the
// fuzzers also exercise the error output.
type failing struct{}

func (failing) Render(tex string, display bool) (string, error) {
	if strings.Contains(tex, "bad") {
		return "", &ParseError{Message: "bad <formula> \"" + tex + "\""}
	}
	return "<span class=\"katex\">" + strings.Repeat("x", len(tex)%7) + "</span>", nil
}

// checkWellFormed parses and renders src and checks the invariants every
// document must keep: each formula points at its opening delimiter in the
// source, is written out exactly once, and its TeX never leaks unescaped.
func checkWellFormed(t *testing.T, src []byte) {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, New(WithRenderer(failing{}))))
	doc := md.Parser().Parse(text.NewReader(src))
	formulas := Collect(doc)
	for _, f := range formulas {
		if f.Offset < 0 || f.Offset > len(src) {
			t.Fatalf("offset %d outside the source", f.Offset)
		}
		open := f.Open
		if strings.HasPrefix(open, "```") {
			open = "" // a fence may be ~~~ or longer
		}
		if !bytes.HasPrefix(src[f.Offset:], []byte(open)) {
			t.Fatalf("formula %q: source at offset %d is %q, want %q", f.TeX, f.Offset, src[f.Offset:min(len(src), f.Offset+10)], open)
		}
		if !f.Display && strings.TrimSpace(f.TeX) == "" {
			t.Fatalf("empty inline formula at %d", f.Offset)
		}
	}
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, src, doc); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	n := strings.Count(out, `<span class="math `) + strings.Count(out, `<div class="math `)
	if n != len(formulas) {
		t.Fatalf("%d formulas written, %d parsed:\n%s", n, len(formulas), out)
	}
	if strings.Contains(out, "<formula>") {
		t.Fatalf("error message not escaped:\n%s", out)
	}
}

func FuzzInlineMath(f *testing.F) {
	for _, s := range []string{
		"a $x^2$ b", "价格是 $5 和 $10", `\$100`, "`$x$`", "$x$5", "$ x$", "$x $",
		`\(x\)`, `\(x`, "$$x$$ in text", "$$$", `$\text{$5}$`, "$a\nb$", "$bad$",
		"$a$$b$", `$\$$`, `\\(x\\)`, "[$x$](u)", "*$a*b$*", "| $a|b$ |\n|--|\n| c |",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkWellFormed(t, []byte(s))
	})
}

func FuzzMathBlock(f *testing.F) {
	for _, s := range []string{
		"$$x$$", "$$\nx\n$$", "$$a\nb$$", "text\n$$x$$\nmore", "$$\nunclosed\n\nnext",
		"$$\nx\n$$ trailing", "\\[\nx\n\\]", `\[x\]`, "```math\nx\n```", "~~~~math\nbad\n~~~~",
		"- a\n\n  $$\n  x\n  $$", "> $$\n> x\n> $$", "> $$\n> x\n$$", "1. $$x$$\n2. $$\n   y\n   $$",
		"$$\n\n$$", "$$bad$$", "\t$$x$$", "    $$x$$", "$$\\\n$$",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkWellFormed(t, []byte(s))
	})
}

// TestNoQuadraticScan guards the per-paragraph memo: without it these
// paragraphs take minutes instead of milliseconds.
func TestNoQuadraticScan(t *testing.T) {
	n := 100000
	if raceEnabled {
		n = 10000
	}
	for _, unit := range []string{`\( a `, "$$ a ", "$a ", `$\text{ `} {
		src := []byte(strings.Repeat(unit, n))
		start := sitetest.CPUTime()
		checkWellFormed(t, src)
		if d := sitetest.CPUTime() - start; d > 20*time.Second {
			t.Errorf("%q×%d took %v", unit, n, d)
		}
	}
}

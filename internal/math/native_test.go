package math

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"docsite/internal/sitetest"
	"docsite/internal/tex"
)

func TestNativeRender(t *testing.T) {
	n := NewNative(nil)
	out, err := n.Render(`\text{资源} = R(T)`, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<math", "<mtext>资源</mtext>", `<annotation encoding="application/x-tex">\text{资源} = R(T)</annotation>`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if out, _ := n.Render(`\sum_i x_i`, true); !strings.HasPrefix(out, `<math display="block"`) {
		t.Errorf("display formula: %s", out)
	}
	_, err = n.Render(`\frac{1}{`, false)
	if !IsParseError(err) || !strings.HasPrefix(err.Error(), "KaTeX parse error: ") {
		t.Errorf("broken formula: %v", err)
	}
}

// TestNativeFallback sends what tex cannot typeset to KaTeX, as MathML
// alone, and starts KaTeX's runtime for that and nothing else.
func TestNativeFallback(t *testing.T) {
	k := newEngine(t, WithWorkers(1), WithMathMLOnly())
	n := NewNative(k)
	if _, err := n.Render(`x^2 + \frac{a}{b}`, false); err != nil {
		t.Fatal(err)
	}
	if got := k.Stats().Runtimes; got != 0 {
		t.Fatalf("a formula tex typesets started %d runtimes", got)
	}
	out, err := n.Render(`\href{https://example.org}{x}`, false)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "<math") || strings.Contains(out, "katex-html") {
		t.Errorf("fallback is not MathML alone: %s", out)
	}
	if s := n.Stats(); s.Native != 1 || s.Fallback != 1 || s.KaTeX.Runtimes != 1 {
		t.Errorf("stats %+v", s)
	}
	if _, err := NewNative(nil).Render(`\href{a}{b}`, false); !errors.Is(err, tex.ErrUnsupported) || IsParseError(err) {
		t.Errorf("without KaTeX: %v", err)
	}
}

// TestNativeDevSet typesets the shared dev set (real formulas with KaTeX's
// verdicts): the same verdicts, and KaTeX's runtime never started.
func TestNativeDevSet(t *testing.T) {
	path := sitetest.Shared(t, "fixtures", "formulas-dev.json")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var set struct {
		Formulas []struct {
			TeX     string `json:"tex"`
			Display bool   `json:"display"`
			OK      bool   `json:"katex_ok"`
		} `json:"formulas"`
	}
	if err := json.Unmarshal(raw, &set); err != nil {
		t.Fatal(err)
	}
	k := newEngine(t, WithWorkers(1), WithMathMLOnly())
	n := NewNative(k)
	start := time.Now()
	for _, f := range set.Formulas {
		_, err := n.Render(f.TeX, f.Display)
		if (err == nil) != f.OK {
			t.Errorf("%q: verdict %v, KaTeX's ok=%v", f.TeX, err, f.OK)
		}
	}
	s := n.Stats()
	t.Logf("%d formulas in %v, %d fell back to KaTeX", len(set.Formulas), time.Since(start), s.Fallback)
	if s.KaTeX.Runtimes != 0 {
		t.Errorf("KaTeX started for %d of the dev set", s.Fallback)
	}
}

// TestNativeRepeats: a formula seen again in the run, accepted or
// rejected, is answered from the memo with the first answer.
func TestNativeRepeats(t *testing.T) {
	n := NewNative(nil)
	type answer struct{ out, err string }
	render := func(src string, display bool) answer {
		out, err := n.Render(src, display)
		a := answer{out: out}
		if err != nil {
			a.err = err.Error()
		}
		return a
	}
	cases := []struct {
		tex     string
		display bool
	}{{`x^2`, false}, {`x^2`, true}, {`\frac{1}{`, false}}
	var first []answer
	for _, c := range cases {
		first = append(first, render(c.tex, c.display))
	}
	for i, c := range cases {
		if got := render(c.tex, c.display); got != first[i] {
			t.Errorf("%q again: %+v, first %+v", c.tex, got, first[i])
		}
	}
	if s := n.Stats(); s.Native != 3 || s.Repeats != 3 {
		t.Errorf("stats %+v: want 3 typeset (inline and display apart), 3 repeats", s)
	}
}

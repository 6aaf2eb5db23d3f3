package load

import (
	"testing"

	"docsite/internal/config"
	"docsite/internal/markdown"
	"docsite/internal/sitetest"
)

// TestMathOncePerFormula loads the real knowledge base and counts the
// engine's work: each distinct formula (source and display) is typeset
// once per run, its repeats on other pages come from the memo.
func TestMathOncePerFormula(t *testing.T) {
	dir := sitetest.Shared(t, "corpus-dev")
	pr := NewParser()
	defer pr.Close()
	s, err := pr.Site(Options{Content: dir, Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	type key struct {
		tex     string
		display bool
	}
	distinct := map[key]bool{}
	total := 0
	for _, p := range s.Pages {
		for _, f := range p.Math {
			distinct[key{f.TeX, f.Display}] = true
			total++
		}
	}
	st := pr.Math.Stats()
	typeset := st.Native + st.Fallback
	t.Logf("%d formulas, %d distinct: %d typeset natively, %d fell back, %d repeats", total, len(distinct), st.Native, st.Fallback, st.Repeats)
	if typeset+st.Repeats != int64(total) {
		t.Errorf("the engine answered %d times for %d formulas", typeset+st.Repeats, total)
	}
	// Pages parse side by side, and a page asking for a formula another is
	// typesetting waits for it: the count is exact on any machine.
	if typeset != int64(len(distinct)) {
		t.Errorf("typeset %d times for %d distinct formulas", typeset, len(distinct))
	}
}

// TestMathRepeatsKeepFindings: with one worker the count is exact, and a
// broken formula repeated on another page is a finding on both.
func TestMathRepeatsKeepFindings(t *testing.T) {
	dir := sitetest.Tree(t, "-- README.md --\n# 首页\n\n$x^2$ 与 $\\frac{1}{$\n\n$$x^2$$\n"+
		"-- other.md --\n# 另一页\n\n$x^2$ 又见 $\\frac{1}{$\n")
	pr := NewParser(WithWorkers(1))
	defer pr.Close()
	s, err := pr.Site(Options{Content: dir, Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	if st := pr.Math.Stats(); st.Native != 3 || st.Repeats != 2 {
		t.Errorf("stats %+v: want 3 typeset ($x^2$, $$x^2$$, the broken one), 2 repeats", st)
	}
	for _, p := range s.Pages {
		found := 0
		for _, d := range p.Diags {
			if d.Rule == markdown.RuleMathParse {
				found++
			}
		}
		if found != 1 {
			t.Errorf("%s: %d math/parse findings, want 1: %+v", p.Path, found, p.Diags)
		}
	}
}

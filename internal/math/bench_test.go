package math

import (
	"docsite/internal/sitetest"

	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"
)

// benchSet is formulas of the kind the corpus holds, a quarter display.
var benchSet = []struct {
	tex     string
	display bool
}{
	{`T = \{D, K, K_3, W, O\}`, false},
	{`D \subset K`, false},
	{`W \perp K`, false},
	{`\alpha, \beta, \gamma`, false},
	{`资源 = R(T)`, false},
	{`O(n \log n)`, false},
	{`p_{ij} = \frac{e^{s_{ij}}}{\sum_k e^{s_{ik}}}`, false},
	{`\mathbb{E}[X] = \sum_x x\,P(X = x)`, false},
	{`\lambda_{\max}`, false},
	{`f: A \to B`, false},
	{`\sqrt{a^2 + b^2}`, false},
	{`\text{延迟} \le 10\,\text{ms}`, false},
	{`\min_{T} \alpha \cdot R(T) + \beta \cdot S(T) - \gamma \cdot D(T)`, true},
	{`T* = \arg\min_{T \in \{D, K, K_3, W, O\}} \text{cost}(T, S)`, true},
	{`\begin{aligned} L &= -\sum_{i=1}^{N} y_i \log \hat{y}_i \\ &= H(y, \hat{y}) \end{aligned}`, true},
	{`\mathrm{Attention}(Q, K, V) = \mathrm{softmax}\left(\frac{QK^\top}{\sqrt{d_k}}\right) V`, true},
}

// distinct returns n formulas from benchSet made distinct by an index, so
// that none is a cache hit of another.
func distinct(n int) []struct {
	tex     string
	display bool
} {
	out := make([]struct {
		tex     string
		display bool
	}, n)
	for i := range out {
		f := benchSet[i%len(benchSet)]
		f.tex = fmt.Sprintf("%s + x_{%d}", f.tex, i)
		out[i] = f
	}
	return out
}

// BenchmarkKaTeXStartup is the cost of the first formula of a build that
// has to typeset anything: compiling katex.min.js, loading it into a
// runtime, and one small formula.
func BenchmarkKaTeXStartup(b *testing.B) {
	src := katexJS(b)
	for b.Loop() {
		k, err := NewKaTeX(src, WithWorkers(1))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := k.Render("x", false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkKaTeXCold typesets the formula set with a new engine each time
// and no cache: the start-up is shared by the set's formulas.
func BenchmarkKaTeXCold(b *testing.B) {
	src := katexJS(b)
	n := 0
	for b.Loop() {
		k, err := NewKaTeX(src, WithWorkers(1))
		if err != nil {
			b.Fatal(err)
		}
		for _, f := range benchSet {
			if _, err := k.Render(f.tex, f.display); err != nil {
				b.Fatal(err)
			}
			n++
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(n), "ms/formula")
}

// BenchmarkKaTeXRender is one cache miss on a started runtime: the
// marginal cost of a new formula.
func BenchmarkKaTeXRender(b *testing.B) {
	k := newEngine(b, WithWorkers(1))
	if _, err := k.Render("x", false); err != nil {
		b.Fatal(err)
	}
	i := 0
	cpu0 := sitetest.CPUTime()
	defer func() { b.ReportMetric(float64((sitetest.CPUTime()-cpu0).Microseconds())/float64(b.N), "cpu-µs/op") }()
	for b.Loop() {
		f := benchSet[i%len(benchSet)]
		i++
		clear(k.mem) // stay cold
		if _, err := k.Render(f.tex, f.display); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkKaTeXWarm is a formula already typeset in this build.
func BenchmarkKaTeXWarm(b *testing.B) {
	k := newEngine(b, WithWorkers(1))
	for _, f := range benchSet {
		if _, err := k.Render(f.tex, f.display); err != nil {
			b.Fatal(err)
		}
	}
	i := 0
	for b.Loop() {
		f := benchSet[i%len(benchSet)]
		i++
		if _, err := k.Render(f.tex, f.display); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkKaTeX3000 typesets 3,000 distinct formulas, a quarter display,
// on every CPU as a build does: cold (no cache; writing it) and warm (a new
// engine on the disk cache an earlier build filled, which never starts a
// runtime). Run it with -benchtime=1x.
func BenchmarkKaTeX3000(b *testing.B) {
	src := katexJS(b)
	formulas := distinct(3000)
	renderAll := func(b *testing.B, k *KaTeX) {
		var wg sync.WaitGroup
		next := make(chan int)
		for w := 0; w < runtime.NumCPU(); w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					if _, err := k.Render(formulas[i].tex, formulas[i].display); err != nil {
						b.Error(err)
					}
				}
			}()
		}
		for i := range formulas {
			next <- i
		}
		close(next)
		wg.Wait()
	}
	dir := b.TempDir()
	perFormula := func(b *testing.B, cpu time.Duration) {
		n := float64(b.N * len(formulas))
		b.ReportMetric(float64(b.Elapsed().Microseconds())/n, "µs/formula")
		b.ReportMetric(float64(cpu.Microseconds())/n, "cpu-µs/formula")
	}
	b.Run("cold", func(b *testing.B) {
		cpu0 := sitetest.CPUTime()
		for b.Loop() {
			k, _ := NewKaTeX(src, WithCacheDir(b.TempDir()))
			renderAll(b, k)
			_ = k.Close()
		}
		perFormula(b, sitetest.CPUTime()-cpu0)
	})
	k, _ := NewKaTeX(src, WithCacheDir(dir))
	renderAll(b, k)
	_ = k.Close()
	b.Run("warm", func(b *testing.B) {
		cpu0 := sitetest.CPUTime()
		for b.Loop() {
			k, _ := NewKaTeX(src, WithCacheDir(dir))
			renderAll(b, k)
			if s := k.Stats(); s.Renders != 0 || s.Runtimes != 0 {
				b.Fatalf("warm run rendered %d formulas", s.Renders)
			}
		}
		perFormula(b, sitetest.CPUTime()-cpu0)
	})
}

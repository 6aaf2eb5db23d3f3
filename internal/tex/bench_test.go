package tex

import (
	"testing"

	"docsite/internal/sitetest"
)

// benchFormulas is the dev set when ../shared is beside the repository, and
// the package's own cases otherwise, so that the benchmarks always run.
func benchFormulas(b *testing.B) []devFormula {
	b.Helper()
	if _, err := sitetest.SharedPath("fixtures", "formulas-dev.json"); err == nil {
		return loadDevSet(b)
	}
	b.Log("../shared/fixtures/formulas-dev.json is absent: benchmarking the package's own cases")
	var fs []devFormula
	for _, tex := range ownCases() {
		fs = append(fs, devFormula{TeX: tex}, devFormula{TeX: tex, Display: true})
	}
	return fs
}

// BenchmarkMathML is parse + MathML; one op is one formula, taken in turn
// from the set, so ns/op is the cost per formula.
func BenchmarkMathML(b *testing.B) {
	fs := benchFormulas(b)
	b.ReportAllocs()
	defer reportCPU(b)()
	i := 0
	for b.Loop() {
		f := fs[i%len(fs)]
		MathML(f.TeX, f.Display)
		i++
	}
}

// BenchmarkCheck is the parse alone, what docsite check pays per formula.
func BenchmarkCheck(b *testing.B) {
	fs := benchFormulas(b)
	b.ReportAllocs()
	defer reportCPU(b)()
	i := 0
	for b.Loop() {
		Check(fs[i%len(fs)].TeX, fs[i%len(fs)].Display)
		i++
	}
}

// reportCPU adds the process's CPU time per op to the results: on a
// machine shared with other work, wall time per op measures the queue.
func reportCPU(b *testing.B) func() {
	start := sitetest.CPUTime()
	return func() {
		b.ReportMetric(float64(sitetest.CPUTime()-start)/float64(b.N), "cpu-ns/op")
	}
}

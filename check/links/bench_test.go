package links_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"docsite/check/links"
	"docsite/render/config"
	"docsite/render/markdown"
	"docsite/render/site"
)

// benchCorpus is the corpus make bench measures (go run ./cmd/gencorpus
// -seed 1 -files 1200), made here when it is missing; DOCSITE_BENCH_CORPUS
// names another one.
func benchCorpus(b *testing.B) string {
	b.Helper()
	if dir := os.Getenv("DOCSITE_BENCH_CORPUS"); dir != "" {
		return dir
	}
	dir, _ := filepath.Abs("../../.cache/bench-corpus")
	if _, err := os.Stat(filepath.Join(dir, ".gencorpus")); err == nil {
		return dir
	}
	cmd := exec.Command("go", "run", "../../cmd/gencorpus", "-out", dir, "-seed", "1", "-files", "1200")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Skipf("cannot generate the corpus: %v\n%s", err, out)
	}
	return dir
}

// loadModel is what docsite check holds before its rules run: the corpus
// read, parsed (math left untypeset) and indexed.
func loadModel(b *testing.B) *site.Site {
	b.Helper()
	s, err := site.Load(benchCorpus(b), config.Default())
	if err != nil {
		b.Fatal(err)
	}
	c := markdown.New()
	for _, p := range s.Pages {
		c.Parse(p)
	}
	s.Index(false)
	return s
}

// BenchmarkCheck runs the link rules over the whole corpus: about 45,000
// links, a quarter of the cross-file ones broken, each broken one with a
// suggestion to compute.
func BenchmarkCheck(b *testing.B) {
	s := loadModel(b)
	none := func(string) bool { return false }
	found := len(links.Check(s, none))
	b.ReportAllocs()
	for b.Loop() {
		links.Check(s, none)
	}
	b.ReportMetric(float64(found), "findings")
}

// BenchmarkOrphans finds the pages nothing reaches.
func BenchmarkOrphans(b *testing.B) {
	s := loadModel(b)
	b.ReportAllocs()
	for b.Loop() {
		links.Orphans(s, func(*site.Page) bool { return false })
	}
}

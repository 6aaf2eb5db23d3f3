package site_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

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

// loadModel reads and parses the corpus into the page model, without
// typesetting math, and indexes it.
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

// BenchmarkResolve resolves every link of the corpus once per iteration,
// as check and render each do: about 45,000 links on 1,200 pages.
func BenchmarkResolve(b *testing.B) {
	s := loadModel(b)
	n := 0
	for _, p := range s.Pages {
		n += len(p.Links)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range s.Pages {
			for _, l := range p.Links {
				s.Resolve(p, l.Dest)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(max(n, 1)), "ns/link")
}

// BenchmarkLinkURL rewrites every link to its URL, as render does.
func BenchmarkLinkURL(b *testing.B) {
	s := loadModel(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range s.Pages {
			for _, l := range p.Links {
				s.LinkURL(p, l.Dest)
			}
		}
	}
}

package links_test

import (
	"testing"

	"docsite/check/links"
	"docsite/internal/benchcorpus"
	"docsite/internal/site"
)

// BenchmarkCheck runs the link rules over the whole corpus: about 45,000
// links, a quarter of the cross-file ones broken, each broken one with a
// suggestion to compute.
func BenchmarkCheck(b *testing.B) {
	s := benchcorpus.Model(b, "../..")
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
	s := benchcorpus.Model(b, "../..")
	b.ReportAllocs()
	for b.Loop() {
		links.Orphans(s, func(*site.Page) bool { return false })
	}
}

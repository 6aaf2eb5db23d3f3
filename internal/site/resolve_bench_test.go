package site_test

import (
	"testing"

	"docsite/internal/benchcorpus"
)

// BenchmarkResolve resolves every link of the corpus once per iteration,
// as check and render each do: about 45,000 links on 1,200 pages.
func BenchmarkResolve(b *testing.B) {
	s := benchcorpus.Model(b, "../..")
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
	s := benchcorpus.Model(b, "../..")
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range s.Pages {
			for _, l := range p.Links {
				s.LinkURL(p, l.Dest)
			}
		}
	}
}

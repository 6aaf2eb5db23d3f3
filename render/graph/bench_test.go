package graph_test

import (
	"testing"

	"docsite/render/graph"
)

func BenchmarkBacklinks(b *testing.B) {
	s := corpusSite(b)
	for b.Loop() {
		graph.Backlinks(s)
	}
}

func BenchmarkLayout(b *testing.B) {
	s := corpusSite(b)
	g := graph.Build(s, s.Langs[0])
	for b.Loop() {
		graph.Layout(g)
	}
}

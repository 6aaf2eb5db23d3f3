package graph_test

import (
	"math"
	"testing"
	"time"

	"docsite/render/graph"
)

func TestLayoutCorpus(t *testing.T) {
	s := corpusSite(t)
	lang := s.Langs[0]
	start := time.Now()
	g := graph.Build(s, lang)
	built := time.Since(start)
	start = time.Now()
	graph.Layout(g)
	laid := time.Since(start)
	js := graph.JSON(g)
	t.Logf("%d nodes, %d edges; build %v, layout %v; JSON %d bytes", len(g.Nodes), len(g.Edges), built, laid, len(js))
	intra, inter := chapterDistances(g)
	t.Logf("mean distance within a chapter %.0f, between chapters %.0f", intra, inter)
	hub, r := hubRadius(g)
	t.Logf("hub %q (degree %d) at %.0f from the centre; median radius %.0f", g.Nodes[hub].Title, g.Nodes[hub].Degree, math.Hypot(g.Nodes[hub].X, g.Nodes[hub].Y), r)
}

func TestLayoutTuning(t *testing.T) {
	if testing.Short() {
		t.Skip()
	}
	s := corpusSite(t)
	for _, o := range []struct {
		name string
		opts []graph.Option
	}{
		{"exact", []graph.Option{graph.WithTheta(0)}},
		{"theta0.9", nil},
		{"theta1.2", []graph.Option{graph.WithTheta(1.2)}},
		{"g0.005", []graph.Option{graph.WithGravity(0.005)}},
		{"g0.05", []graph.Option{graph.WithGravity(0.05)}},
		{"it150", []graph.Option{graph.WithIterations(150)}},
	} {
		g := graph.Build(s, s.Langs[0])
		start := time.Now()
		graph.Layout(g, o.opts...)
		intra, inter := chapterDistances(g)
		hub, r := hubRadius(g)
		t.Logf("%-9s %6v intra %.0f inter %.0f ratio %.2f hub %.0f median r %.0f", o.name, time.Since(start).Round(time.Millisecond), intra, inter, intra/inter, math.Hypot(g.Nodes[hub].X, g.Nodes[hub].Y), r)
	}
}

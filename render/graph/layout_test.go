package graph_test

import (
	"docsite/internal/sitetest"

	"bytes"
	"math"
	"runtime"
	"testing"
	"time"

	"docsite/render/graph"
)

// TestGraphGolden pins the fixture's graph JSON: nodes in content order,
// chapters, deduplicated edges (the fragment and reference-style links
// from the overview to the principles are one edge; self-links, the broken
// link, the image and the case-mismatched link none), degrees, positions.
func TestGraphGolden(t *testing.T) {
	s := fixture(t)
	g := graph.Build(s, s.Langs[0])
	graph.Layout(g)
	got := graph.JSON(g)
	sitetest.Golden(t, "testdata/graph.golden.json", got)
}

// TestLayoutDeterministic lays the corpus out twice, and once more with a
// single CPU: the bytes must not change.
func TestLayoutDeterministic(t *testing.T) {
	s := corpusSite(t)
	lay := func() []byte {
		g := graph.Build(s, s.Langs[0])
		graph.Layout(g)
		return graph.JSON(g)
	}
	a, b := lay(), lay()
	if !bytes.Equal(a, b) {
		t.Fatal("two layouts of the same graph differ")
	}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	if !bytes.Equal(a, lay()) {
		t.Fatal("the layout on one CPU differs from the layout on all")
	}
	// A different seed gives a different picture (the seed is used at all).
	g := graph.Build(s, s.Langs[0])
	graph.Layout(g, graph.WithSeed(2))
	if bytes.Equal(a, graph.JSON(g)) {
		t.Error("the seed changed nothing")
	}
}

// TestLayoutCorpus holds the corpus layout to its promises: chapters form
// clusters (mean distance inside a chapter well below the mean between
// chapters), the most-connected page sits near the centre, and it is quick.
func TestLayoutCorpus(t *testing.T) {
	s := corpusSite(t)
	g := graph.Build(s, s.Langs[0])
	start := sitetest.CPUTime()
	graph.Layout(g)
	took := sitetest.CPUTime() - start
	intra, inter := chapterDistances(g)
	hub, r := hubRadius(g)
	d := math.Hypot(g.Nodes[hub].X, g.Nodes[hub].Y)
	t.Logf("%d nodes, %d edges laid out in %v; chapter distances %.0f inside, %.0f between; hub %q (degree %d) %.0f from the centre, median radius %.0f",
		len(g.Nodes), len(g.Edges), took, intra, inter, g.Nodes[hub].Title, g.Nodes[hub].Degree, d, r)
	if intra > 0.5*inter {
		t.Errorf("chapters do not cluster: %.0f inside vs %.0f between", intra, inter)
	}
	if d > r/2 {
		t.Errorf("the most-connected page is %.0f from the centre, median radius %.0f", d, r)
	}
	if took > 10*time.Second {
		t.Errorf("layout took %v", took)
	}
}

// TestLayoutSmall lays the fixture out with the exact pairwise sum and with
// the Barnes–Hut approximation: no NaN, no two dots on top of each other.
func TestLayoutSmall(t *testing.T) {
	s := fixture(t)
	for _, theta := range []float64{0, 0.9} {
		g := graph.Build(s, s.Langs[0])
		graph.Layout(g, graph.WithTheta(theta))
		for i, a := range g.Nodes {
			if math.IsNaN(a.X) || math.IsNaN(a.Y) {
				t.Fatalf("theta %v: node %d at NaN", theta, i)
			}
			for _, b := range g.Nodes[i+1:] {
				if math.Hypot(a.X-b.X, a.Y-b.Y) < 5 {
					t.Errorf("theta %v: %q and %q overlap", theta, a.Title, b.Title)
				}
			}
		}
	}
}

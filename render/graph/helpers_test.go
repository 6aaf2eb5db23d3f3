package graph_test

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"docsite/render/graph"
)

// chapterDistances is the mean distance between two nodes of one chapter
// and between two nodes of different chapters.
func chapterDistances(g *graph.Graph) (intra, inter float64) {
	var ni, no float64
	for i, a := range g.Nodes {
		for _, b := range g.Nodes[i+1:] {
			d := math.Hypot(a.X-b.X, a.Y-b.Y)
			if a.Chapter == b.Chapter {
				intra += d
				ni++
			} else {
				inter += d
				no++
			}
		}
	}
	return intra / max(ni, 1), inter / max(no, 1)
}

// hubRadius returns the most-connected node and the median distance of all
// nodes from the centre of mass.
func hubRadius(g *graph.Graph) (int, float64) {
	hub := 0
	var cx, cy float64
	for i, n := range g.Nodes {
		if n.Degree > g.Nodes[hub].Degree {
			hub = i
		}
		cx += n.X
		cy += n.Y
	}
	cx /= float64(len(g.Nodes))
	cy /= float64(len(g.Nodes))
	var rs []float64
	for _, n := range g.Nodes {
		rs = append(rs, math.Hypot(n.X-cx, n.Y-cy))
	}
	slices.Sort(rs)
	return hub, rs[len(rs)/2]
}

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

package graph_test

import (
	"bytes"
	"compress/gzip"
	"slices"
	"strings"
	"testing"
	"time"

	"docsite/render/graph"
)

func gz(b []byte) int {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// TestCorpusData measures what the build writes for the 1,200-page corpus
// and holds it to budgets: a graph file a reader can fetch on a page view,
// preview shards and local graph pieces of a few kilobytes, and a context for
// nearly every backlink.
func TestCorpusData(t *testing.T) {
	s := corpusSite(t)
	start := time.Now()
	bl := graph.Backlinks(s)
	took := time.Since(start)
	n, empty := 0, 0
	var sample []string
	for _, list := range bl {
		for _, b := range list {
			n++
			if b.Context == "" {
				empty++
			} else if len(sample) < 5 {
				sample = append(sample, b.Context)
			}
		}
	}
	t.Logf("backlinks: %d entries on %d pages in %v, %d without context", n, len(bl), took, empty)
	for _, c := range sample {
		t.Logf("  %s", c)
	}
	if empty*20 > n {
		t.Errorf("%d of %d backlinks have no context", empty, n)
	}

	start = time.Now()
	pv := graph.Previews(s)
	files := graph.PreviewFiles(pv)
	took = time.Since(start)
	total, largest := 0, 0
	for name, b := range files {
		total += len(b)
		if strings.HasSuffix(name, "index.json") {
			continue
		}
		largest = max(largest, len(b))
	}
	t.Logf("previews: %d entries in %d files, %d bytes in all, largest %d bytes, in %v", len(pv), len(files)-1, total, largest, took)
	if largest > 32<<10 {
		t.Errorf("largest previews shard is %d bytes", largest)
	}

	g := graph.Build(s, s.Langs[0])
	graph.Layout(g)
	js := graph.JSON(g)
	t.Logf("graph: %d nodes, %d edges, %d bytes (%d gzipped)", len(g.Nodes), len(g.Edges), len(js), gz(js))
	if len(js) > 512<<10 {
		t.Errorf("graph JSON is %d bytes", len(js))
	}
	var pieces []int
	for _, b := range graph.LocalFiles(g) {
		pieces = append(pieces, len(b))
	}
	slices.Sort(pieces)
	med, most := pieces[len(pieces)/2], pieces[len(pieces)-1]
	t.Logf("local graph pieces: %d, median %d bytes, largest %d bytes", len(pieces), med, most)
	if len(pieces) != len(g.Nodes) || med > 8<<10 || most > len(js)/4 {
		t.Errorf("local graph pieces: %d for %d nodes, median %d bytes, largest %d bytes", len(pieces), len(g.Nodes), med, most)
	}
}

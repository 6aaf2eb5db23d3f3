package graph

import (
	"encoding/json"
	"errors"
	"hash/fnv"
	"slices"
	"strconv"
)

// A page's local graph draws the page and its neighbours one link away.
// Each page gets a piece of its own with just those nodes, the edges
// between them and their places in the whole layout, so scrolling to the
// end of a page fetches O(its links), not the whole site's graph.

// LocalFile is the output path of the local graph piece of the page at url
// (a site path): named by a hash of the URL, so the page and the piece
// agree without either knowing the other's place in the graph.
func LocalFile(lang, url string) string {
	h := fnv.New64a()
	h.Write([]byte(url))
	return "assets/graph/" + lang + "/" + strconv.FormatUint(h.Sum64(), 36) + ".json"
}

// maxNeighbours is the most neighbours a local graph shows: a hub that
// links to a thousand pages would otherwise fetch most of the site's graph
// to draw dots a quarter of a screen cannot tell apart.
const maxNeighbours = 120

// LocalFiles makes the piece of every node of a laid-out graph, in the
// format of JSON: the chapters whole (colours stay the site's), the nodes
// of the neighbourhood renumbered in graph order, their edges.
func LocalFiles(g *Graph) map[string][]byte {
	adj := make([][]int, len(g.Nodes))  // both directions, for the neighbourhood
	outs := make([][]int, len(g.Nodes)) // as the edges go, sorted like g.Edges
	for _, e := range g.Edges {
		adj[e.From] = append(adj[e.From], e.To)
		adj[e.To] = append(adj[e.To], e.From)
		outs[e.From] = append(outs[e.From], e.To)
	}
	out := make(map[string][]byte, len(g.Nodes))
	at := make([]int, len(g.Nodes)) // node → its ID in the piece being made, +1
	for i, n := range g.Nodes {
		near := slices.Compact(slices.Sorted(slices.Values(adj[i])))
		if len(near) > maxNeighbours {
			// the best linked, as a reader of a hub would look for them
			slices.SortStableFunc(near, func(a, b int) int { return g.Nodes[b].Degree - g.Nodes[a].Degree })
			near = near[:maxNeighbours]
		}
		near = append(near, i)
		slices.Sort(near)
		sub := &Graph{Lang: g.Lang, Chapters: g.Chapters, Nodes: make([]Node, 0, len(near))}
		for _, j := range near {
			at[j] = len(sub.Nodes) + 1
			nd := g.Nodes[j]
			nd.ID = len(sub.Nodes)
			sub.Nodes = append(sub.Nodes, nd)
		}
		for _, j := range near {
			for _, k := range outs[j] {
				if at[k] > 0 {
					sub.Edges = append(sub.Edges, Edge{From: at[j] - 1, To: at[k] - 1})
				}
			}
		}
		for _, j := range near {
			at[j] = 0
		}
		out[LocalFile(g.Lang, n.URL)] = JSON(sub)
	}
	return out
}

// SetPositions puts the places from a graph JSON written for g (by JSON,
// after Layout) back into g, for when the layout came from a cache.
func SetPositions(g *Graph, b []byte) error {
	var d struct {
		Nodes []struct{ X, Y float64 } `json:"nodes"`
	}
	if err := json.Unmarshal(b, &d); err != nil {
		return err
	}
	if len(d.Nodes) != len(g.Nodes) {
		return errors.New("graph: cached layout is for another graph")
	}
	for i, n := range d.Nodes {
		g.Nodes[i].X, g.Nodes[i].Y = n.X, n.Y
	}
	return nil
}

package build

import (
	"crypto/sha256"
	"encoding/hex"
	"maps"

	"docsite/internal/site"
	"docsite/render/graph"
)

// graphFiles makes the graph and link preview data. A layout is the dearest
// part and depends only on the graph, so an unchanged graph takes its
// layout from the cache. Each page's local graph gets a piece of its own.
func (pl *Pipeline) graphFiles(s *site.Site) map[string][]byte {
	out := graph.PreviewFiles(graph.Previews(s))
	for _, lang := range s.Langs {
		g := graph.Build(s, lang)
		sum := sha256.Sum256(graph.JSON(g))
		key := hex.EncodeToString(sum[:])
		if b, ok := pl.layouts.Get(key); ok && graph.SetPositions(g, b) == nil {
			out[graph.DataFile(lang)] = b
			maps.Copy(out, graph.LocalFiles(g))
			continue
		}
		graph.Layout(g)
		b := graph.JSON(g)
		pl.layouts.Put(key, b)
		out[graph.DataFile(lang)] = b
		maps.Copy(out, graph.LocalFiles(g))
	}
	return out
}

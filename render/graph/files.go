package graph

import (
	"maps"

	"docsite/internal/site"
)

// Files makes every data file of this package for a site, by output path:
// the graph JSON of each language (DataFile) laid out with opts, each
// page's local piece of it (LocalFiles), and the link previews
// (PreviewFiles).
func Files(s *site.Site, opts ...Option) map[string][]byte {
	out := PreviewFiles(Previews(s))
	for _, lang := range s.Langs {
		g := Build(s, lang)
		Layout(g, opts...)
		out[DataFile(lang)] = JSON(g)
		maps.Copy(out, LocalFiles(g))
	}
	return out
}

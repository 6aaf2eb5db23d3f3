package html

import (
	"strings"

	"docsite/internal/site"
)

type linkKey struct{ html, href string }

type linkPos struct {
	file      string
	line, col int
}

// SourceMap lets findings in the built HTML name the Markdown file and line
// the link was written on: every link of the model is rewritten the way the
// build rewrote it and remembered under its page's output file.
func SourceMap(s *site.Site) func(htmlFile, href string) (string, int, int, bool) {
	m := map[linkKey]linkPos{}
	for _, p := range s.Pages {
		if p.Generated || s.ByURL[p.URL] != p {
			continue
		}
		file := strings.TrimPrefix(p.URL, "/") + "index.html"
		for _, l := range p.Links {
			href := l.Dest
			if u, ok := s.LinkURL(p, l.Dest); ok {
				href = u
			}
			k := linkKey{file, href}
			if _, seen := m[k]; !seen {
				line, col := p.Lines.Position(l.Start)
				m[k] = linkPos{p.Path, line, col}
			}
		}
	}
	return func(htmlFile, href string) (string, int, int, bool) {
		pos, ok := m[linkKey{htmlFile, href}]
		return pos.file, pos.line, pos.col, ok
	}
}

package serve

import (
	"strings"

	"docsite/internal/site"
)

// inbound records, for each page, the pages whose links point into it with
// a fragment: when a saved page's headings change, those are the pages
// whose panels and broken-anchor marks may change. Resolving every link of
// the site on each such save cost more than the page's own rebuild on the
// bench corpus, so the answer is kept between saves. Where a link resolves
// depends on which files exist, and any change to that is a full rebuild,
// which drops the record.
type inbound struct {
	into map[string]map[string]bool // target path → source paths
	from map[string][]string        // source path → target paths
}

func newInbound(s *site.Site) *inbound {
	in := &inbound{into: map[string]map[string]bool{}, from: map[string][]string{}}
	for _, q := range s.Pages {
		in.add(s, q)
	}
	return in
}

// add records q's links with a fragment.
func (in *inbound) add(s *site.Site, q *site.Page) {
	for _, l := range q.Links {
		if !strings.Contains(l.Dest, "#") {
			continue
		}
		t := s.Resolve(q, l.Dest)
		if t.Page == nil {
			continue
		}
		srcs := in.into[t.Page.Path]
		if srcs == nil {
			srcs = map[string]bool{}
			in.into[t.Page.Path] = srcs
		}
		if !srcs[q.Path] {
			srcs[q.Path] = true
			in.from[q.Path] = append(in.from[q.Path], t.Page.Path)
		}
	}
}

// replace forgets what the page at q.Path linked into before and records
// what it links into now.
func (in *inbound) replace(s *site.Site, q *site.Page) {
	for _, target := range in.from[q.Path] {
		delete(in.into[target], q.Path)
	}
	delete(in.from, q.Path)
	in.add(s, q)
}

// sources returns the paths of the pages linking into target with a
// fragment.
func (in *inbound) sources(target string) map[string]bool { return in.into[target] }

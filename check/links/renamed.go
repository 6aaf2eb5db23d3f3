package links

import (
	"docsite/internal/diag"
	"docsite/internal/site"
)

// Renamed is the file a missing link target was renamed to, as git knows
// it (see changed.Renames): old content path → new content path.
type Renamed map[string]string

// To returns the link from p that reaches the file dest was renamed to,
// fragment kept, when git renamed dest's file and the new one exists.
func (r Renamed) To(s *site.Site, p *site.Page, dest string) (string, bool) {
	if len(r) == 0 {
		return "", false
	}
	t := s.Resolve(p, dest)
	if t.Kind != site.Missing || t.Draft {
		return "", false
	}
	to, ok := r[t.Path]
	if !ok || !s.Exists[to] {
		return "", false
	}
	return relPath(p.Dir, to) + fragmentOf(dest), true
}

// FollowRenames gives the missing-file and missing-image findings whose
// target git renamed the new path as their suggestion: certain, where a
// match by name is only likely.
func FollowRenames(s *site.Site, ds []diag.Diagnostic, r Renamed) {
	for i := range ds {
		d := &ds[i]
		if d.Rule != RuleLinkMissingFile && d.Rule != RuleLinkMissingImage {
			continue
		}
		p := s.ByPath[d.File]
		if p == nil {
			continue
		}
		if to, ok := r.To(s, p, d.Target); ok {
			old := s.Resolve(p, d.Target).Path
			d.Suggestion = to
			d.Message = "no file at " + old + "; git renamed it to " + r[old]
		}
	}
}

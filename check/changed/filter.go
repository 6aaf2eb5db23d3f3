package changed

import (
	"strings"

	"docsite/internal/diag"
	"docsite/internal/site"
)

// Filter keeps the findings of ds that the change is responsible for: every
// finding in a file it touched, and elsewhere those it caused. What a link
// pointed at is read with the site's own Resolve, so the answer is the one
// the checker used. ds is not modified.
func Filter(ds []diag.Diagnostic, s *site.Site, ch *Change) []diag.Diagnostic {
	var linked map[*site.Page]bool // built on the first orphan finding
	var out []diag.Diagnostic
	for _, d := range ds {
		keep := ch.Touched[d.File]
		if !keep {
			if d.Rule == "page/orphan" {
				if linked == nil {
					linked = ch.linkedBefore(s)
				}
				keep = linked[s.ByPath[d.File]]
			} else {
				keep = ch.caused(s, d)
			}
		}
		if keep {
			out = append(out, d)
		}
	}
	return out
}

// caused reports whether a link finding in an untouched file is broken
// because of the change.
func (ch *Change) caused(s *site.Site, d diag.Diagnostic) bool {
	from := s.ByPath[d.File]
	if from == nil || d.Target == "" {
		return false
	}
	switch d.Rule {
	case "link/missing-file", "link/missing-image", "link/case-mismatch", "link/outside-content":
		// outside-content too: a root-relative link ("/a/b.md") to a
		// file that no longer exists is reported as leaving the folder.
		// A page the change made a draft is gone from the site too.
		t := s.Resolve(from, d.Target)
		return t.Path != "" && (ch.gone[strings.ToLower(t.Path)] || t.Draft && ch.Touched[t.Path])
	case "link/folder-without-page":
		// The folder lost its landing page: some Markdown file directly
		// in it was deleted or moved away.
		t := s.Resolve(from, d.Target)
		return ch.lostPageIn(t.Path)
	case "link/missing-anchor":
		t := s.Resolve(from, d.Target)
		if t.Page == nil {
			return false
		}
		for _, id := range ch.Removed[t.Page.Path] {
			if id == t.Fragment {
				return true
			}
		}
	}
	return false
}

func (ch *Change) lostPageIn(dir string) bool {
	for _, m := range []map[string]bool{ch.Deleted, renamedFrom(ch.Renamed)} {
		for p := range m {
			if isMarkdown(p) && dirOf(p) == dir {
				return true
			}
		}
	}
	return false
}

func renamedFrom(r map[string]string) map[string]bool {
	m := make(map[string]bool, len(r))
	for old := range r {
		m[old] = true
	}
	return m
}

// linkedBefore lists the pages that the old versions of the changed files
// linked to. A page on the list that is an orphan now lost its last link in
// this change. Old links are resolved from where their file was, against
// today's site.
func (ch *Change) linkedBefore(s *site.Site) map[*site.Page]bool {
	linked := map[*site.Page]bool{}
	lang := ""
	if s.Config != nil {
		lang = s.Config.Language
	}
	for _, l := range ch.OldLinks {
		from := &site.Page{Path: l.From, Dir: dirOf(l.From), Lang: lang}
		if t := s.Resolve(from, l.Dest); t.Kind == site.PageTarget && t.Page != nil && t.Page.Path != l.From {
			linked[t.Page] = true
		}
	}
	return linked
}

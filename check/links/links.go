// Package links checks every link of the page model: files, images and
// anchors that do not exist, paths that leave the content folder or work only
// on a case-insensitive disk, folders without a page, and pages nothing
// reaches. It reads the model only; it never parses Markdown.
package links

import (
	"strings"

	"docsite/internal/diag"
	"docsite/internal/site"
)

// Finding is what a rule reports before severities are applied.
type Finding = diag.Diagnostic

// Check returns the link findings of every page, in no particular order.
// skip reports targets the configuration ignores.
func Check(s *site.Site, skip func(dest string) bool) []Finding {
	var out []Finding
	idx := NewIndex(s)
	for _, p := range s.Pages {
		if p.Generated {
			continue
		}
		for _, l := range p.Links {
			if l.Dest == "" || skip(l.Dest) {
				continue
			}
			if f, ok := checkLink(s, idx, p, l); ok {
				// Positions cost a scan of the line: only findings need one.
				p.Lines.Span(&f, l.Start, l.End)
				out = append(out, f)
			}
		}
	}
	return out
}

func checkLink(s *site.Site, idx *Index, p *site.Page, l site.Link) (Finding, bool) {
	t := s.Resolve(p, l.Dest)
	f := Finding{File: p.Path, Target: l.Dest}
	image := l.Kind == site.LinkImage || l.Kind == site.LinkHTMLImage
	switch t.Kind {
	case site.External:
		return f, false
	case site.Outside:
		f.Rule = RuleLinkOutsideContent
		f.Message = "link leaves the content folder: " + l.Dest + " is not published with the site"
		return f, true
	case site.Missing:
		f.Rule = RuleLinkMissingFile
		if image {
			f.Rule = RuleLinkMissingImage
		}
		f.Message = "no file at " + t.Path
		if t.Draft {
			f.Message = t.Path + " is a draft and is not published"
			return f, true
		}
		if sug := idx.suggest(p, t.Path, l.Dest); sug != "" {
			f.Suggestion = sug + fragmentOf(l.Dest)
			f.Message += "; did you mean " + f.Suggestion + "?"
		}
		return f, true
	case site.FolderNoPage:
		f.Rule = RuleLinkFolderWithoutPage
		f.Message = "folder " + t.Path + " has no landing page (README.md, index.md or " + lastName(t.Path) + ".md); the link shows the generated index of its pages"
		return f, true
	}
	if t.CaseOf != "" {
		f.Rule = RuleLinkCaseMismatch
		f.Message = "the file is spelled " + t.CaseOf + "; this link works only on a case-insensitive file system"
		f.Suggestion = relPath(p.Dir, t.CaseOf) + fragmentOf(l.Dest)
		return f, true
	}
	if t.Kind == site.FileTarget || t.Fragment == "" || t.Page == nil {
		return f, false
	}
	if _, ok := t.Page.Anchors[t.Fragment]; ok {
		return f, false
	}
	f.Rule = RuleLinkMissingAnchor
	where := "this page"
	if t.Page != p {
		where = t.Page.Path
	}
	f.Message = "no heading or anchor #" + t.Fragment + " in " + where
	if id := idx.anchors(t.Page).suggest(t.Fragment); id != "" {
		base, _, _ := strings.Cut(l.Dest, "#")
		f.Suggestion = base + "#" + id
		f.Message += "; did you mean #" + id + "?"
	}
	return f, true
}

func fragmentOf(dest string) string {
	if i := strings.IndexByte(dest, '#'); i >= 0 {
		return dest[i:]
	}
	return ""
}

func lastName(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		p = p[i+1:]
	}
	return site.StripNumber(p)
}

// Orphans reports pages that neither the navigation nor any link reaches.
func Orphans(s *site.Site, hidden func(*site.Page) bool) []Finding {
	linked := map[*site.Page]bool{}
	for _, p := range s.Pages {
		for _, l := range p.Links {
			if t := s.Resolve(p, l.Dest); t.Kind == site.PageTarget && t.Page != p {
				linked[t.Page] = true
			}
		}
	}
	var out []Finding
	for _, p := range s.Pages {
		if p.Generated || linked[p] || (p.Nav != nil && !hidden(p)) || (p.Landing && p.Dir == "") {
			continue
		}
		out = append(out, Finding{File: p.Path, Line: 1, Column: 1, EndLine: 1, EndColumn: 1, Rule: RulePageOrphan,
			Message: "no page links here and the navigation does not list it"})
	}
	return out
}

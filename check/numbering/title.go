package numbering

import (
	"fmt"

	"docsite/internal/diag"
	"docsite/internal/numbering"
	"docsite/internal/site"
)

// Titles compares H1 numbers with the sidebar, but only in folders whose
// pages evidently number by position: at least two of the folder's entries
// carry an H1 number, and either the last parts of those numbers are 1 to
// k in some order (chapters moved without renumbering) or two thirds of
// them equal the entry's position. Only the last part is compared: "7.1" in
// a folder's first place counts within chapter 7, which need not be the
// folder's own position. A translation is compared with the page it
// translates instead, since its language's sidebar may be shorter.
func Titles(s *site.Site) []diag.Diagnostic {
	var ds []diag.Diagnostic
	if root := s.Nav[s.Config.Language]; root != nil {
		ds = positional(root, ds)
	}
	for _, p := range s.Pages {
		if p.Lang == s.Config.Language || p.Generated {
			continue
		}
		orig := p.Translations[s.Config.Language]
		if orig == nil {
			continue
		}
		a, b := scheme(p), scheme(orig)
		if t, want := a.TitleNumber(), b.TitleNumber(); t != nil && want != nil && !t.Equal(want) {
			msg := fmt.Sprintf("H1 number %s differs from %s, the number of the page it translates (%s): expected %s", t, want, orig.Path, want)
			ds = append(ds, headingDiag(p, a.Title, RuleNumberingTitle, msg, Renamed(p.Headings[a.Title].Text, want)))
		}
	}
	return ds
}

type entry struct {
	page *site.Page
	sc   *numbering.Scheme
	pos  int
}

// positional checks one folder, then the folders below it.
func positional(n *site.NavNode, ds []diag.Diagnostic) []diag.Diagnostic {
	var numbered []entry
	for _, c := range n.Children {
		if c.Page.Generated || c.Page.Lines == nil {
			continue
		}
		if sc := scheme(c.Page); sc.TitleNumber() != nil && c.Position() > 0 {
			numbered = append(numbered, entry{c.Page, sc, c.Position()})
		}
	}
	if byPosition(numbered) {
		for _, e := range numbered {
			t := e.sc.TitleNumber()
			if t.Last() == e.pos {
				continue
			}
			want := t.Parent().Child(e.pos)
			msg := fmt.Sprintf("H1 number %s differs from the page's place in the sidebar: its folder numbers its pages by position, and this is number %d: expected %s", t, e.pos, want)
			ds = append(ds, headingDiag(e.page, e.sc.Title, RuleNumberingTitle, msg, Renamed(e.page.Headings[e.sc.Title].Text, want)))
		}
	}
	for _, c := range n.Children {
		if c.IsDir() {
			ds = positional(c, ds)
		}
	}
	return ds
}

// byPosition decides whether a folder's numbered pages number by position.
func byPosition(es []entry) bool {
	if len(es) < 2 {
		return false
	}
	seen := map[int]bool{}
	match := 0
	for _, e := range es {
		last := e.sc.TitleNumber().Last()
		seen[last] = true
		if last == e.pos {
			match++
		}
	}
	permutation := len(seen) == len(es)
	for k := 1; k <= len(es); k++ {
		permutation = permutation && seen[k]
	}
	return permutation || 3*match >= 2*len(es)
}

// Package translation checks the language versions of pages against each
// other: a translation whose numbered headings no longer match its original,
// and links that cross into the other language's pages by accident.
package translation

import (
	"fmt"

	"docsite/internal/diag"
	"docsite/internal/site"
)

// Check reports translation/out-of-sync and translation/cross-link.
func Check(s *site.Site) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, p := range s.Pages {
		if p.Generated {
			continue
		}
		if p.Lang != s.Config.Language {
			if orig := p.Translations[s.Config.Language]; orig != nil {
				if a, b := numbered(p), numbered(orig); a != b {
					d := diag.Diagnostic{File: p.Path, Severity: diag.Warning, Rule: RuleTranslationOutOfSync, Target: orig.Path,
						Message: fmt.Sprintf("this translation has %d numbered headings, its original %s has %d; it has fallen behind", a, orig.Path, b)}
					p.Lines.Span(&d, p.H1Offset, p.H1Offset)
					out = append(out, d)
				}
			}
		}
		for _, l := range p.Links {
			t := s.Resolve(p, l.Dest)
			// A page with no version in this page's language can only be
			// linked across; one with a version here was most likely meant
			// to be linked in this language.
			if t.Kind != site.PageTarget || t.Page.Lang == p.Lang || l.Lang != "" || t.Page.Translations[p.Lang] == nil {
				continue
			}
			q := t.Page.Translations[p.Lang]
			d := diag.Diagnostic{File: p.Path, Severity: diag.Warning, Rule: RuleTranslationCrossLink, Target: l.Dest,
				Message: fmt.Sprintf("link from a %s page into the %s version of %s; the %s version is %s (give the link the title \"%s\" if the other language is meant)",
					p.Lang, t.Page.Lang, q.Path, p.Lang, q.Path, t.Page.Lang)}
			p.Lines.Span(&d, l.Start, l.End)
			out = append(out, d)
		}
	}
	return out
}

func numbered(p *site.Page) int {
	n := 0
	for _, h := range p.Headings {
		if site.HandNumber(h.Text) != "" {
			n++
		}
	}
	return n
}

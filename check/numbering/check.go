// Package numbering checks the numbers authors write by hand into their
// titles and headings, within the scheme each page follows (read by
// internal/numbering), and the tables of contents they keep at the top of a
// page. It works over the page model only; nothing here parses Markdown.
package numbering

import (
	"fmt"

	"docsite/internal/diag"
	"docsite/internal/numbering"
	"docsite/internal/site"
)

// Check reports, for every page of the site, heading numbers that break
// the page's own scheme, H1 numbers that differ from the sidebar in
// folders that number by position, and hand-written tables of contents
// that no longer match the headings. All findings are warnings.
func Check(s *site.Site) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, p := range s.Pages {
		ds = append(ds, CheckPage(p)...)
	}
	return append(ds, Titles(s)...)
}

// CheckPage checks one page's headings and TOC; generated pages have
// nothing to check.
func CheckPage(p *site.Page) []diag.Diagnostic {
	if p.Generated || p.Lines == nil {
		return nil
	}
	sc := scheme(p)
	var ds []diag.Diagnostic
	for _, f := range Findings(sc) {
		ds = append(ds, headingDiag(p, f.Head, RuleNumberingHeading, message(p, sc, f), suggestion(p, f)))
	}
	return append(ds, TOCDiagnostics(p)...)
}

// scheme is the page's numbering as the index stage read it, or read now
// for a page that did not go through it.
func scheme(p *site.Page) *numbering.Scheme {
	if p.Numbering != nil && len(p.Numbering.Heads) == len(p.Headings) {
		return p.Numbering
	}
	return site.NumberingOf(p)
}

func message(p *site.Page, sc *numbering.Scheme, f Finding) string {
	what := "heading"
	if sc.Heads[f.Head].Role == numbering.Item {
		what = "numbered list-heading"
	}
	q := fmt.Sprintf("%s %q", what, p.Headings[f.Head].Text)
	switch f.Problem {
	case Repeated:
		return fmt.Sprintf("%s repeats the number %s of the heading before it: expected %s", q, f.Ref, f.Want)
	case Skipped:
		return fmt.Sprintf("%s skips a number after %s: expected %s", q, f.Ref, f.Want)
	case OutOfOrder:
		return fmt.Sprintf("%s is out of sequence after %s: expected %s", q, f.Ref, f.Want)
	case NotFirst:
		return fmt.Sprintf("%s is the first under %s but not numbered from 1: expected %s", q, orPage(f.Ref), f.Want)
	case NotUnder:
		return fmt.Sprintf("%s is not under its parent's number %s: expected %s", q, orPage(f.Ref), f.Want)
	case LevelSkipped:
		return fmt.Sprintf("%s has %d parts where its place has %d: no heading %s encloses it", q, len(sc.Heads[f.Head].Number), len(f.Want)+1, f.Ref)
	case TitleDiffers:
		return fmt.Sprintf("H1 number %s differs from %s, the number its sections extend: expected %s", f.Ref, f.Want, f.Want)
	}
	return q
}

func orPage(n numbering.Number) string {
	if len(n) == 0 {
		return "the page"
	}
	return n.String()
}

// suggestion is the heading text with the expected number, written as the
// author writes numbers (with or without a final dot).
func suggestion(p *site.Page, f Finding) string {
	if f.Want == nil || f.Problem == LevelSkipped {
		return ""
	}
	return Renamed(p.Headings[f.Head].Text, f.Want)
}

// Renamed is a heading text with its number replaced by n.
func Renamed(text string, n numbering.Number) string {
	lead, written, rest, ok := numbering.Split(text)
	if !ok {
		return text
	}
	if rest == "" {
		return lead + Written(written, n)
	}
	return lead + Written(written, n) + " " + rest
}

// Written formats n the way old was written: "3." stays dotted.
func Written(old string, n numbering.Number) string {
	if len(old) > 0 && old[len(old)-1] == '.' {
		return n.String() + "."
	}
	return n.String()
}

// headingDiag is a warning spanning the heading's line; its target is the
// heading text, which stays the same when lines move (baselines match on it).
func headingDiag(p *site.Page, i int, rule diag.RuleID, msg, suggestion string) diag.Diagnostic {
	h := p.Headings[i]
	d := diag.Diagnostic{File: p.Path, Severity: diag.Warning, Rule: rule, Message: msg, Target: h.Text, Suggestion: suggestion}
	p.Lines.Span(&d, h.Offset, lineEnd(p.Source, h.Offset))
	return d
}

// lineEnd is the offset of the end of the line holding off, before "\r\n".
func lineEnd(src []byte, off int) int {
	off = min(max(off, 0), len(src))
	for i := off; i < len(src); i++ {
		if src[i] == '\n' {
			if i > off && src[i-1] == '\r' {
				return i - 1
			}
			return i
		}
	}
	return len(src)
}

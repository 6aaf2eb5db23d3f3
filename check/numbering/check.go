package numbering

import (
	"fmt"

	"docsite/internal/diag"
	"docsite/internal/site"
)

// Check reports, for every page of the site, an H1 number that differs
// from the sidebar number, heading numbers that stop following on from the
// ones before them, and a hand-written table of contents that no longer
// matches the headings. All findings are warnings; it is meant to be passed
// to check.Run as an extra rule.
func Check(s *site.Site) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, p := range s.Pages {
		ds = append(ds, CheckPage(p)...)
	}
	return ds
}

// CheckPage checks one page; generated pages have nothing to check.
func CheckPage(p *site.Page) []diag.Diagnostic {
	if p.Generated || p.Lines == nil {
		return nil
	}
	entries := Expected(p)
	ds := titleDiagnostics(p, entries)
	ds = append(ds, headingDiagnostics(p, entries)...)
	return append(ds, TOCDiagnostics(p)...)
}

// titleDiagnostics compares the H1 number with the sidebar number (or its
// last parts, when the H1 writes fewer parts). The home
// page stands for the whole site and has no sidebar number. A translation
// may keep the number of the page it translates: a partly translated
// language has a shorter sidebar, and "5. Kubernetes" numbered 2 there
// is how translators keep the chapters recognisable, not a mistake.
func titleDiagnostics(p *site.Page, entries []Entry) []diag.Diagnostic {
	want, ok := sidebarNumber(p)
	if !ok || len(entries) == 0 || p.Headings[entries[0].Heading].Level != 1 {
		return nil
	}
	title := entries[0]
	// A title may carry only the last parts of its number: "7. 运行时" at
	// sidebar position 1.2.7 counts within its folder, as the corpus does.
	if len(title.Have) < len(want) {
		want = want[len(want)-len(title.Have):]
	}
	if title.Have.Equal(want) {
		return nil
	}
	for _, t := range p.Translations {
		if n, ok := sidebarNumber(t); ok && title.Have.Equal(n) {
			return nil
		}
	}
	msg := fmt.Sprintf("H1 number %s differs from the sidebar number %s: expected %s", title.Have, want, want)
	// Headings numbered from the H1 move with it; say so rather than
	// reporting each of them.
	follow := 0
	for _, e := range entries[1:] {
		if len(e.Have) > len(title.Have) && e.Have[:len(title.Have)].Equal(title.Have) {
			follow++
		}
	}
	if follow > 0 {
		msg += fmt.Sprintf(" (its %s numbered from %s %s it)", plural(follow, "heading"), title.Have, verb(follow, "follows", "follow"))
	}
	return []diag.Diagnostic{headingDiag(p, title.Heading, RuleNumberingTitle, msg, suggest(want, title.Rest))}
}

// headingDiagnostics reports the entries where a numbering mistake starts.
func headingDiagnostics(p *site.Page, entries []Entry) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, e := range entries {
		if e.Problem == OK || e.Problem == Shifted || e.Problem == Title {
			continue
		}
		h := p.Headings[e.Heading]
		quoted := fmt.Sprintf("%q", h.Text)
		var msg string
		switch e.Problem {
		case Sequence:
			if e.Prev != nil {
				msg = fmt.Sprintf("heading %s is out of sequence after %s: expected %s", quoted, e.Prev, e.Want)
			} else {
				msg = fmt.Sprintf("heading %s is out of sequence as the first heading under %s: expected %s", quoted, orPage(e.Parent), e.Want)
			}
		case Parent:
			msg = fmt.Sprintf("heading %s is under %s: expected %s", quoted, e.Parent, e.Want)
		case Start:
			msg = fmt.Sprintf("heading %s is not numbered from the page number %s: expected %s", quoted, orPage(e.Want.Parent()), e.Want)
		case Depth:
			msg = fmt.Sprintf("heading %s has %s but an H%d here has %d: expected %s",
				quoted, plural(len(e.Have), "part"), h.Level, len(e.Want), e.Want)
		case Skip:
			missing := e.Want[:len(e.Want)-(h.Level-e.Missing)]
			msg = fmt.Sprintf("heading %s skips a level: expected an H%d %s above it", quoted, e.Missing, missing)
			if !e.Have.Equal(e.Want) {
				msg += fmt.Sprintf(", and %s for this heading", e.Want)
			}
		}
		if e.Follow > 0 {
			msg += fmt.Sprintf("; %s after it %s on from it and %s renumbering too",
				plural(e.Follow, "heading"), verb(e.Follow, "follows", "follow"), verb(e.Follow, "needs", "need"))
		}
		fix := ""
		if !e.Have.Equal(e.Want) {
			fix = suggest(e.Want, e.Rest)
		}
		ds = append(ds, headingDiag(p, e.Heading, RuleNumberingHeading, msg, fix))
	}
	return ds
}

func orPage(n Number) string {
	if len(n) == 0 {
		return "the page"
	}
	return n.String()
}

// suggest is the heading text with the expected number.
func suggest(n Number, rest string) string {
	if rest == "" {
		return n.Heading()
	}
	return n.Heading() + " " + rest
}

func verb(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
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

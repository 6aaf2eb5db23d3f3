package numbering

import (
	"fmt"
	"net/url"
	"sort"
	"strings"

	"docsite/internal/diag"
	"docsite/internal/numbering"
	"docsite/internal/site"
)

// tocEntry is one in-page link of the TOC.
type tocEntry struct {
	link    int // index in Page.Links
	frag    string
	text    string // link text as written
	heading int    // index in Page.Headings, -1 when no heading has the ID
}

// tocDiff is what a hand-written TOC gets wrong.
type tocDiff struct {
	missing []int       // numbered H2/H3 headings with no entry
	extra   []string    // entries no heading has, or listed twice
	stale   [][2]string // entries for a heading renamed or renumbered: old, new fragment
	order   []int       // headings listed out of order
}

func (d tocDiff) empty() bool {
	return len(d.missing)+len(d.extra)+len(d.stale)+len(d.order) == 0
}

// TOCDiagnostics compares the page's hand-written TOC with its headings
// and reports, in one finding at the TOC's heading, every entry that is
// missing (a numbered section at H2 or H3 without one), extra (no such heading, or
// listed twice), stale (a heading since renamed or renumbered) or out of
// order; the suggestion is the TOC regenerated. Entries for unnumbered
// headings are optional, and the TOC's entry for itself is fine.
func TOCDiagnostics(p *site.Page) []diag.Diagnostic {
	t, ok := site.TOCOf(p)
	if !ok {
		return nil
	}
	d := compareTOC(p, t)
	if d.empty() {
		return nil
	}
	var parts []string
	quote := func(hs []int) string {
		var qs []string
		for _, i := range hs {
			qs = append(qs, fmt.Sprintf("%q", p.Headings[i].Text))
		}
		return strings.Join(qs, ", ")
	}
	if n := len(d.missing); n > 0 {
		parts = append(parts, fmt.Sprintf("%d missing (%s)", n, quote(d.missing)))
	}
	if n := len(d.extra); n > 0 {
		parts = append(parts, fmt.Sprintf("%d extra (#%s)", n, strings.Join(d.extra, ", #")))
	}
	if n := len(d.stale); n > 0 {
		var ss []string
		for _, s := range d.stale {
			ss = append(ss, "#"+s[0]+" → #"+s[1])
		}
		parts = append(parts, fmt.Sprintf("%d stale (%s)", n, strings.Join(ss, ", ")))
	}
	if n := len(d.order); n > 0 {
		parts = append(parts, fmt.Sprintf("%d out of order (%s)", n, quote(d.order)))
	}
	msg := "table of contents is out of sync with the headings: " + strings.Join(parts, "; ") + "; docsite fix regenerates it"
	suggestion := ""
	if _, _, text, ok := RegenerateTOC(p, t); ok {
		suggestion = text
	}
	return []diag.Diagnostic{headingDiag(p, t.Heading, RuleTocOutOfSync, msg, suggestion)}
}

// compareTOC lists the TOC's differences from the headings.
func compareTOC(p *site.Page, t site.TOC) tocDiff {
	byID := map[string]int{}
	for i, h := range p.Headings {
		if _, dup := byID[h.ID]; !dup {
			byID[h.ID] = i
		}
	}
	sc := scheme(p)
	title := sc.Title
	var d tocDiff
	var entries []tocEntry
	listed := map[int]bool{}
	var dangling []tocEntry
	for _, li := range t.Links {
		l := p.Links[li]
		e := tocEntry{link: li, frag: fragment(l.Dest), text: linkText(p.Source, l), heading: -1}
		if i, ok := byID[e.frag]; ok {
			e.heading = i
		} else if a, ok := p.Anchors[e.frag]; ok && a.Explicit {
			continue // an explicit anchor is not a heading; nothing to compare
		}
		switch {
		case e.heading < 0:
			dangling = append(dangling, e)
		case e.heading == t.Heading || e.heading == title:
			// The TOC's own entry and the page title may be listed anywhere.
		case listed[e.heading]:
			d.extra = append(d.extra, e.frag)
		default:
			listed[e.heading] = true
			entries = append(entries, e)
		}
	}
	guessed := map[int]bool{}
	for _, e := range dangling {
		if g := guessHeading(p, e, func(i int) bool { return !listed[i] && !guessed[i] && i != t.Heading && i != title }); g >= 0 {
			guessed[g] = true
			d.stale = append(d.stale, [2]string{e.frag, p.Headings[g].ID})
			continue
		}
		d.extra = append(d.extra, e.frag)
	}
	keep := increasing(entries)
	for k, e := range entries {
		if !keep[k] {
			d.order = append(d.order, e.heading)
		}
	}
	// A TOC of H2s only leaves its H3s out on purpose.
	deepest := 2
	for i := range listed {
		deepest = max(deepest, p.Headings[i].Level)
	}
	for i, h := range p.Headings {
		if i == t.Heading || i == title || h.Level < 2 || h.Level > min(deepest, 3) || listed[i] || guessed[i] {
			continue
		}
		if sc.Heads[i].Role == numbering.Section {
			d.missing = append(d.missing, i) // list-headings may be left out
		}
	}
	return d
}

// linkDiag is a TOC warning spanning the link.
func linkDiag(p *site.Page, l site.Link, msg, suggestion string) diag.Diagnostic {
	d := diag.Diagnostic{File: p.Path, Severity: diag.Warning, Rule: RuleTocOutOfSync, Message: msg, Target: l.Dest, Suggestion: suggestion}
	p.Lines.Span(&d, l.Start, l.End)
	return d
}

// fragment decodes "#12-%E6%8A%80" to the heading ID it names.
func fragment(dest string) string {
	f := strings.TrimPrefix(dest, "#")
	if u, err := url.PathUnescape(f); err == nil {
		return u
	}
	return f
}

// linkText is the text between the brackets of "[text](dest)".
func linkText(src []byte, l site.Link) string {
	if l.Start < 0 || l.End > len(src) || l.Start >= l.End || src[l.Start] != '[' {
		return ""
	}
	s := string(src[l.Start+1 : l.End])
	if i := strings.LastIndex(s, "]("); i >= 0 {
		return strings.TrimSpace(s[:i])
	}
	if i := strings.LastIndex(s, "]["); i >= 0 {
		return strings.TrimSpace(s[:i])
	}
	return strings.TrimSpace(strings.TrimSuffix(s, "]"))
}

// guessHeading finds the one heading a stale entry most likely meant: same
// text as the link, else same text once numbers are dropped from both, else
// the same ID once its leading number is dropped. It returns -1 unless
// exactly one free heading matches at some step.
func guessHeading(p *site.Page, e tocEntry, free func(int) bool) int {
	steps := []func(h site.Heading) bool{
		func(h site.Heading) bool { return e.text != "" && h.Text == e.text },
		func(h site.Heading) bool { r := withoutNumber(e.text); return r != "" && withoutNumber(h.Text) == r },
		func(h site.Heading) bool { r := idWithoutNumber(e.frag); return r != "" && idWithoutNumber(h.ID) == r },
	}
	for _, match := range steps {
		found := -1
		for i, h := range p.Headings {
			if !free(i) || !match(h) {
				continue
			}
			if found >= 0 {
				found = -2
				break
			}
			found = i
		}
		if found >= 0 {
			return found
		}
	}
	return -1
}

func withoutNumber(text string) string {
	if t, ok := numbering.Parse(text); ok {
		return t.Rest
	}
	return strings.TrimSpace(text)
}

// idWithoutNumber drops the slug of a leading number: "121-核心理念" → "核心理念".
func idWithoutNumber(id string) string {
	i := 0
	for i < len(id) && '0' <= id[i] && id[i] <= '9' {
		i++
	}
	if i > 0 && i < len(id) && id[i] == '-' {
		return id[i+1:]
	}
	return id
}

// increasing marks a longest subsequence of entries whose headings are in
// page order (patience sorting, O(n log n)).
func increasing(entries []tocEntry) []bool {
	n := len(entries)
	keep := make([]bool, n)
	tails := []int{}       // tails[k]: index of the smallest last entry of a run of length k+1
	prev := make([]int, n) // predecessor in the run
	for i, e := range entries {
		k := sort.Search(len(tails), func(k int) bool { return entries[tails[k]].heading >= e.heading })
		prev[i] = -1
		if k > 0 {
			prev[i] = tails[k-1]
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	if len(tails) > 0 {
		for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
			keep[i] = true
		}
	}
	return keep
}

// Package check runs the source checks over the page model and applies the
// configuration: each rule's severity, and the files and targets to ignore.
package check

import (
	"path"
	"slices"
	"strings"
	"sync"

	"docsite/check/citations"
	"docsite/check/diagrams"
	checkglossary "docsite/check/glossary"
	"docsite/check/links"
	"docsite/check/numbering"
	"docsite/check/report"
	"docsite/check/translation"
	"docsite/internal/config"
	"docsite/internal/diag"
	"docsite/internal/site"
)

// Rule adds findings of one kind; the checks of later issues plug in here.
type Rule func(s *site.Site) []diag.Diagnostic

// Run checks the site and returns its findings with severities applied,
// sorted, without those the configuration turns off or ignores.
func Run(s *site.Site, cfg *config.Config, extra ...Rule) []diag.Diagnostic {
	skipTarget := func(dest string) bool { return matchAny(cfg.Ignore.Targets, dest) }
	rules := []Rule{
		func(s *site.Site) []diag.Diagnostic {
			ds := slices.Concat(s.Diagnostics, s.IndexDiags)
			for _, p := range s.Pages {
				ds = append(ds, p.Diags...)
			}
			return ds
		},
		func(s *site.Site) []diag.Diagnostic { return links.Check(s, skipTarget) },
		func(s *site.Site) []diag.Diagnostic {
			return links.Orphans(s, func(*site.Page) bool { return false })
		},
		translation.Check,
		numbering.Check,
		citationRule,
		func(s *site.Site) []diag.Diagnostic {
			return checkglossary.Check(s.GlossaryConflicts, func(f string) *diag.Lines {
				if p := s.ByPath[f]; p != nil {
					return p.Lines
				}
				return nil
			})
		},
		diagrams.Check,
	}
	// The rules only read the model: they run side by side, and their
	// findings are put together in one order, so the report is the same.
	found := make([][]diag.Diagnostic, len(rules)+len(extra))
	var wg sync.WaitGroup
	for i, r := range slices.Concat(rules, extra) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			found[i] = r(s)
		}()
	}
	wg.Wait()
	severity := map[diag.RuleID]diag.Severity{}
	for _, r := range Catalogue() {
		severity[r.ID] = r.Severity
	}
	var out []diag.Diagnostic
	for _, d := range slices.Concat(found...) {
		if matchAny(cfg.Ignore.Files, d.File) {
			continue
		}
		def, ok := severity[d.Rule]
		if !ok {
			def = d.Severity
		}
		d.Severity = cfg.Severity(d.Rule, def)
		if d.Severity == diag.Off {
			continue
		}
		out = append(out, d)
	}
	diag.Sort(out)
	return out
}

// matchAny matches name against globs; "dir/**" matches everything below dir.
func matchAny(globs []string, name string) bool {
	for _, g := range globs {
		if strings.HasSuffix(g, "/**") && strings.HasPrefix(name, strings.TrimSuffix(g, "**")) {
			return true
		}
		if ok, _ := path.Match(g, name); ok {
			return true
		}
		if strings.HasSuffix(g, "*") && !strings.ContainsAny(g[:len(g)-1], "*?[") && strings.HasPrefix(name, g[:len(g)-1]) {
			return true
		}
	}
	return false
}

// Summary counts pages, links and findings for the report.
func Summary(s *site.Site, ds []diag.Diagnostic) report.Summary {
	sum := report.Summary{}
	for _, p := range s.Pages {
		if !p.Generated {
			sum.Files++
			sum.Links += len(p.Links)
		}
	}
	sum.Errors, sum.Warnings = diag.Count(ds)
	return sum
}

// citationRule checks citation keys and definitions across the site.
func citationRule(s *site.Site) []diag.Diagnostic {
	if s.Citations == nil {
		return nil
	}
	refs := "REFERENCES.md"
	if s.Config.References != "" {
		refs = path.Base(s.Config.References)
	}
	var files []citations.File
	for _, p := range s.Pages {
		if !p.Generated {
			files = append(files, citations.File{Path: p.Path, Source: p.Source, Body: p.BodyOffset, Uses: p.Cites, Lines: p.Lines,
				Defs: p.Defs, Bad: p.BadDefs, DefsRead: p.DefsRead,
				References: path.Base(p.Key) == refs})
		}
	}
	return citations.Check(s.Citations, files)
}

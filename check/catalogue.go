package check

import (
	"cmp"
	"slices"

	"docsite/check/citations"
	"docsite/check/diagrams"
	"docsite/check/external"
	"docsite/check/glossary"
	"docsite/check/html"
	"docsite/check/links"
	"docsite/check/numbering"
	"docsite/check/translation"
	"docsite/internal/diag"
	"docsite/internal/load"
	"docsite/internal/markdown"
	"docsite/internal/site"
)

// Catalogue is every rule docsite reports, gathered in this one place from
// the packages that declare them beside the code that emits them. The
// checker takes default severities from it, SARIF lists it as the tool's
// rules, the configuration validates rule names against it, and
// docsite check --list-rules prints it.
func Catalogue() []diag.Rule {
	all := slices.Concat(links.Rules, markdown.Rules, citations.Rules, glossary.Rules, numbering.Rules,
		diagrams.Rules, html.Rules, external.Rules, translation.Rules, site.Rules, load.Rules)
	slices.SortFunc(all, func(a, b diag.Rule) int { return cmp.Compare(a.ID, b.ID) })
	return all
}

// Lookup finds a rule of the catalogue by ID.
func Lookup(id diag.RuleID) (diag.Rule, bool) {
	for _, r := range Catalogue() {
		if r.ID == id {
			return r, true
		}
	}
	return diag.Rule{}, false
}

// RuleIDs lists every rule ID, for the configuration to validate against.
func RuleIDs() []string {
	var ids []string
	for _, r := range Catalogue() {
		ids = append(ids, string(r.ID))
	}
	return ids
}

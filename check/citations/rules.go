package citations

import "docsite/internal/diag"

// The rules this package reports; check/rules gathers them into the catalogue.
const (
	RuleCitationUndefined diag.RuleID = "citation/undefined"
	RuleCitationDuplicate diag.RuleID = "citation/duplicate"
	RuleCitationMalformed diag.RuleID = "citation/malformed"
	RuleCitationUnused    diag.RuleID = "citation/unused"
	RuleCitationConflict  diag.RuleID = "citation/conflict"
)

// Rules describes them.
var Rules = []diag.Rule{
	{ID: RuleCitationUndefined, Severity: diag.Error, Short: "Citation of a key defined nowhere",
		Help: "The [key] is defined neither on the page nor in the nearest REFERENCES.md, so it renders without a reference. Define the key or fix its spelling (the suggestion names the closest known key)."},
	{ID: RuleCitationDuplicate, Severity: diag.Error, Short: "Citation key defined twice",
		Help: "The same key has two definitions, so readers may get the wrong source. Keep one definition."},
	{ID: RuleCitationMalformed, Severity: diag.Error, Short: "Broken citation definition",
		Help: "A definition line holds two definitions or is broken over lines, so a key is lost. Put each definition on a line of its own: [key]: https://url \"Title\"."},
	{ID: RuleCitationUnused, Severity: diag.Warning, Short: "Reference that no page cites",
		Help: "A key in REFERENCES.md is cited by no page. Remove it, or cite it where it belongs."},
	{ID: RuleCitationConflict, Severity: diag.Warning, Short: "Local definition that disagrees with REFERENCES.md",
		Help: "A page defines a key locally that REFERENCES.md lacks or defines differently. Move the definition to REFERENCES.md or make the two agree."},
}

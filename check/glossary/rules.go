package glossary

import "docsite/internal/diag"

// The rules this package reports; check/rules gathers them into the catalogue.
const (
	RuleGlossaryConflict diag.RuleID = "glossary/conflict"
)

// Rules describes them.
var Rules = []diag.Rule{
	{ID: RuleGlossaryConflict, Severity: diag.Error, Short: "Term defined twice with different expansions",
		Help: "Two glossary entries give the same term different expansions, so tooltips disagree between pages. Keep one expansion."},
}

package load

import "docsite/internal/diag"

// The rules this package reports; check/rules gathers them into the catalogue.
const (
	RulePageInternal diag.RuleID = "page/internal"
	RuleBuildFailed  diag.RuleID = "build/failed"
)

// Rules describes them.
var Rules = []diag.Rule{
	{ID: RulePageInternal, Severity: diag.Error, Short: "Page that could not be rendered",
		Help: "docsite failed on this page; the rest of the site was built. Please report it with the page attached."},
	{ID: RuleBuildFailed, Severity: diag.Error, Short: "The site could not be rebuilt",
		Help: "A rebuild of the preview failed (a configuration or content folder that cannot be read); the last good site stays up until the cause is fixed."},
}

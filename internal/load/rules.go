package load

import "docsite/internal/diag"

// The rules this package reports; check/rules gathers them into the catalogue.
const (
	RulePageInternal diag.RuleID = "page/internal"
	RuleBuildFailed  diag.RuleID = "build/failed"
	RulePageTooLarge diag.RuleID = "page/too-large"
	RulePageTooDeep  diag.RuleID = "page/too-deep"
)

// Rules describes them.
var Rules = []diag.Rule{
	{ID: RulePageInternal, Severity: diag.Error, Short: "Page that could not be rendered",
		Help: "docsite failed on this page; the rest of the site was built. Please report it with the page attached."},
	{ID: RuleBuildFailed, Severity: diag.Error, Short: "The site could not be rebuilt",
		Help: "A rebuild of the preview failed (a configuration or content folder that cannot be read); the last good site stays up until the cause is fixed."},
	{ID: RulePageTooLarge, Severity: diag.Warning, Short: "Page larger than limits.pageSize",
		Help: "A page this large would hold up the build and the pull-request gate, so it is published as plain text and not checked. Split it into smaller pages, or raise limits.pageSize in docsite.yaml."},
	{ID: RulePageTooDeep, Severity: diag.Warning, Short: "Lists, quotes or brackets nested deeper than limits.nesting",
		Help: "The Markdown parser's time grows with the cube of list depth, so a page nested this deep is published as plain text and not checked. Flatten the nesting, or raise limits.nesting in docsite.yaml."},
}

package html

import "docsite/internal/diag"

// The rules this package reports; check/rules gathers them into the catalogue.
const (
	RuleHtmlMissingTarget   diag.RuleID = "html/missing-target"
	RuleHtmlMissingFragment diag.RuleID = "html/missing-fragment"
)

// Rules describes them.
var Rules = []diag.Rule{
	{ID: RuleHtmlMissingTarget, Severity: diag.Error, Short: "Built HTML links to a file that is not in the output",
		Help: "A href, src or srcset in the built site points at no file. If the link came from Markdown the source check reports it too; otherwise a template or theme made it."},
	{ID: RuleHtmlMissingFragment, Severity: diag.Error, Short: "Built HTML links to a fragment that is not in the target page",
		Help: "The fragment matches no id or name in the target page of the built site. The theme or a raw HTML link may have produced it."},
}

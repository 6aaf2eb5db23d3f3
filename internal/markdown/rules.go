package markdown

import "docsite/internal/diag"

// The rules this package reports; check/rules gathers them into the catalogue.
const (
	RuleHeadingDuplicateId diag.RuleID = "heading/duplicate-id"
	RuleHtmlScript         diag.RuleID = "html/script"
	RulePageEncoding       diag.RuleID = "page/encoding"
	RuleMathParse          diag.RuleID = "math/parse"
)

// Rules describes them.
var Rules = []diag.Rule{
	{ID: RuleHeadingDuplicateId, Severity: diag.Error, Short: "Two anchors with the same explicit ID",
		Help: "Explicit heading IDs or HTML anchors on one page collide, so links to the ID reach only the first. Give each anchor a distinct ID."},
	{ID: RuleHtmlScript, Severity: diag.Warning, Short: "Script in page content",
		Help: "Raw HTML in the page contains a <script> element. It is passed through as written; make sure it is meant to run on the published site."},
	{ID: RulePageEncoding, Severity: diag.Warning, Short: "Page that is not valid UTF-8",
		Help: "The file holds bytes that are not UTF-8 (often a page saved in GBK). It is published with those bytes shown as U+FFFD; save it as UTF-8."},
	{ID: RuleMathParse, Severity: diag.Error, Short: "Formula that does not parse",
		Help: "KaTeX could not parse the formula, so the page shows its source instead. Fix the TeX; the message gives KaTeX's error."},
}

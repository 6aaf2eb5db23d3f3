package numbering

import "docsite/internal/diag"

// The rules this package reports; check/rules gathers them into the catalogue.
const (
	RuleNumberingTitle   diag.RuleID = "numbering/title"
	RuleNumberingHeading diag.RuleID = "numbering/heading"
	RuleTocOutOfSync     diag.RuleID = "toc/out-of-sync"
)

// Rules describes them.
var Rules = []diag.Rule{
	{ID: RuleNumberingTitle, Severity: diag.Warning, Short: "Page number that differs from its place in the sidebar",
		Help: "The number written in the page's H1 is not the number the sidebar gives the page by its position. Renumber the title, or move the file (docsite fix can renumber)."},
	{ID: RuleNumberingHeading, Severity: diag.Warning, Short: "Heading numbers out of sequence",
		Help: "A heading's number skips or repeats one (for example 1.3 after 1.1). The message names the number expected; docsite fix can renumber."},
	{ID: RuleTocOutOfSync, Severity: diag.Warning, Short: "Hand-written table of contents that no longer matches the headings",
		Help: "The page's own TOC lists headings or anchors that differ from its actual headings. Regenerate it (docsite fix) or edit it by hand."},
}

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
		Help: "In a folder whose pages evidently number by position (their H1 numbers are 1..k in some order, or two thirds of them match), the last part of this page's H1 number is not its position. Renumber the title or move the file. A translation is compared with the page it translates."},
	{ID: RuleNumberingHeading, Severity: diag.Warning, Short: "Heading numbers out of sequence",
		Help: "Within the page's own numbering scheme (chapter, per document, or numbered list-headings), a number repeats, skips or goes back from the one before it, is not under its parent's number, or has a part too many for its place. The message names the number expected; docsite fix renumbers sequence mistakes."},
	{ID: RuleTocOutOfSync, Severity: diag.Warning, Short: "Hand-written table of contents that no longer matches the headings",
		Help: "One finding per hand-written TOC, at its heading, counting the entries missing, extra, stale or out of order; the suggestion is the TOC regenerated (docsite fix applies it)."},
}

package translation

import "docsite/internal/diag"

// The rules this package reports; check/rules gathers them into the catalogue.
const (
	RuleTranslationOutOfSync diag.RuleID = "translation/out-of-sync"
	RuleTranslationCrossLink diag.RuleID = "translation/cross-link"
)

// Rules describes them.
var Rules = []diag.Rule{
	{ID: RuleTranslationOutOfSync, Severity: diag.Warning, Short: "Translation whose numbered headings no longer match its original",
		Help: "The translated page has a different number of numbered headings than the page it translates, so it has fallen behind. Bring the translation up to date."},
	{ID: RuleTranslationCrossLink, Severity: diag.Warning, Short: "Link into the other language's version of a page",
		Help: "The page links to a page in another language although a version in its own language exists. Link to that version, or give the link the other language's tag as its title (\"en\") when the switch is intended."},
}

package site

import "docsite/internal/diag"

// The rules this package reports; check/rules gathers them into the catalogue.
const (
	RuleLoadUnreadable   diag.RuleID = "load/unreadable"
	RuleLoadSymlink      diag.RuleID = "load/symlink"
	RuleLoadSpecialFile  diag.RuleID = "load/special-file"
	RuleLoadCaseConflict diag.RuleID = "load/case-conflict"
	RulePageFrontMatter  diag.RuleID = "page/front-matter"
	RulePageUrlConflict  diag.RuleID = "page/url-conflict"
)

// Rules describes them.
var Rules = []diag.Rule{
	{ID: RuleLoadUnreadable, Severity: diag.Warning, Short: "File that could not be read",
		Help: "The file was listed but could not be read (deleted meanwhile, or no permission). It is left out of the site."},
	{ID: RuleLoadSymlink, Severity: diag.Warning, Short: "Symbolic link not followed",
		Help: "A symbolic link to a folder, or to anything outside the content folder, is not followed, so nothing from elsewhere is published."},
	{ID: RuleLoadSpecialFile, Severity: diag.Warning, Short: "Pipe, socket or device in the content folder",
		Help: "Only regular files are published; reading a named pipe would block the build."},
	{ID: RulePageUrlConflict, Severity: diag.Error, Short: "Two pages with the same URL",
		Help: "Two source files map to one URL (for example a.md and a/README.md); only the first is published. Rename one of them."},
	{ID: RulePageFrontMatter, Severity: diag.Warning, Short: "Front matter that is not YAML, or a value of the wrong type",
		Help: "The block between the opening and closing --- lines is not YAML (the page then shows it as text), or a key docsite reads has a value of the wrong type and is ignored."},
	{ID: RuleLoadCaseConflict, Severity: diag.Warning, Short: "Two files whose names differ only in case",
		Help: "Case.md beside case.md works on Linux, but a checkout on macOS or Windows keeps only one of them, and links that name the other break there. Rename one."},
}

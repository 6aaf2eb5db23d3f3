package links

import "docsite/internal/diag"

// The rules this package reports; check/rules gathers them into the catalogue.
const (
	RuleLinkMissingFile       diag.RuleID = "link/missing-file"
	RuleLinkMissingAnchor     diag.RuleID = "link/missing-anchor"
	RuleLinkMissingImage      diag.RuleID = "link/missing-image"
	RuleLinkCaseMismatch      diag.RuleID = "link/case-mismatch"
	RuleLinkOutsideContent    diag.RuleID = "link/outside-content"
	RuleLinkFolderWithoutPage diag.RuleID = "link/folder-without-page"
	RulePageOrphan            diag.RuleID = "page/orphan"
)

// Rules describes them.
var Rules = []diag.Rule{
	{ID: RuleLinkMissingFile, Severity: diag.Error, Short: "Link to a file that does not exist",
		Help: "The link's destination names a file that is not in the content folder. The file was probably moved or renamed; point the link at its new path (the suggestion names the closest existing file) or remove it."},
	{ID: RuleLinkMissingAnchor, Severity: diag.Error, Short: "Link to a heading or anchor that does not exist",
		Help: "The fragment after '#' matches no heading ID (GitHub's slugs) and no explicit id or name anchor in the target page. Headings change their text or number; link to the heading's current slug."},
	{ID: RuleLinkMissingImage, Severity: diag.Error, Short: "Image that does not exist",
		Help: "The image's source names a file that is not in the content folder, so the page shows a broken image. Fix the path or add the file."},
	{ID: RuleLinkCaseMismatch, Severity: diag.Error, Short: "Link that works only on a case-insensitive file system",
		Help: "The target exists, but with different upper and lower case. It opens on macOS and Windows and breaks on the Linux server that publishes the site. Write the name exactly as the file is named."},
	{ID: RuleLinkOutsideContent, Severity: diag.Error, Short: "Link that leaves the content folder",
		Help: "The destination climbs out of the content folder with '..'. Files outside it are not published, so the link breaks on the site. Link to a page inside the content folder or to a full URL."},
	// Opt-in: a link to a folder works (GitHub shows the listing, the site
	// a generated index), so it is no error; docsite.yaml may ask for it
	// with rules: {link/folder-without-page: warning}.
	{ID: RuleLinkFolderWithoutPage, Severity: diag.Off, Short: "Link to a folder that has no landing page (off unless configured)",
		Help: "The link points at a folder that has no README.md, index.md, _index.md or page named after the folder. The link works: GitHub shows the folder's listing and the site a generated index of its pages. Turn this rule on to be told where a folder would deserve a landing page of its own."},
	{ID: RulePageOrphan, Severity: diag.Warning, Short: "Page that no other page or the navigation reaches",
		Help: "No link and no navigation entry leads to this page, so readers cannot find it. Link to it, list it in the navigation, or remove it."},
}

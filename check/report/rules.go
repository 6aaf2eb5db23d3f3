package report

import "docsite/internal/diag"

// RuleInfo describes one rule: what it finds, how to fix it, and how severe
// it is unless the configuration says otherwise.
type RuleInfo struct {
	ID       string
	Short    string // one line: what the rule finds
	Help     string // a paragraph: why it matters and how to fix it
	Severity diag.Severity
}

// Rules is the catalogue of every rule docsite reports, in the order of
// SPEC §9. SARIF lists it as the tool's rules and the checker takes default
// severities from it. Treat it as read-only.
var Rules = []RuleInfo{
	{"link/missing-file", "Link to a file that does not exist",
		"The link's destination names a file that is not in the content folder. The file was probably moved or renamed; point the link at its new path (the suggestion names the closest existing file) or remove it.",
		diag.Error},
	{"link/missing-anchor", "Link to a heading or anchor that does not exist",
		"The fragment after '#' matches no heading ID (GitHub's slugs) and no explicit id or name anchor in the target page. Headings change their text or number; link to the heading's current slug.",
		diag.Error},
	{"link/missing-image", "Image that does not exist",
		"The image's source names a file that is not in the content folder, so the page shows a broken image. Fix the path or add the file.",
		diag.Error},
	{"link/case-mismatch", "Link that works only on a case-insensitive file system",
		"The target exists, but with different upper and lower case. It opens on macOS and Windows and breaks on the Linux server that publishes the site. Write the name exactly as the file is named.",
		diag.Error},
	{"link/outside-content", "Link that leaves the content folder",
		"The destination climbs out of the content folder with '..'. Files outside it are not published, so the link breaks on the site. Link to a page inside the content folder or to a full URL.",
		diag.Error},
	{"link/folder-without-page", "Link to a folder that has no landing page",
		"The link points at a folder that has no README.md, index.md, _index.md or page named after the folder. Link to a page inside the folder, or add a landing page.",
		diag.Error},
	{"heading/duplicate-id", "Two anchors with the same explicit ID",
		"Explicit heading IDs or HTML anchors on one page collide, so links to the ID reach only the first. Give each anchor a distinct ID.",
		diag.Error},
	{"citation/undefined", "Citation of a key defined nowhere",
		"The [key] is defined neither on the page nor in the nearest REFERENCES.md, so it renders without a reference. Define the key or fix its spelling (the suggestion names the closest known key).",
		diag.Error},
	{"citation/duplicate", "Citation key defined twice",
		"The same key has two definitions, so readers may get the wrong source. Keep one definition.",
		diag.Error},
	{"citation/malformed", "Broken citation definition",
		"A definition line holds two definitions or is broken over lines, so a key is lost. Put each definition on a line of its own: [key]: https://url \"Title\".",
		diag.Error},
	{"citation/unused", "Reference that no page cites",
		"A key in REFERENCES.md is cited by no page. Remove it, or cite it where it belongs.",
		diag.Warning},
	{"citation/conflict", "Local definition that disagrees with REFERENCES.md",
		"A page defines a key locally that REFERENCES.md lacks or defines differently. Move the definition to REFERENCES.md or make the two agree.",
		diag.Warning},
	{"glossary/conflict", "Term defined twice with different expansions",
		"Two glossary entries give the same term different expansions, so tooltips disagree between pages. Keep one expansion.",
		diag.Error},
	{"numbering/title", "Page number that differs from its place in the sidebar",
		"The number written in the page's H1 is not the number the sidebar gives the page by its position. Renumber the title, or move the file (docsite fix can renumber).",
		diag.Warning},
	{"numbering/heading", "Heading numbers out of sequence",
		"A heading's number skips or repeats one (for example 1.3 after 1.1). The message names the number expected; docsite fix can renumber.",
		diag.Warning},
	{"toc/out-of-sync", "Hand-written table of contents that no longer matches the headings",
		"The page's own TOC lists headings or anchors that differ from its actual headings. Regenerate it (docsite fix) or edit it by hand.",
		diag.Warning},
	{"math/parse", "Formula that does not parse",
		"KaTeX could not parse the formula, so the page shows its source instead. Fix the TeX; the message gives KaTeX's error.",
		diag.Error},
	{"mermaid/unknown-type", "Mermaid diagram of an unknown type",
		"The first word of the mermaid block is not a diagram type mermaid knows, so the browser shows an error. Check the spelling (graph, flowchart, sequenceDiagram, ...).",
		diag.Warning},
	{"page/orphan", "Page that no other page or the navigation reaches",
		"No link and no navigation entry leads to this page, so readers cannot find it. Link to it, list it in the navigation, or remove it.",
		diag.Warning},
	{"html/missing-target", "Built HTML links to a file that is not in the output",
		"A href, src or srcset in the built site points at no file. If the link came from Markdown the source check reports it too; otherwise a template or theme made it.",
		diag.Error},
	{"html/missing-fragment", "Built HTML links to a fragment that is not in the target page",
		"The fragment matches no id or name in the target page of the built site. The theme or a raw HTML link may have produced it.",
		diag.Error},
	{"html/script", "Script in page content",
		"Raw HTML in the page contains a <script> element. It is passed through as written; make sure it is meant to run on the published site.",
		diag.Warning},
	{"external/broken", "External link that does not answer",
		"The URL failed after retries: an HTTP error status, a timeout, a redirect loop or no connection. Update or remove the link, or exclude the URL in docsite.yaml if the site blocks robots.",
		diag.Error},
	{"translation/out-of-sync", "Translation whose numbered headings no longer match its original",
		"The translated page has a different number of numbered headings than the page it translates, so it has fallen behind. Bring the translation up to date.",
		diag.Warning},
	{"translation/cross-link", "Link into the other language's version of a page",
		"The page links to a page in another language although a version in its own language exists. Link to that version, or give the link the other language's tag as its title (\"en\") when the switch is intended.",
		diag.Warning},
	{"load/unreadable", "File that could not be read",
		"The file was listed but could not be read (deleted meanwhile, or no permission). It is left out of the site.",
		diag.Warning},
	{"load/symlink", "Symbolic link not followed",
		"A symbolic link to a folder, or to anything outside the content folder, is not followed, so nothing from elsewhere is published.",
		diag.Warning},
	{"load/special-file", "Pipe, socket or device in the content folder",
		"Only regular files are published; reading a named pipe would block the build.",
		diag.Warning},
	{"page/url-conflict", "Two pages with the same URL",
		"Two source files map to one URL (for example a.md and a/README.md); only the first is published. Rename one of them.",
		diag.Error},
	{"page/front-matter", "Front matter value of the wrong type",
		"A front matter key docsite reads has a value of the wrong type and is ignored.",
		diag.Warning},
	{"page/encoding", "Page that is not valid UTF-8",
		"The file holds bytes that are not UTF-8 (often a page saved in GBK). It is published with those bytes shown as U+FFFD; save it as UTF-8.",
		diag.Warning},
	{"page/internal", "Page that could not be rendered",
		"docsite failed on this page; the rest of the site was built. Please report it with the page attached.",
		diag.Error},
}

// Rule looks a rule up by ID.
func Rule(id string) (RuleInfo, bool) {
	for _, r := range Rules {
		if r.ID == id {
			return r, true
		}
	}
	return RuleInfo{}, false
}

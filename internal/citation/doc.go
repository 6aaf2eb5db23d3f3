// Package citation handles citation keys such as [k3s-memory]: their
// definitions in REFERENCES.md files and pages, their uses in prose, and the
// HTML of a page's reference list and of the site's references page.
//
// The flow, one parse per page:
//
//	defs, _ := citation.ParseDefs(src)          // every file, line by line
//	ix := citation.NewIndex(refs, pages)          // before the parallel parse
//	citation.SetPage(pc, citation.PageInfo{…})    // per page, in the parser context
//	doc := parser.Parse(…)                        // New() turns [key] into *Node
//	uses := citation.Collect(doc)                 // for the model and the checker
//
// The transformer also drops the page's definition lines (the reference
// list it appends replaces them), so no definition renders as stray text.
package citation

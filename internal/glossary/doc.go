// Package glossary turns the corpus's own term tables into a glossary: it
// reads entries from the goldmark AST of glossary pages (tables and
// definition lists), merges them into one Glossary, marks the first use of
// each term on every other page with a tooltip and a link, and writes the
// glossary page itself.
//
// The pieces run in this order, each on data the previous one made:
//
//	IsSource (which pages) → Entries (per page AST) → New (merge, conflicts)
//	→ Annotate (per page AST, between parse and render) → Page (HTML)
//
// A Glossary is read-only once made, so pages may be annotated in parallel.
package glossary

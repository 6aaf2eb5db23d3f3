// Package search builds the static full-text index that the site's search
// box queries in the browser, and holds a Go copy of the browser's ranking
// so that tests can check what a reader would see.
//
// Han, Kana and Hangul are tokenised into single characters and overlapping
// bigrams, everything else into lower-cased words (see Tokenize), so that a
// Chinese query typed without spaces finds the text it appears in. The index
// is split into shards by a hash of the term: a query fetches only the few
// shards its terms live in.
//
// Files written under search/ (paths relative to the site root):
//
//	langs.json              the languages that have an index, sorted
//	<lang>/meta.json        documents, section lengths, corpus statistics
//	<lang>/shard-<n>.json   postings: {"term": [doc delta, section, code, ...]}
//	<lang>/d/<doc>.json     per document, [[heading, anchor, text], ...] for
//	                        result headings and snippets, fetched for the top hits
//
// A posting code packs the term frequency in the section body (code>>2), a
// heading flag (code&2) and a title flag (code&1, only on section 0).
package search

// Doc is one page as the search index sees it.
type Doc struct {
	// URL of the page, without a fragment: absolute ("/docs/a/") as links
	// use it, or relative to the site root ("a/"), which the client joins to
	// the page's data-base.
	URL    string
	Title  string
	Lang   string // BCP 47 tag; one index is built per language
	Number string // the page's navigation number, e.g. "1.2", may be empty
	// Sections in page order. The first may have an empty Heading: the text
	// before the first heading.
	Sections []Section
}

// Section is a heading and the text up to the next heading.
type Section struct {
	Heading string
	Anchor  string // the heading's ID, without '#'
	Level   int
	Text    string // plain text; the caller decides whether code is included
}

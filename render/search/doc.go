// Package search builds the static full-text index that the site's search
// box queries in the browser, and holds a Go copy of the browser's ranking
// so that tests can check what a reader would see.
//
// Han, Kana and Hangul are tokenised into single characters and overlapping
// bigrams, everything else into lower-cased words with plurals folded (see
// Tokenize), so that a Chinese query typed without spaces finds the text it
// appears in. Every term keeps its slots (positions counted in characters
// and words), so that a phrase is told from its bigrams scattered.
//
// Files written under search/ (paths relative to the site root):
//
//	langs.json           the languages that have an index, sorted
//	<lang>/meta.json     sections per page, snippet chunks, corpus
//	                     statistics, ranking constants, each shard's first term
//	<lang>/shard-<n>.json {"term": "posting lists", ...} for a run of terms in
//	                     sorted order, about 4 KB (see postings.go, write.go)
//	<lang>/t/<n>.json    [[heading, anchor, text(, url, title, number)], ...]
//	                     of consecutive sections, about 2 KB: a hit fetches
//	                     the one its section is in
//
// Sections are numbered across the whole language in page order; postings
// name a section by that number. The client ranks each page by its best
// section (see rank in rank_twin_test.go and its twin in search.js).
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

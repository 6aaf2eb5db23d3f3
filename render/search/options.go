package search

// Option changes how Build makes the index.
type Option func(*config)

type config struct {
	shards       int     // shard files per language; 0 picks by index size
	k1, b        float64 // BM25 saturation and length normalisation
	titleBoost   float64 // weight of the title field against the body
	headingBoost float64 // weight of a section heading against the body
	maxText      int     // code points of section text kept for snippets; <0 none, 0 all
}

func defaults() config {
	return config{k1: 1.2, b: 0.75, titleBoost: 4, headingBoost: 3, maxText: 0}
}

// WithShards fixes the number of shard files per language (1 to 4096).
// By default it grows with the index so that a shard stays near 64 KB.
func WithShards(n int) Option {
	return func(c *config) { c.shards = min(max(n, 1), 4096) }
}

// WithBoosts sets how much the page title and a section heading weigh. Each
// adds boost × (sum of the IDFs of the query terms it holds) × (share of the
// query terms it holds)², the title to every section of its page: a heading
// that holds the whole query counts fully, one that shares a word with it
// little. The values are written to meta.json, so the browser ranks with
// them too.
func WithBoosts(title, heading float64) Option {
	return func(c *config) { c.titleBoost, c.headingBoost = max(title, 0), max(heading, 0) }
}

// WithSnippetText caps the text stored per section for snippets, in code
// points: 0 keeps it all (the default), a negative value stores none. Text
// past the cap is still indexed; a hit there gets a snippet from the start of
// the section.
func WithSnippetText(maxRunes int) Option {
	return func(c *config) { c.maxText = maxRunes }
}

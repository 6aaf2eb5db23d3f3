package search

// Option changes how Build makes the index.
type Option func(*config)

type config struct {
	shardSize    int     // bytes of a shard file before the next term starts another
	chunkSize    int     // bytes of a snippet file before the next section starts another
	k1, b        float64 // BM25 saturation and length normalisation
	titleBoost   float64 // weight of the title field against the body
	headingBoost float64 // weight of a section heading against the body
	maxText      int     // code points of section text kept for snippets; <0 none, 0 all
}

func defaults() config {
	return config{shardSize: 4 << 10, chunkSize: 2 << 10, k1: 1.2, b: 0.75, titleBoost: 4, headingBoost: 3}
}

// WithShardSize sets the size a shard file grows to before the next term
// starts another (at least 256 bytes). A query reads about this much per
// term, so smaller shards cost less per query and more files.
func WithShardSize(n int) Option {
	return func(c *config) { c.shardSize = max(n, 256) }
}

// WithChunkSize sets the size of the files that hold snippet text; a hit
// fetches the one its section is in.
func WithChunkSize(n int) Option {
	return func(c *config) { c.chunkSize = max(n, 256) }
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

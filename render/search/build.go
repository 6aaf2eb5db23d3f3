package search

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"unicode/utf8"
)

// Stats describes a built index, so that its size can be weighed against
// the text it covers.
type Stats struct {
	Langs     int
	Docs      int
	Sections  int
	Tokens    int // terms read from titles, headings and text, repeats counted
	Terms     int // distinct terms, summed over languages
	Postings  int
	Shards    int // shard files, summed over languages
	TextBytes int // UTF-8 bytes of the titles, headings and text indexed

	IndexBytes int // all files together; the sum of the next three and langs.json
	MetaBytes  int
	ShardBytes int
	DocBytes   int // per-document heading and snippet files
}

// prefixLen is the length of a Latin term's shard key: words that share
// their first prefixLen code points share a shard, which lets the client
// complete the word being typed by scanning one shard.
const prefixLen = 3

// Build makes the index files for docs, keyed by their path relative to the
// site root (all under search/). Docs should come in reading order: ties in
// ranking go to the earlier one.
func Build(docs []Doc, opts ...Option) (map[string][]byte, Stats, error) {
	cfg := defaults()
	for _, o := range opts {
		o(&cfg)
	}
	byLang := map[string][]*Doc{}
	for i := range docs {
		d := &docs[i]
		if d.URL == "" {
			return nil, Stats{}, fmt.Errorf("search: document %d (%q) has no URL", i, d.Title)
		}
		l := langDir(d.Lang)
		byLang[l] = append(byLang[l], d)
	}
	langs := make([]string, 0, len(byLang))
	for l := range byLang {
		langs = append(langs, l)
	}
	slices.Sort(langs)

	files := map[string][]byte{}
	var st Stats
	for _, l := range langs {
		ix := newIndexer(&cfg)
		for _, d := range byLang[l] {
			ix.add(d)
		}
		ix.write(files, "search/"+l+"/", l, &st)
	}
	b := []byte{'['}
	for i, l := range langs {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, l)
	}
	files["search/langs.json"] = append(b, ']')
	st.Langs = len(langs)
	for _, f := range files {
		st.IndexBytes += len(f)
	}
	return files, st, nil
}

// langDir makes a language tag safe as a folder name.
func langDir(tag string) string {
	if tag == "" {
		return "und"
	}
	return strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' {
			return r
		}
		return '-'
	}, tag)
}

type docRecord struct {
	url, title, number string
	lens               []int
	sections           [][3]string // heading, anchor, stored text
}

// indexer builds the index of one language.
type indexer struct {
	cfg   *config
	ids   map[string]int32
	cjk   map[uint64]int32 // the same ids, for CJK terms by their scan key
	terms []string
	uni   []bool    // the term is a single CJK character
	post  [][]int32 // per term: global section id, code pairs
	// Scratch for the section being read, indexed by term id.
	tf      []int32
	head    []bool
	touched []int32
	// Scratch for the page being read: its best section per CJK character.
	best     [][2]int32 // global section id (-1: none yet), code
	bestUsed []int32
	docs     []docRecord
	nsec     int32 // sections so far: the global id of the next one
	tokens   int
	text     int
	total    int // sum of section lengths
}

func newIndexer(cfg *config) *indexer {
	return &indexer{cfg: cfg, ids: map[string]int32{}, cjk: map[uint64]int32{}}
}

func (ix *indexer) id(term []byte, key uint64) int32 {
	var id int32
	var ok bool
	if key != 0 {
		id, ok = ix.cjk[key]
	} else {
		id, ok = ix.ids[string(term)]
	}
	if !ok {
		id = int32(len(ix.terms))
		t := string(term)
		if key != 0 {
			ix.cjk[key] = id
		} else {
			ix.ids[t] = id
		}
		ix.terms = append(ix.terms, t)
		ix.uni = append(ix.uni, utf8.RuneCountInString(t) == 1 && isCJKTerm(t))
		ix.post = append(ix.post, nil)
		ix.tf = append(ix.tf, 0)
		ix.head = append(ix.head, false)
		ix.best = append(ix.best, [2]int32{-1, 0})
	}
	if ix.tf[id] == 0 && !ix.head[id] {
		ix.touched = append(ix.touched, id)
	}
	return id
}

// add indexes one page. A term gets a posting per section it occurs in,
// except single CJK characters: they occur nearly everywhere, queries use
// them only when the reader typed one character alone, and a posting per
// section would double the index. They get one posting per page, on the
// section that has the character in its heading, else the most often.
func (ix *indexer) add(d *Doc) {
	rec := docRecord{url: d.URL, title: normalize(d.Title), number: d.Number}
	ix.text += len(d.Title)
	ix.tokens += len(Tokenize(rec.title))
	secs := d.Sections
	if len(secs) == 0 {
		secs = []Section{{}} // a page with only a title is still found by it
	}
	for _, s := range secs {
		heading, text := normalize(s.Heading), normalize(s.Text)
		ix.text += len(s.Heading) + len(s.Text)
		n := 0 // the body's length; a heading is scored as a whole field
		scan(heading, func(t []byte, key uint64, _, _ int) {
			ix.head[ix.id(t, key)] = true
			ix.tokens++
		})
		scan(text, func(t []byte, key uint64, _, _ int) {
			ix.tf[ix.id(t, key)]++
			n++
		})
		ix.tokens += n
		for _, id := range ix.touched {
			code := ix.tf[id] << 1
			if ix.head[id] {
				code |= 1
			}
			if !ix.uni[id] {
				ix.post[id] = append(ix.post[id], ix.nsec, code)
			} else if b := ix.best[id]; b[0] < 0 || better(code, b[1]) {
				if b[0] < 0 {
					ix.bestUsed = append(ix.bestUsed, id)
				}
				ix.best[id] = [2]int32{ix.nsec, code}
			}
			ix.tf[id], ix.head[id] = 0, false
		}
		ix.touched = ix.touched[:0]
		rec.lens = append(rec.lens, n)
		ix.total += n
		ix.nsec++
		switch {
		case ix.cfg.maxText < 0:
			text = ""
		case ix.cfg.maxText > 0:
			text = truncate(text, ix.cfg.maxText)
		}
		rec.sections = append(rec.sections, [3]string{heading, s.Anchor, text})
	}
	for _, id := range ix.bestUsed {
		ix.post[id] = append(ix.post[id], ix.best[id][0], ix.best[id][1])
		ix.best[id] = [2]int32{-1, 0}
	}
	ix.bestUsed = ix.bestUsed[:0]
	ix.docs = append(ix.docs, rec)
}

// better reports whether posting code a beats b: a heading hit first, then
// the higher frequency.
func better(a, b int32) bool {
	if a&1 != b&1 {
		return a&1 == 1
	}
	return a>>1 > b>>1
}

// shardOf returns the shard of a term: by the whole term for CJK, by its
// first prefixLen code points otherwise.
// docsPerFile is how many pages' texts share one d/<n>.json file.
const docsPerFile = 8

func shardOf(term string, shards int) int {
	key := term
	if r := []rune(term); !isCJK(r[0]) && len(r) > prefixLen {
		key = string(r[:prefixLen])
	}
	// FNV-1a, 32 bits: a few lines in JavaScript too.
	h := uint32(2166136261)
	for i := 0; i < len(key); i++ {
		h ^= uint32(key[i])
		h *= 16777619
	}
	return int(h % uint32(shards))
}

func (ix *indexer) write(files map[string][]byte, dir, lang string, st *Stats) {
	postings := 0
	for _, p := range ix.post {
		postings += len(p) / 2
	}
	shards := ix.cfg.shards
	if shards == 0 {
		// About 2 bytes a posting and 12 a term; aim at 32 KB a shard.
		shards = 1
		for est := postings*2 + len(ix.terms)*12; shards < 1024 && est/shards > 64<<10; shards *= 2 {
		}
	}
	order := make([]int32, len(ix.terms))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(ix.terms[a], ix.terms[b]) })
	buckets := make([][]int32, shards)
	for _, id := range order {
		s := shardOf(ix.terms[id], shards)
		buckets[s] = append(buckets[s], id)
	}

	h := fnv.New64a()
	put := func(name string, b []byte, size *int) {
		files[dir+name] = b
		h.Write([]byte(name))
		h.Write(b)
		*size += len(b)
	}
	for s, ids := range buckets {
		b := []byte{'{'}
		for i, id := range ids {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, ix.terms[id])
			b = append(b, ':', '"')
			b = appendPostings(b, ix.post[id])
			b = append(b, '"')
		}
		put(fmt.Sprintf("shard-%d.json", s), append(b, '}'), &st.ShardBytes)
	}
	// Page texts go docsPerFile to a file: a query fetches a few of them for
	// its top hits, and a site of 1,200 pages writes 150 files, not 1,200
	// (creating a file is the dearest step of writing the site).
	var chunk []byte
	flush := func(i int) {
		if chunk != nil {
			put(fmt.Sprintf("d/%d.json", i/docsPerFile), append(chunk, ']'), &st.DocBytes)
			chunk = nil
		}
	}
	for i, d := range ix.docs {
		if i%docsPerFile == 0 {
			flush(i - 1)
			chunk = []byte{'['}
		} else {
			chunk = append(chunk, ',')
		}
		b := []byte{'['}
		for j, s := range d.sections {
			if j > 0 {
				b = append(b, ',')
			}
			b = append(b, '[')
			b = appendString(b, s[0])
			b = append(b, ',')
			b = appendString(b, s[1])
			b = append(b, ',')
			b = appendString(b, s[2])
			b = append(b, ']')
		}
		chunk = append(chunk, append(b, ']')...)
	}
	flush(len(ix.docs) - 1)

	sections := 0
	for _, d := range ix.docs {
		sections += len(d.lens)
	}
	avg := 0.0
	if sections > 0 {
		avg = float64(ix.total) / float64(sections)
	}
	b := []byte(`{"v":1,"lang":`)
	b = appendString(b, lang)
	b = append(b, `,"id":`...)
	b = appendString(b, fmt.Sprintf("%016x", h.Sum64()))
	b = append(b, `,"shards":`...)
	b = appendInt(b, shards)
	b = append(b, `,"chunk":`...)
	b = appendInt(b, docsPerFile)
	b = append(b, `,"prefix":`...)
	b = appendInt(b, prefixLen)
	b = append(b, `,"n":`...)
	b = appendInt(b, sections)
	b = append(b, `,"avg":`...)
	b = appendFloat(b, float64(int(avg*1000+0.5))/1000)
	for _, kv := range []struct {
		k string
		v float64
	}{{"k1", ix.cfg.k1}, {"b", ix.cfg.b}, {"tb", ix.cfg.titleBoost}, {"hb", ix.cfg.headingBoost}} {
		b = append(b, `,"`...)
		b = append(b, kv.k...)
		b = append(b, `":`...)
		b = appendFloat(b, kv.v)
	}
	b = append(b, `,"docs":[`...)
	for i, d := range ix.docs {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = appendString(b, d.url)
		b = append(b, ',')
		b = appendString(b, d.title)
		b = append(b, ',')
		b = appendString(b, d.number)
		b = append(b, ',', '[')
		for j, n := range d.lens {
			if j > 0 {
				b = append(b, ',')
			}
			b = appendInt(b, n)
		}
		b = append(b, ']', ']')
	}
	b = append(b, ']', '}')
	files[dir+"meta.json"] = b
	st.MetaBytes += len(b)

	st.Docs += len(ix.docs)
	st.Sections += sections
	st.Tokens += ix.tokens
	st.Terms += len(ix.terms)
	st.Postings += postings
	st.Shards += shards
	st.TextBytes += ix.text
}

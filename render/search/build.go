package search

import (
	"fmt"
	"slices"
	"strings"
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
	DocBytes   int // snippet files
}

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
		readPages(&cfg, byLang[l], ix.add)
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
	sections           [][3]string // heading, anchor, snippet text
}

// term is one index term and its posting lists as they grow.
type term struct {
	text       string
	id         int32
	uni        bool   // a single CJK character: no slots, a posting per page
	sec, title []byte // the encoded lists
	df         int
	lastSec    int32
	lastDoc    int32
	// For a single character, its best section of the current page.
	best     int32 // global section id, -1 for none yet
	bestCode [3]uint32
}

// indexer builds the index of one language from its pages' terms, in
// reading order.
type indexer struct {
	cfg    *config
	ids    map[string]int32
	cjk    map[uint64]int32 // the same ids, for CJK terms by their scan key
	terms  []*term
	inPage []int32 // single characters of the current page
	global []int32 // the current page's term numbers in the index
	docs   []docRecord
	nsec   int32 // sections so far: the global id of the next one
	tokens int
	text   int
	total  int // sum of section lengths
}

func newIndexer(cfg *config) *indexer {
	return &indexer{cfg: cfg, ids: map[string]int32{}, cjk: map[uint64]int32{}}
}

func (ix *indexer) id(pt pageTerm) *term {
	var id int32
	var ok bool
	if pt.key != 0 {
		id, ok = ix.cjk[pt.key]
	} else {
		id, ok = ix.ids[pt.text]
	}
	if !ok {
		id = int32(len(ix.terms))
		if pt.key != 0 {
			ix.cjk[pt.key] = id
		} else {
			ix.ids[pt.text] = id
		}
		ix.terms = append(ix.terms, &term{text: pt.termText(), id: id, uni: pt.uni(), best: -1})
	}
	return ix.terms[id]
}

// add puts one page's terms in the index.
func (ix *indexer) add(p *pageTerms) {
	doc := int32(len(ix.docs))
	ix.global = ix.global[:0]
	for _, pt := range p.terms {
		ix.global = append(ix.global, ix.id(pt).id)
	}
	for _, ts := range p.title {
		t := ix.terms[ix.global[ts.term]]
		t.title = appendVarint(t.title, uint32(doc-t.lastDoc))
		t.title = appendVarint(t.title, uint32(max(p.words, 1)))
		t.title = appendVarint(t.title, uint32(ts.to-ts.from))
		t.title = appendSlots(t.title, p.slots[ts.from:ts.to])
		t.lastDoc = doc
	}
	from := int32(0)
	for _, sec := range p.secs {
		for _, e := range p.entries[from:sec.end] {
			t := ix.terms[ix.global[e.term]]
			code := [3]uint32{sec.lenClass, uint32(e.head), uint32(e.body)}
			if t.uni {
				if t.best < 0 {
					ix.inPage = append(ix.inPage, t.id)
				}
				if t.best < 0 || better(code, t.bestCode) {
					t.best, t.bestCode = ix.nsec, code
				}
				continue
			}
			ix.post(t, ix.nsec, code)
			t.sec = appendSlots(t.sec, p.slots[e.from:e.from+e.head])
			t.sec = appendSlots(t.sec, p.slots[e.from+e.head:e.from+e.head+e.body])
		}
		from = sec.end
		ix.nsec++
	}
	for _, id := range ix.inPage {
		t := ix.terms[id]
		ix.post(t, t.best, t.bestCode)
		t.best = -1
	}
	ix.inPage = ix.inPage[:0]
	ix.tokens += p.tokens
	ix.text += p.text
	ix.total += p.total
	ix.docs = append(ix.docs, p.rec)
}

func (ix *indexer) post(t *term, sec int32, code [3]uint32) {
	t.sec = appendVarint(t.sec, uint32(sec-t.lastSec))
	for _, v := range code {
		t.sec = appendVarint(t.sec, v)
	}
	t.lastSec = sec
	t.df++
}

// better reports whether a single character's section a beats b: a heading
// hit first, then the higher frequency.
func better(a, b [3]uint32) bool {
	if (a[1] > 0) != (b[1] > 0) {
		return a[1] > 0
	}
	return a[2] > b[2]
}

// snippetText is what a hit on section i shows. A section with no text of
// its own (a heading right before its first subheading, or one holding only
// code) shows the paragraph that follows it, so that every hit has a
// snippet.
func snippetText(cfg *config, texts []string, i int) string {
	text := texts[i]
	for j := i + 1; text == "" && j < len(texts); j++ {
		text = truncate(texts[j], fallbackText)
	}
	switch {
	case cfg.maxText < 0:
		return ""
	case cfg.maxText > 0:
		return truncate(text, cfg.maxText)
	}
	return text
}

// fallbackText is how much of the next section an empty one borrows.
const fallbackText = 240

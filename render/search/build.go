package search

import (
	"fmt"
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
	sections           [][3]string // heading, anchor, snippet text
}

// term is one index term and its posting lists as they grow.
type term struct {
	text           string
	id             int32
	uni            bool   // a single CJK character: no slots, a posting per page
	sec, title     []byte // the encoded lists
	df             int
	lastSec        int32
	lastDoc        int32
	head, body, tt []int32 // slots in the current heading, body and title
	// For a single character, its best section of the current page.
	best     int32 // global section id, -1 for none yet
	bestCode [3]uint32
}

// indexer builds the index of one language.
type indexer struct {
	cfg     *config
	ids     map[string]int32
	cjk     map[uint64]int32 // the same ids, for CJK terms by their scan key
	terms   []*term
	touched []int32 // terms of the current section
	inTitle []int32 // terms of the current title
	inPage  []int32 // single characters of the current page
	docs    []docRecord
	nsec    int32 // sections so far: the global id of the next one
	tokens  int
	text    int
	total   int // sum of section lengths
}

func newIndexer(cfg *config) *indexer {
	return &indexer{cfg: cfg, ids: map[string]int32{}, cjk: map[uint64]int32{}}
}

func (ix *indexer) id(b []byte, key uint64) *term {
	var id int32
	var ok bool
	if key != 0 {
		id, ok = ix.cjk[key]
	} else {
		id, ok = ix.ids[string(b)]
	}
	if !ok {
		id = int32(len(ix.terms))
		t := string(b)
		if key != 0 {
			ix.cjk[key] = id
		} else {
			ix.ids[t] = id
		}
		ix.terms = append(ix.terms, &term{text: t, id: id, uni: utf8.RuneCountInString(t) == 1 && isCJKTerm(t), best: -1})
	}
	return ix.terms[id]
}

// add indexes one page.
func (ix *indexer) add(d *Doc) {
	doc := int32(len(ix.docs))
	rec := docRecord{url: d.URL, title: normalize(d.Title), number: d.Number}
	ix.text += len(d.Title)
	words := 0
	// The title's length counts characters and words, not numbers: "3.2"
	// is in most titles and says nothing.
	scan(rec.title, func(b []byte, key uint64, _, n, slot int) {
		t := ix.id(b, key)
		if len(t.tt) == 0 {
			ix.inTitle = append(ix.inTitle, t.id)
		}
		t.tt = append(t.tt, int32(slot))
		ix.tokens++
		if t.uni || key == 0 && strings.Trim(t.text, "0123456789") != "" {
			words++
		}
	})
	for _, id := range ix.inTitle {
		t := ix.terms[id]
		t.title = appendVarint(t.title, uint32(doc-t.lastDoc))
		t.title = appendVarint(t.title, uint32(max(words, 1)))
		t.title = appendVarint(t.title, uint32(len(t.tt)))
		t.title = appendSlots(t.title, t.tt)
		t.lastDoc, t.tt = doc, t.tt[:0]
	}
	ix.inTitle = ix.inTitle[:0]

	secs := d.Sections
	if len(secs) == 0 {
		secs = []Section{{}} // a page with only a title is still found by it
	}
	texts := make([]string, len(secs))
	for i, s := range secs {
		texts[i] = normalize(s.Text)
	}
	for i, s := range secs {
		heading, text := normalize(s.Heading), texts[i]
		ix.text += len(s.Heading) + len(s.Text)
		n := 0 // the body's length; a heading is scored as a whole field
		scan(heading, func(b []byte, key uint64, _, _, slot int) {
			t := ix.touch(b, key)
			t.head = append(t.head, int32(slot))
			ix.tokens++
		})
		scan(text, func(b []byte, key uint64, _, _, slot int) {
			t := ix.touch(b, key)
			t.body = append(t.body, int32(slot))
			n++
		})
		ix.tokens += n
		lc := lenClass(n)
		for _, id := range ix.touched {
			t := ix.terms[id]
			code := [3]uint32{lc, uint32(len(t.head)), uint32(len(t.body))}
			if t.uni {
				if t.best < 0 {
					ix.inPage = append(ix.inPage, id)
				}
				if t.best < 0 || better(code, t.bestCode) {
					t.best, t.bestCode = ix.nsec, code
				}
			} else {
				ix.post(t, ix.nsec, code)
				t.sec = appendSlots(t.sec, t.head)
				t.sec = appendSlots(t.sec, t.body)
			}
			t.head, t.body = t.head[:0], t.body[:0]
		}
		ix.touched = ix.touched[:0]
		ix.total += n
		ix.nsec++
		rec.sections = append(rec.sections, [3]string{heading, s.Anchor, ix.snippetText(texts, i)})
	}
	for _, id := range ix.inPage {
		t := ix.terms[id]
		ix.post(t, t.best, t.bestCode)
		t.best = -1
	}
	ix.inPage = ix.inPage[:0]
	ix.docs = append(ix.docs, rec)
}

func (ix *indexer) touch(b []byte, key uint64) *term {
	t := ix.id(b, key)
	if len(t.head) == 0 && len(t.body) == 0 {
		ix.touched = append(ix.touched, t.id)
	}
	return t
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
func (ix *indexer) snippetText(texts []string, i int) string {
	text := texts[i]
	for j := i + 1; text == "" && j < len(texts); j++ {
		text = truncate(texts[j], fallbackText)
	}
	switch {
	case ix.cfg.maxText < 0:
		return ""
	case ix.cfg.maxText > 0:
		return truncate(text, ix.cfg.maxText)
	}
	return text
}

// fallbackText is how much of the next section an empty one borrows.
const fallbackText = 240

package search

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// This file is the Go twin of the ranking in search.js. It is what the tests
// rank with, so every rule here must match the script step for step.

// Hit is one page found by Query, with its best section.
type Hit struct {
	URL, Title, Number string
	Lang               string // the index it came from
	Section            int    // index of the best section
	Heading, Anchor    string // of that section; empty for the text before the first heading
	Score              float64
	Snippet            []Fragment
}

// Fragment is a piece of a snippet; Mark is set on the query's hits.
type Fragment struct {
	Text string
	Mark bool
}

// maxTerms bounds a query (the script keeps matched terms in a 31-bit mask);
// maxExpand bounds how many indexed words the word being typed may complete to.
const (
	maxTerms  = 31
	maxExpand = 50
	expandW   = 0.8 // weight of a completion relative to an exact match
)

// queryTerm is a term of the query; prefix marks the word still being typed.
type queryTerm struct {
	term   string
	prefix bool
}

// queryTerms tokenises q as the index was tokenised, then drops the single
// CJK characters that a bigram of the query already covers: "核心理念" asks
// for 核心, 心理 and 理念, and the single characters would only add noise and
// shard fetches. A lone character still queries its unigram.
func queryTerms(q string) []queryTerm {
	toks := Tokenize(q)
	covered := map[int]bool{}
	for _, t := range toks {
		if t.Len == 2 && isCJKTerm(t.Term) {
			covered[t.Pos], covered[t.Pos+1] = true, true
		}
	}
	n := utf8.RuneCountInString(q)
	var out []queryTerm
	seen := map[string]bool{}
	for i, t := range toks {
		cjk := isCJKTerm(t.Term)
		if cjk && t.Len == 1 && covered[t.Pos] || seen[t.Term] {
			continue
		}
		seen[t.Term] = true
		prefix := i == len(toks)-1 && !cjk && t.Pos+t.Len == n &&
			t.Len >= prefixLen && t.Len == utf8.RuneCountInString(t.Term)
		out = append(out, queryTerm{t.Term, prefix})
		if len(out) == maxTerms {
			break
		}
	}
	return out
}

type meta struct {
	Lang   string   `json:"lang"`
	Shards int      `json:"shards"`
	Chunk  int      `json:"chunk"`
	N      int      `json:"n"`
	Avg    float64  `json:"avg"`
	K1     float64  `json:"k1"`
	B      float64  `json:"b"`
	TB     float64  `json:"tb"`
	HB     float64  `json:"hb"`
	Docs   []docRow `json:"docs"`

	base   []int // global id of each page's first section
	secDoc []int // page of each global section id
	titles [][]string
}

// index fills in what meta.json leaves to be computed: where each page's
// sections start, and the terms of each title.
func (m *meta) index() {
	m.base = make([]int, len(m.Docs))
	m.titles = make([][]string, len(m.Docs))
	for d, row := range m.Docs {
		m.base[d] = len(m.secDoc)
		for range row.Lens {
			m.secDoc = append(m.secDoc, d)
		}
		for _, t := range Tokenize(row.Title) {
			m.titles[d] = append(m.titles[d], t.Term)
		}
	}
}

type docRow struct {
	URL, Title, Number string
	Lens               []int
}

func (d *docRow) UnmarshalJSON(b []byte) error {
	var a [4]json.RawMessage
	if err := json.Unmarshal(b, &a); err != nil {
		return err
	}
	for i, p := range []any{&d.URL, &d.Title, &d.Number, &d.Lens} {
		if err := json.Unmarshal(a[i], p); err != nil {
			return err
		}
	}
	return nil
}

// pickLang chooses the main index for a page language: the same tag, else the
// same primary language, else the first index there is.
func pickLang(langs []string, want string) string {
	if len(langs) == 0 {
		return ""
	}
	primary := func(s string) string { p, _, _ := strings.Cut(strings.ToLower(s), "-"); return p }
	for _, l := range langs {
		if strings.EqualFold(l, want) {
			return l
		}
	}
	for _, l := range langs {
		if primary(l) == primary(want) {
			return l
		}
	}
	return langs[0]
}

// otherLang scales the scores of pages in languages other than the page's:
// a Chinese knowledge base often has English pages too, and a reader on a
// Chinese page who types "orchestration" wants them, just after equally good
// pages in their own language.
const otherLang = 0.75

// Query ranks the documents of the index in files (as returned by Build) for
// q, the way the browser does, best first. lang is the language of the page
// the reader is on: its index is searched first and weighs most.
func Query(files map[string][]byte, lang, q string) []Hit {
	hits, _ := query(files, lang, q)
	return hits
}

func query(files map[string][]byte, lang, q string) ([]Hit, error) {
	var langs []string
	if err := json.Unmarshal(files["search/langs.json"], &langs); err != nil {
		return nil, err
	}
	terms := queryTerms(q)
	if len(terms) == 0 || len(langs) == 0 {
		return nil, nil
	}
	first := pickLang(langs, lang)
	order := []string{first}
	for _, l := range langs {
		if l != first {
			order = append(order, l)
		}
	}
	var hits []Hit
	for i, l := range order {
		h, err := queryLang(files, "search/"+l+"/", terms)
		if err != nil {
			return nil, err
		}
		if i > 0 {
			for j := range h {
				h[j].Score *= otherLang
			}
		}
		hits = append(hits, h...)
	}
	slices.SortStableFunc(hits, func(a, b Hit) int { return cmp.Compare(b.Score, a.Score) })
	return hits, nil
}

func queryLang(files map[string][]byte, dir string, terms []queryTerm) ([]Hit, error) {
	var m meta
	if err := json.Unmarshal(files[dir+"meta.json"], &m); err != nil {
		return nil, err
	}
	if m.Shards == 0 {
		return nil, nil
	}
	m.index()
	shards := map[int]*shard{}
	lists := make([][]weighted, len(terms))
	for i, t := range terms {
		s := shardOf(t.term, m.Shards)
		if shards[s] == nil {
			sh := &shard{lists: map[string][]int{}}
			if err := json.Unmarshal(files[fmt.Sprintf("%sshard-%d.json", dir, s)], &sh.raw); err != nil {
				return nil, err
			}
			shards[s] = sh
		}
		var err error
		if lists[i], err = shards[s].expand(t); err != nil {
			return nil, err
		}
	}
	r := rank(&m, terms, lists, func(key string) (float64, error) {
		// A title word that matched a query term shares its shard.
		sh := shards[shardOf(key, m.Shards)]
		if sh == nil {
			return 0, errPostings
		}
		p, err := sh.postings(key)
		return m.idf(len(p) / 3), err
	})
	hits := make([]Hit, len(r))
	docs := map[int][][3]string{}
	match := matcher(lists)
	for i, h := range r {
		d := m.Docs[h.doc]
		hits[i] = Hit{URL: d.URL, Title: d.Title, Number: d.Number, Lang: m.Lang, Section: h.sec, Score: h.score}
		secs, ok := docs[h.doc]
		if !ok {
			chunk := max(m.Chunk, 1)
			var group [][][3]string
			if err := json.Unmarshal(files[fmt.Sprintf("%sd/%d.json", dir, h.doc/chunk)], &group); err != nil {
				return nil, err
			}
			if h.doc%chunk < len(group) {
				secs = group[h.doc%chunk]
			}
			docs[h.doc] = secs
		}
		if h.sec < len(secs) {
			s := secs[h.sec]
			hits[i].Heading, hits[i].Anchor = s[0], s[1]
			hits[i].Snippet = snippet(s[2], match, snippetWidth)
		}
	}
	return hits, nil
}

// weighted is one indexed term a query term matched, with its postings
// as (global section id, body tf, heading 0/1) triples.
type weighted struct {
	key    string
	weight float64
	post   []int
}

// shard is one shard file, its posting lists decoded as they are needed.
type shard struct {
	raw   map[string]string
	lists map[string][]int
}

func (s *shard) postings(key string) ([]int, error) {
	if p, ok := s.lists[key]; ok {
		return p, nil
	}
	p, err := decodePostings(s.raw[key])
	s.lists[key] = p
	return p, err
}

// expand finds the postings of a query term in its shard: the term itself,
// and if it is the word being typed, up to maxExpand longer words it begins,
// shortest first.
func (s *shard) expand(t queryTerm) ([]weighted, error) {
	keys := []string{}
	if _, ok := s.raw[t.term]; ok {
		keys = append(keys, t.term)
	}
	if t.prefix {
		var more []string
		for k := range s.raw {
			if len(k) > len(t.term) && strings.HasPrefix(k, t.term) {
				more = append(more, k)
			}
		}
		slices.SortFunc(more, func(a, b string) int {
			return cmp.Or(cmp.Compare(utf8.RuneCountInString(a), utf8.RuneCountInString(b)), cmp.Compare(a, b))
		})
		keys = append(keys, more[:min(len(more), maxExpand)]...)
	}
	out := make([]weighted, len(keys))
	for i, k := range keys {
		p, err := s.postings(k)
		if err != nil {
			return nil, err
		}
		out[i] = weighted{k, 1, p}
		if k != t.term {
			out[i].weight = expandW
		}
	}
	return out, nil
}

func (m *meta) idf(df int) float64 {
	return math.Log(1 + (float64(m.N)-float64(df)+0.5)/(float64(df)+0.5))
}

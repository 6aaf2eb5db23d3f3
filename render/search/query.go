package search

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"math/bits"
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

func isCJKTerm(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return isCJK(r)
}

type meta struct {
	Lang   string   `json:"lang"`
	Shards int      `json:"shards"`
	N      int      `json:"n"`
	Avg    float64  `json:"avg"`
	K1     float64  `json:"k1"`
	B      float64  `json:"b"`
	TB     float64  `json:"tb"`
	HB     float64  `json:"hb"`
	Docs   []docRow `json:"docs"`
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
	shards := map[int]map[string][]int{}
	lists := make([][]weighted, len(terms))
	for i, t := range terms {
		s := shardOf(t.term, m.Shards)
		if shards[s] == nil {
			var sh map[string][]int
			if err := json.Unmarshal(files[fmt.Sprintf("%sshard-%d.json", dir, s)], &sh); err != nil {
				return nil, err
			}
			shards[s] = sh
		}
		lists[i] = expand(shards[s], t)
	}
	r := rank(&m, lists)
	hits := make([]Hit, len(r))
	docs := map[int][][3]string{}
	match := matcher(lists)
	for i, h := range r {
		d := m.Docs[h.doc]
		hits[i] = Hit{URL: d.URL, Title: d.Title, Number: d.Number, Lang: m.Lang, Section: h.sec, Score: h.score}
		secs, ok := docs[h.doc]
		if !ok {
			if err := json.Unmarshal(files[fmt.Sprintf("%sd/%d.json", dir, h.doc)], &secs); err != nil {
				return nil, err
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

// weighted is one indexed term a query term matched, with its postings.
type weighted struct {
	key    string
	weight float64
	post   []int
}

// expand finds the postings of a query term in its shard: the term itself,
// and if it is the word being typed, up to maxExpand longer words it begins,
// shortest first.
func expand(shard map[string][]int, t queryTerm) []weighted {
	var out []weighted
	if p, ok := shard[t.term]; ok {
		out = append(out, weighted{t.term, 1, p})
	}
	if !t.prefix {
		return out
	}
	var more []string
	for k := range shard {
		if len(k) > len(t.term) && strings.HasPrefix(k, t.term) {
			more = append(more, k)
		}
	}
	slices.SortFunc(more, func(a, b string) int {
		return cmp.Or(cmp.Compare(utf8.RuneCountInString(a), utf8.RuneCountInString(b)), cmp.Compare(a, b))
	})
	for _, k := range more[:min(len(more), maxExpand)] {
		out = append(out, weighted{k, expandW, shard[k]})
	}
	return out
}

type ranked struct {
	doc, sec int
	score    float64
}

// rank scores sections: BM25 over the body, plus for the heading and the
// page title boost × Σ IDF of the terms they hold × (their share of the query
// terms)², all scaled by the square of the share of the query terms the
// section holds anywhere. It keeps each page's best section.
func rank(m *meta, lists [][]weighted) []ranked {
	type field struct {
		idf   float64
		terms uint32
	}
	type acc struct {
		body, head field
	}
	secs := map[[2]int]*acc{}
	title := map[int]*field{}
	get := func(k [2]int) *acc {
		a := secs[k]
		if a == nil {
			a = &acc{}
			secs[k] = a
		}
		return a
	}
	for ti, list := range lists {
		bit := uint32(1) << ti
		for _, w := range list {
			df := float64(len(w.post) / 3)
			idf := w.weight * math.Log(1+(float64(m.N)-df+0.5)/(df+0.5))
			doc := 0
			for j := 0; j+2 < len(w.post); j += 3 {
				doc += w.post[j]
				sec, code := w.post[j+1], w.post[j+2]
				if doc >= len(m.Docs) || sec >= len(m.Docs[doc].Lens) {
					continue
				}
				a := get([2]int{doc, sec})
				if code&1 != 0 {
					f := title[doc]
					if f == nil {
						f = &field{}
						title[doc] = f
					}
					f.idf += idf
					f.terms |= bit
				}
				if code&2 != 0 {
					a.head.idf += idf
					a.head.terms |= bit
				}
				if tf := float64(code >> 2); tf > 0 {
					l := float64(m.Docs[doc].Lens[sec])
					a.body.idf += idf * tf * (m.K1 + 1) / (tf + m.K1*(1-m.B+m.B*l/max(m.Avg, 1)))
					a.body.terms |= bit
				}
			}
		}
	}
	n := float64(len(lists))
	share := func(terms uint32) float64 {
		c := float64(bits.OnesCount32(terms)) / n
		return c * c
	}
	best := map[int]ranked{}
	for k, a := range secs {
		s := a.body.idf + m.HB*a.head.idf*share(a.head.terms)
		t := a.body.terms | a.head.terms
		if f := title[k[0]]; f != nil {
			s += m.TB * f.idf * share(f.terms)
			t |= f.terms
		}
		s *= share(t)
		b, ok := best[k[0]]
		if !ok || s > b.score || s == b.score && k[1] < b.sec {
			best[k[0]] = ranked{k[0], k[1], s}
		}
	}
	out := make([]ranked, 0, len(best))
	for _, r := range best {
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.doc, b.doc))
	})
	return out
}

package search

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// This file is the Go twin of the query side of search.js. It is what the
// tests rank with, so every rule here must match the script step for step.

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
	prefixMin = 3   // the word being typed completes from this many letters
)

// queryTerm is a distinct term of the query; prefix marks the word still
// being typed.
type queryTerm struct {
	term   string
	prefix bool
}

// group is a phrase of the query: a run of Han characters (its bigrams, or
// the character alone), or a Latin word with the version-like tokens that
// follow it ("cgroups v2", "Kubernetes 1.30"). terms index queryTerms; off
// is each one's slot relative to the first.
type group struct {
	terms []int
	off   []int
	latin bool
	size  int // weight in the phrase coverage: characters, or 2 per word
}

// versionLike: v2, 1, 30 of 1.30: tokens that qualify the word before them.
func versionLike(t string) bool {
	return t[0] >= '0' && t[0] <= '9' || len(t) > 1 && t[0] == 'v' && t[1] >= '0' && t[1] <= '9'
}

// parseQuery tokenises q as the index was tokenised and groups its terms
// into phrases. A run of Han characters asks for its bigrams, not its single
// characters; a lone character asks for itself.
func parseQuery(q string) ([]queryTerm, []group) {
	toks := Tokenize(q)
	n := utf8.RuneCountInString(q)
	var terms []queryTerm
	var groups []group
	index := func(t string, prefix bool) int {
		for i, qt := range terms {
			if qt.term == t && qt.prefix == prefix {
				return i
			}
		}
		if len(terms) == maxTerms {
			return -1
		}
		terms = append(terms, queryTerm{t, prefix})
		return len(terms) - 1
	}
	var cur *group
	first := 0   // slot of cur's first term
	single := "" // a Han character that starts cur, until a bigram follows it
	prev := ""   // kind of the previous token: "uni", "bi", "latin"
	end := func() {
		if single != "" {
			if k := index(single, false); k >= 0 {
				cur.terms, cur.off = append(cur.terms, k), append(cur.off, 0)
			}
			single = ""
		}
	}
	for i, t := range toks {
		cjk := isCJKTerm(t.Term)
		switch {
		case cjk && t.Len == 1:
			if prev != "bi" { // a new run
				end()
				groups = append(groups, group{size: 1})
				cur, first, single = &groups[len(groups)-1], t.Slot, t.Term
			}
			prev = "uni"
		case cjk:
			single = ""
			if k := index(t.Term, false); k >= 0 {
				cur.terms, cur.off = append(cur.terms, k), append(cur.off, t.Slot-first)
				cur.size++
			}
			prev = "bi"
		default:
			end()
			prefix := i == len(toks)-1 && t.Pos+t.Len == n && t.Len >= prefixMin && t.Len == utf8.RuneCountInString(t.Term)
			k := index(t.Term, prefix)
			if k < 0 {
				continue
			}
			if prev == "latin" && versionLike(t.Term) {
				cur.terms, cur.off = append(cur.terms, k), append(cur.off, t.Slot-first)
				cur.size += 2
			} else {
				groups = append(groups, group{terms: []int{k}, off: []int{0}, latin: true, size: 2})
				cur, first = &groups[len(groups)-1], t.Slot
			}
			prev = "latin"
		}
	}
	end()
	return terms, slices.DeleteFunc(groups, func(g group) bool { return len(g.terms) == 0 })
}

type meta struct {
	Lang   string   `json:"lang"`
	ID     string   `json:"id"`
	N      int      `json:"n"`
	Avg    float64  `json:"avg"`
	K1     float64  `json:"k1"`
	B      float64  `json:"b"`
	TB     float64  `json:"tb"`
	HB     float64  `json:"hb"`
	Secs   string   `json:"secs"`
	Chunks string   `json:"chunks"`
	Shards []string `json:"shards"`

	base   []int // global id of each page's first section
	secDoc []int // page of each global section id
	chunk  []int // first global section id of each chunk, and the total
}

// index fills in what meta.json leaves to be computed.
func (m *meta) index() error {
	secs, err := varints(m.Secs)
	if err != nil {
		return err
	}
	for d, n := range secs {
		m.base = append(m.base, len(m.secDoc))
		for range n {
			m.secDoc = append(m.secDoc, d)
		}
	}
	chunks, err := varints(m.Chunks)
	if err != nil {
		return err
	}
	m.chunk = []int{0}
	for _, n := range chunks {
		m.chunk = append(m.chunk, m.chunk[len(m.chunk)-1]+n)
	}
	return nil
}

// shardOf finds the shard whose range holds term: the last one whose first
// term is not after it.
func (m *meta) shardOf(term string) int {
	return max(sort.Search(len(m.Shards), func(i int) bool { return m.Shards[i] > term })-1, 0)
}

// chunkOf finds the snippet file of a global section id.
func (m *meta) chunkOf(g int) int {
	return sort.Search(len(m.chunk), func(i int) bool { return m.chunk[i] > g }) - 1
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
	hits, _, _ := query(files, lang, q)
	return hits
}

// query also reports whether the Latin words of the query had to be
// dropped as requirements because no page holds them all.
func query(files map[string][]byte, lang, q string) ([]Hit, bool, error) {
	var langs []string
	if err := json.Unmarshal(files["search/langs.json"], &langs); err != nil {
		return nil, false, err
	}
	terms, groups := parseQuery(q)
	if len(groups) == 0 || len(langs) == 0 {
		return nil, false, nil
	}
	first := pickLang(langs, lang)
	order := []string{first}
	for _, l := range langs {
		if l != first {
			order = append(order, l)
		}
	}
	var hits []Hit
	partial := true
	for i, l := range order {
		h, part, err := queryLang(files, "search/"+l+"/", terms, groups)
		if err != nil {
			return nil, false, err
		}
		if len(h) > 0 {
			partial = partial && part
		}
		if i > 0 {
			for j := range h {
				h[j].Score *= otherLang
			}
		}
		hits = append(hits, h...)
	}
	slices.SortStableFunc(hits, func(a, b Hit) int { return cmp.Compare(b.Score, a.Score) })
	return hits, partial && len(hits) > 0, nil
}

func queryLang(files map[string][]byte, dir string, terms []queryTerm, groups []group) ([]Hit, bool, error) {
	var m meta
	if err := json.Unmarshal(files[dir+"meta.json"], &m); err != nil {
		return nil, false, err
	}
	if len(m.Shards) == 0 {
		return nil, false, nil
	}
	if err := m.index(); err != nil {
		return nil, false, err
	}
	shards := map[int]*shard{}
	load := func(s int) (*shard, error) {
		if shards[s] == nil {
			sh := &shard{lists: map[string]*list{}}
			if err := json.Unmarshal(files[fmt.Sprintf("%sshard-%d.json", dir, s)], &sh.raw); err != nil {
				return nil, err
			}
			shards[s] = sh
		}
		return shards[s], nil
	}
	lists := make([][]weighted, len(terms))
	for i, t := range terms {
		for _, s := range m.shardsFor(t) {
			sh, err := load(s)
			if err != nil {
				return nil, false, err
			}
			more, err := sh.expand(t)
			if err != nil {
				return nil, false, err
			}
			lists[i] = append(lists[i], more...)
		}
		if t.prefix {
			lists[i] = bestExpansions(lists[i], t.term)
		}
	}
	r, partial := rank(&m, terms, groups, lists)
	hits := make([]Hit, len(r))
	for i, h := range r {
		g := m.base[h.doc] + h.sec
		var chunk [][]string
		c := m.chunkOf(g)
		if err := json.Unmarshal(files[fmt.Sprintf("%st/%d.json", dir, c)], &chunk); err != nil {
			return nil, false, err
		}
		rec := chunk[g-m.chunk[c]]
		page := rec
		for k := g - m.chunk[c]; len(page) < 6; k-- {
			page = chunk[k-1]
		}
		hits[i] = Hit{URL: page[3], Title: page[4], Number: page[5], Lang: m.Lang, Section: h.sec, Score: h.score,
			Heading: rec[0], Anchor: rec[1]}
		hits[i].Snippet = snippet(rec[2], terms, groups, lists, snippetWidth)
	}
	return hits, partial, nil
}

// shardsFor lists the shards a term needs: its own, and for the word being
// typed the next ones while their first term still begins with it.
func (m *meta) shardsFor(t queryTerm) []int {
	s := m.shardOf(t.term)
	out := []int{s}
	for t.prefix && s+1 < len(m.Shards) && strings.HasPrefix(m.Shards[s+1], t.term) && len(out) < 3 {
		s++
		out = append(out, s)
	}
	return out
}

// weighted is one indexed term a query term matched, with its lists.
type weighted struct {
	key    string
	weight float64
	l      *list
}

// shard is one shard file, its posting lists decoded as they are needed.
type shard struct {
	raw   map[string]string
	lists map[string]*list
}

func (s *shard) postings(key string) (*list, error) {
	if p, ok := s.lists[key]; ok {
		return p, nil
	}
	p, err := decodeList(s.raw[key], utf8.RuneCountInString(key) == 1 && isCJKTerm(key))
	s.lists[key] = p
	return p, err
}

// expand finds the postings of a query term in one shard: the term itself,
// and if it is the word being typed, the longer words it begins.
func (s *shard) expand(t queryTerm) ([]weighted, error) {
	var out []weighted
	for k := range s.raw {
		if k != t.term && !(t.prefix && len(k) > len(t.term) && strings.HasPrefix(k, t.term)) {
			continue
		}
		p, err := s.postings(k)
		if err != nil {
			return nil, err
		}
		w := 1.0
		if k != t.term {
			w = expandW
		}
		out = append(out, weighted{k, w, p})
	}
	return out, nil
}

// bestExpansions keeps the term itself and up to maxExpand completions,
// shortest first.
func bestExpansions(ws []weighted, term string) []weighted {
	slices.SortFunc(ws, func(a, b weighted) int {
		return cmp.Or(cmp.Compare(b.weight, a.weight), cmp.Compare(utf8.RuneCountInString(a.key), utf8.RuneCountInString(b.key)),
			cmp.Compare(a.key, b.key))
	})
	keep := maxExpand
	if len(ws) > 0 && ws[0].key == term {
		keep++
	}
	return ws[:min(len(ws), keep)]
}

// list is a decoded posting list.
type list struct {
	secs   []posting
	titles []titlePosting
}

type posting struct {
	sec, class, hc, bc int
	head, body         []int // slots; nil for a single character
}

type titlePosting struct {
	doc, words int
	slots      []int
}

func decodeList(s string, uni bool) (*list, error) {
	secPart, titlePart, _ := strings.Cut(s, ".")
	l := &list{}
	v, err := varints(secPart)
	if err != nil {
		return nil, err
	}
	slots := func(i, n int) ([]int, int, error) {
		if i+n > len(v) {
			return nil, 0, errPostings
		}
		out := make([]int, n)
		at := 0
		for k := range n {
			at += v[i+k]
			out[k] = at
		}
		return out, i + n, nil
	}
	sec := 0
	for i := 0; i < len(v); {
		if i+4 > len(v) {
			return nil, errPostings
		}
		sec += v[i]
		p := posting{sec: sec, class: v[i+1], hc: v[i+2], bc: v[i+3]}
		i += 4
		if !uni {
			if p.head, i, err = slots(i, p.hc); err != nil {
				return nil, err
			}
			if p.body, i, err = slots(i, p.bc); err != nil {
				return nil, err
			}
		}
		l.secs = append(l.secs, p)
	}
	if v, err = varints(titlePart); err != nil {
		return nil, err
	}
	doc := 0
	for i := 0; i < len(v); {
		if i+3 > len(v) {
			return nil, errPostings
		}
		doc += v[i]
		p := titlePosting{doc: doc, words: v[i+1]}
		if p.slots, i, err = slots(i+3, v[i+2]); err != nil {
			return nil, err
		}
		l.titles = append(l.titles, p)
	}
	return l, nil
}

func (m *meta) idf(df int) float64 {
	return math.Log(1 + (float64(m.N)-float64(df)+0.5)/(float64(df)+0.5))
}

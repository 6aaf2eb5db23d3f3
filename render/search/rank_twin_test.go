package search

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"
)

type ranked struct {
	doc, sec int
	score    float64
}

// rank scores sections: BM25 over the body, plus for the heading and the
// page title boost × Σ IDF of the terms they hold × (their share of the query
// terms)² (the title's also × 1 + the share of its words matched), all scaled by the square of the share of the query terms the
// section holds anywhere. It keeps each page's best section. idfOf gives the
// IDF of any indexed term, for title words the postings did not bring.
func rank(m *meta, terms []queryTerm, lists [][]weighted, idfOf func(string) (float64, error)) []ranked {
	type field struct {
		idf   float64
		terms uint32
		cover float64 // share of the title's words the query matched
	}
	type acc struct {
		body, head field
	}
	secs := map[int]*acc{} // by global section id
	get := func(g int) *acc {
		a := secs[g]
		if a == nil {
			a = &acc{}
			secs[g] = a
		}
		return a
	}
	for ti, list := range lists {
		bit := uint32(1) << ti
		for _, w := range list {
			idf := w.weight * m.idf(len(w.post)/3)
			for j := 0; j+2 < len(w.post); j += 3 {
				g, tf, head := w.post[j], w.post[j+1], w.post[j+2]
				if g >= len(m.secDoc) {
					continue
				}
				a := get(g)
				if head != 0 {
					a.head.idf += idf
					a.head.terms |= bit
				}
				if tf > 0 {
					l := float64(m.Docs[m.secDoc[g]].Lens[g-m.base[m.secDoc[g]]])
					f := float64(tf)
					a.body.idf += idf * f * (m.K1 + 1) / (f + m.K1*(1-m.B+m.B*l/max(m.Avg, 1)))
					a.body.terms |= bit
				}
			}
		}
	}
	// Titles are matched here rather than posted: meta.json holds them all.
	title := map[int]*field{}
	for d, toks := range m.titles {
		var f field
		for ti, t := range terms {
			best := 0.0
			for _, tok := range toks {
				w := 0.0
				switch {
				case tok == t.term:
					w = 1
				case t.prefix && strings.HasPrefix(tok, t.term):
					w = expandW
				default:
					continue
				}
				idf, err := idfOf(tok)
				if err != nil {
					continue
				}
				best = max(best, w*idf)
			}
			if best > 0 {
				f.idf += best
				f.terms |= 1 << ti
			}
		}
		if f.terms != 0 {
			// A title that is all query outranks a longer one that only
			// holds it: "对象模型" is the page, "架构与对象模型" its chapter.
			matched, words := 0, 0
			for _, tok := range toks {
				if !isTitleWord(tok) {
					continue
				}
				words++
				for _, t := range terms {
					if tok == t.term || t.prefix && strings.HasPrefix(tok, t.term) {
						matched++
						break
					}
				}
			}
			f.cover = float64(matched) / float64(max(words, 1))
			title[d] = &f
			get(m.base[d])
		}
	}
	n := float64(len(lists))
	share := func(terms uint32) float64 {
		c := float64(bits.OnesCount32(terms)) / n
		return c * c
	}
	best := map[int]ranked{}
	for g, a := range secs {
		d := m.secDoc[g]
		s := a.body.idf + m.HB*a.head.idf*share(a.head.terms)
		t := a.body.terms | a.head.terms
		if f := title[d]; f != nil {
			s += m.TB * f.idf * share(f.terms) * (1 + f.cover)
			t |= f.terms
		}
		s *= share(t)
		sec := g - m.base[d]
		b, ok := best[d]
		if !ok || s > b.score || s == b.score && sec < b.sec {
			best[d] = ranked{d, sec, s}
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

// isTitleWord tells the tokens that measure how much of a title a query covers:
// words and Han bigrams, not single characters or numbers ("3.2"), which
// every title has and which would make long and short titles alike.
func isTitleWord(tok string) bool {
	if utf8.RuneCountInString(tok) < 2 {
		return false
	}
	for _, r := range tok {
		if r < '0' || r > '9' {
			return true
		}
	}
	return false
}

package search

import (
	"cmp"
	"math/bits"
	"slices"
)

type ranked struct {
	doc, sec int
	score    float64
}

// tierWeight separates the tiers of rank: no score within a tier reaches it.
const tierWeight = 1000

// sectionAcc gathers what the query's lists say about one section.
type sectionAcc struct {
	body, head   float64
	bodyT, headT uint32
	head1, body1 [][]int // slots per query term
}

type titleAcc struct {
	idf     []float64 // per query term, the best of its keys
	terms   uint32
	words   int
	slots   [][]int
	covered map[int]bool
}

// rank scores sections in tiers. A section whose page title, heading or
// body holds every phrase of the query whole comes first, above all a
// heading or title that holds them all; one holding only parts of phrases
// comes after. Within a tier: BM25 over the body, plus for the heading and
// the page title boost × Σ IDF of the terms they hold × (their share of the
// query terms)² (the title's also × 1 + the share of its words matched), all
// scaled by the square of the share of the query terms the section holds
// and by how much of the query's phrases it holds contiguously. Every Latin
// word (with the versions bound to it) is required unless no page has them
// all; partial reports that case. It keeps each page's best section.
func rank(m *meta, terms []queryTerm, groups []group, lists [][]weighted) ([]ranked, bool) {
	nt := len(terms)
	secs := map[int]*sectionAcc{}
	get := func(g int) *sectionAcc {
		a := secs[g]
		if a == nil {
			a = &sectionAcc{head1: make([][]int, nt), body1: make([][]int, nt)}
			secs[g] = a
		}
		return a
	}
	titles := map[int]*titleAcc{}
	for ti, ws := range lists {
		bit := uint32(1) << ti
		for _, w := range ws {
			idf := w.weight * m.idf(len(w.l.secs))
			for _, p := range w.l.secs {
				if p.sec >= len(m.secDoc) {
					continue
				}
				a := get(p.sec)
				head, body := p.head, p.body
				if head == nil && body == nil { // a single character: found is enough
					head, body = make([]int, min(p.hc, 1)), make([]int, min(p.bc, 1))
				}
				if p.hc > 0 {
					a.head += idf
					a.headT |= bit
					a.head1[ti] = append(a.head1[ti], head...)
				}
				if p.bc > 0 {
					l, f := classLen(p.class), float64(p.bc)
					a.body += idf * f * (m.K1 + 1) / (f + m.K1*(1-m.B+m.B*l/max(m.Avg, 1)))
					a.bodyT |= bit
					a.body1[ti] = append(a.body1[ti], body...)
				}
			}
			for _, p := range w.l.titles {
				if p.doc >= len(m.base) {
					continue
				}
				t := titles[p.doc]
				if t == nil {
					t = &titleAcc{idf: make([]float64, nt), slots: make([][]int, nt), words: p.words, covered: map[int]bool{}}
					titles[p.doc] = t
					get(m.base[p.doc])
				}
				t.idf[ti] = max(t.idf[ti], idf)
				t.terms |= bit
				t.slots[ti] = append(t.slots[ti], p.slots...)
				span := 1
				if isCJKTerm(w.key) && len([]rune(w.key)) == 2 {
					span = 2
				}
				for _, s := range p.slots {
					for k := range span {
						t.covered[s+k] = true
					}
				}
			}
		}
	}
	share := func(mask uint32) float64 {
		c := float64(bits.OnesCount32(mask)) / float64(nt)
		return c * c
	}
	var latinAll uint32
	total := 0
	for gi, g := range groups {
		if g.latin {
			latinAll |= 1 << gi
		}
		total += g.size
	}
	type scored struct {
		ranked
		latin uint32
	}
	best := map[int]scored{}
	for g, a := range secs {
		d := m.secDoc[g]
		t := titles[d]
		s := a.body + m.HB*a.head*share(a.headT)
		mask := a.bodyT | a.headT
		if t != nil {
			sum := 0.0
			for _, v := range t.idf {
				sum += v
			}
			s += m.TB * sum * share(t.terms) * (1 + min(float64(len(t.covered))/float64(max(t.words, 1)), 1))
			mask |= t.terms
		}
		s *= share(mask)
		covered, whole, wholeField := 0.0, true, [2]bool{true, true}
		var latin uint32
		for gi, gr := range groups {
			c := 0.0
			for f, slots := range [][][]int{a.head1, a.body1, nil} {
				var cf float64
				switch {
				case f == 2 && t == nil:
					continue
				case f == 2:
					cf = coverage(gr, t.slots)
				default:
					cf = coverage(gr, slots)
				}
				c = max(c, cf)
				if f != 1 && cf < 1 {
					wholeField[f/2] = false
				}
			}
			if c == 1 && gr.latin {
				latin |= 1 << gi
			}
			whole = whole && c == 1
			covered += c * float64(gr.size)
		}
		s *= covered / float64(total)
		if whole {
			s += tierWeight
		}
		if wholeField[0] || wholeField[1] && t != nil {
			s += tierWeight
		}
		sec := g - m.base[d]
		b, ok := best[d]
		if !ok || s > b.score || s == b.score && sec < b.sec {
			best[d] = scored{ranked{d, sec, s}, b.latin | latin}
		} else {
			b.latin |= latin
			best[d] = b
		}
	}
	partial := latinAll != 0
	for _, b := range best {
		if b.latin == latinAll {
			partial = false
			break
		}
	}
	out := make([]ranked, 0, len(best))
	for _, b := range best {
		if partial || b.latin == latinAll {
			out = append(out, b.ranked)
		}
	}
	slices.SortFunc(out, func(a, b ranked) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.doc, b.doc))
	})
	return out, partial
}

// coverage is the share of a phrase that one field holds contiguously: for
// a run of Han characters, the longest chain of its bigrams at consecutive
// slots (m bigrams cover m+1 of its characters); for a Latin word, the word
// and as many of the versions after it as follow it in place. A single
// character needs only to occur.
func coverage(g group, slots [][]int) float64 {
	if len(g.terms) == 1 && !g.latin {
		return min(float64(len(slots[g.terms[0]])), 1)
	}
	run := map[int][2]int{} // start slot → last term index in a chain, its length
	longest := 0
	for j, k := range g.terms {
		for _, p := range slots[k] {
			x := p - g.off[j]
			r, ok := run[x]
			switch {
			case ok && r[0] == j-1:
				r = [2]int{j, r[1] + 1}
			case ok && r[0] == j:
				continue
			case g.latin && j > 0:
				continue
			default:
				r = [2]int{j, 1}
			}
			run[x] = r
			longest = max(longest, r[1])
		}
	}
	if g.latin {
		return float64(longest) / float64(len(g.terms))
	}
	if longest == 0 {
		return 0
	}
	return float64(longest+1) / float64(len(g.terms)+1)
}

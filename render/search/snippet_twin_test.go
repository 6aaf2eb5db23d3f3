package search

import (
	"cmp"
	"slices"
	"strings"
)

// snippetWidth is how many code points of section text a snippet shows.
const snippetWidth = 80

// maxSnippetHits bounds the work on a long section full of hits.
const maxSnippetHits = 400

// span is a marked stretch of text, in code points, and the query phrase
// it belongs to.
type span struct{ start, end, group int }

// phraseSpans finds where the query's phrases are in text: for each phrase
// the longest chains of its terms at consecutive slots, so that a phrase
// found whole is marked whole and its bigrams elsewhere are not marked at
// all; a phrase found only in pieces has its longest pieces marked.
func phraseSpans(text string, groups []group, lists [][]weighted) []span {
	keys := make([]map[string]bool, len(lists))
	for i, ws := range lists {
		keys[i] = map[string]bool{}
		for _, w := range ws {
			keys[i][w.key] = true
		}
	}
	type occ struct{ term, slot, pos, end int }
	var hits []occ
	for _, t := range Tokenize(text) {
		for k := range keys {
			if keys[k][t.Term] {
				hits = append(hits, occ{k, t.Slot, t.Pos, t.Pos + t.Len})
			}
		}
		if len(hits) >= maxSnippetHits {
			break
		}
	}
	var out []span
	for gi, g := range groups {
		type chain struct{ j, n, start, end int }
		var done []chain
		run := map[int]chain{}
		for j, k := range g.terms {
			for _, h := range hits {
				if h.term != k {
					continue
				}
				x := h.slot - g.off[j]
				r, ok := run[x]
				switch {
				case ok && r.j == j-1:
					r = chain{j, r.n + 1, r.start, h.end}
				case ok && r.j == j:
					continue
				case g.latin && j > 0:
					continue
				default:
					if ok {
						done = append(done, r)
					}
					r = chain{j, 1, h.pos, h.end}
				}
				run[x] = r
			}
		}
		for _, r := range run {
			done = append(done, r)
		}
		longest := 0
		for _, c := range done {
			longest = max(longest, c.n)
		}
		for _, c := range done {
			if c.n == longest {
				out = append(out, span{c.start, c.end, gi})
			}
		}
	}
	slices.SortFunc(out, func(a, b span) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end), cmp.Compare(a.group, b.group))
	})
	return out
}

// snippet cuts width code points out of text where the window holds the
// most distinct phrases of the query (the earliest such window), and marks
// them. Text with no hit (the match was in the heading or the title) shows
// from its start. A formula shows as [公式].
func snippet(text string, terms []queryTerm, groups []group, lists [][]weighted, width int) []Fragment {
	_ = terms
	runes := []rune(text)
	spans := phraseSpans(text, groups, lists)
	const lead = 15
	start, best := 0, 0
	for i := range spans {
		s := max(spans[i].start-lead, 0)
		seen := map[int]bool{}
		for _, h := range spans[i:] {
			if h.end > s+width {
				break
			}
			seen[h.group] = true
		}
		if len(seen) > best {
			start, best = s, len(seen)
		}
	}
	if start+width > len(runes) {
		start = max(len(runes)-width, 0)
	}
	end := min(start+width, len(runes))
	var merged [][2]int
	for _, h := range spans {
		a, b := max(h.start, start), min(h.end, end)
		if a >= b {
			continue
		}
		if n := len(merged); n > 0 && a <= merged[n-1][1] {
			merged[n-1][1] = max(merged[n-1][1], b)
			continue
		}
		merged = append(merged, [2]int{a, b})
	}
	var out []Fragment
	add := func(s string, mark bool) {
		if s != "" {
			out = append(out, Fragment{strings.ReplaceAll(s, formulaMark, formulaText), mark})
		}
	}
	pre, at := "", start
	if start > 0 {
		pre = "…"
	}
	for _, sp := range merged {
		add(pre+string(runes[at:sp[0]]), false)
		pre = ""
		add(string(runes[sp[0]:sp[1]]), true)
		at = sp[1]
	}
	post := ""
	if end < len(runes) {
		post = "…"
	}
	add(pre+string(runes[at:end])+post, false)
	return out
}

// markText renders fragments with [brackets] around hits, for tests and
// debugging.
func markText(fs []Fragment) string {
	var b strings.Builder
	for _, f := range fs {
		if f.Mark {
			b.WriteString("[" + f.Text + "]")
		} else {
			b.WriteString(f.Text)
		}
	}
	return b.String()
}

package numbering

import "docsite/internal/numbering"

// Renumber gives the new number of every heading that renumbering within
// the page's own scheme changes: a heading a sequence finding names gets
// the number after its (renumbered) sibling, a heading that followed on
// from a renumbered sibling moves with it, and the headings under a
// renumbered section keep their place under it. Nothing is derived from
// the H1: a chapter's sections extend the number they share, so an H1 that
// disagrees with them never spreads into them.
func Renumber(sc *numbering.Scheme) map[int]numbering.Number {
	flagged := map[int]bool{}
	for _, f := range Findings(sc) {
		if f.Problem.sequence() {
			flagged[f.Head] = true
		}
	}
	out := map[int]numbering.Number{}
	now := func(i int) numbering.Number {
		if n, ok := out[i]; ok {
			return n
		}
		return sc.Heads[i].Number
	}
	for i, h := range sc.Heads {
		if h.Role != numbering.Section && h.Role != numbering.Item {
			continue
		}
		n := h.Number
		if p := h.Parent; p >= 0 && h.Role == numbering.Section {
			n = n.Rebase(sc.Heads[p].Number, now(p))
		}
		switch p := h.Prev; {
		case p >= 0 && len(now(p)) == len(n) && now(p).Parent().Equal(n.Parent()):
			want := now(p).Next()
			_, moved := out[p]
			follows := h.Number.Equal(sc.Heads[p].Number.Next())
			if !n.Equal(want) && (flagged[i] || moved && follows) {
				n = want
			}
		case p < 0 && flagged[i]:
			n = n.Parent().Child(1)
		}
		if !n.Equal(h.Number) {
			out[i] = n
		}
	}
	return out
}

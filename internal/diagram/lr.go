package diagram

import (
	"fmt"
	"math/bits"
	"sort"
	"strings"
)

// This file builds LALR(1) tables from a grammar written as text, the way
// jison (mermaid's parser generator) does, and runs them. Building the tables
// from the grammar, instead of hand-writing a recursive-descent parser, keeps
// the accepted language exactly mermaid's: an LR parser fails at the first
// token that cannot continue any valid prefix, which is where jison fails too.

// symbol 0 is $end; terminals come first, then nonterminals.
const symEnd = 0

type production struct {
	lhs int
	rhs []int
}

type lrTables struct {
	names   []string       // symbol names
	index   map[string]int // name -> symbol
	nterm   int            // number of terminals
	prods   []production   // prods[0] is the augmented $accept -> start
	action  [][]int32      // [state][terminal]: 0 error, >0 shift to s-1, <0 reduce prod -a-1
	gotoTab [][]int32      // [state][nonterminal-nterm]: state+1 or 0

	// the same tables flattened for the driver (int16 keeps them in cache)
	act, gto      []int16
	nnt           int
	plen, plhsOff []int32
}

// bitset over terminals.
type termSet []uint64

func newTermSet(n int) termSet { return make(termSet, (n+63)/64) }

func (s termSet) add(t int) bool {
	w, b := t/64, uint(t%64)
	if s[w]&(1<<b) != 0 {
		return false
	}
	s[w] |= 1 << b
	return true
}

func (s termSet) has(t int) bool { return s[t/64]&(1<<uint(t%64)) != 0 }

// union adds o to s and reports whether s grew.
func (s termSet) union(o termSet) bool {
	grew := false
	for i := range s {
		n := s[i] | o[i]
		if n != s[i] {
			s[i], grew = n, true
		}
	}
	return grew
}

func (s termSet) each(f func(int)) {
	for w, x := range s {
		for x != 0 {
			b := bits.TrailingZeros64(x)
			f(w*64 + b)
			x &^= 1 << uint(b)
		}
	}
}

// buildLR parses grammar text: one rule per line, "lhs : a b | c | " (an
// empty alternative is written as nothing between bars); lines starting with
// "|" continue the previous rule; "#" starts a comment. The first rule's
// left side is the start symbol. Symbols never on a left side are terminals;
// extra lists terminals the lexer produces that the grammar never uses.
func buildLR(grammar string, extra ...string) *lrTables {
	type rawRule struct {
		lhs  string
		alts [][]string
	}
	var rules []*rawRule
	for _, line := range strings.Split(grammar, "\n") {
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		var body string
		if strings.HasPrefix(line, "|") {
			body = line
		} else {
			lhs, rest, ok := strings.Cut(line, ":")
			if !ok {
				panic("grammar: missing ':' in " + line)
			}
			rules = append(rules, &rawRule{lhs: strings.TrimSpace(lhs)})
			body = rest
		}
		r := rules[len(rules)-1]
		for i, alt := range strings.Split(body, "|") {
			if i == 0 && strings.HasPrefix(line, "|") {
				continue
			}
			r.alts = append(r.alts, strings.Fields(alt))
		}
	}
	isNT := map[string]bool{}
	for _, r := range rules {
		isNT[r.lhs] = true
	}
	t := &lrTables{index: map[string]int{}}
	addSym := func(n string) {
		if _, ok := t.index[n]; !ok {
			t.index[n] = len(t.names)
			t.names = append(t.names, n)
		}
	}
	addSym("$end")
	for _, r := range rules {
		for _, a := range r.alts {
			for _, s := range a {
				if !isNT[s] {
					addSym(s)
				}
			}
		}
	}
	for _, s := range extra {
		addSym(s)
	}
	t.nterm = len(t.names)
	addSym("$accept")
	for _, r := range rules {
		addSym(r.lhs)
	}
	t.prods = append(t.prods, production{lhs: t.index["$accept"], rhs: []int{t.index[rules[0].lhs]}})
	for _, r := range rules {
		for _, a := range r.alts {
			p := production{lhs: t.index[r.lhs]}
			for _, s := range a {
				p.rhs = append(p.rhs, t.index[s])
			}
			t.prods = append(t.prods, p)
		}
	}
	t.build()
	return t
}

type item struct{ prod, dot int32 }

func (t *lrTables) build() {
	nsym := len(t.names)
	byLHS := make([][]int, nsym)
	for i, p := range t.prods {
		byLHS[p.lhs] = append(byLHS[p.lhs], i)
	}
	// nullable and FIRST sets.
	nullable := make([]bool, nsym)
	first := make([]termSet, nsym)
	for s := range first {
		first[s] = newTermSet(t.nterm)
		if s < t.nterm {
			first[s].add(s)
		}
	}
	for changed := true; changed; {
		changed = false
		for _, p := range t.prods {
			all := true
			for _, s := range p.rhs {
				if first[p.lhs].union(first[s]) {
					changed = true
				}
				if !nullable[s] {
					all = false
					break
				}
			}
			if all && !nullable[p.lhs] {
				nullable[p.lhs], changed = true, true
			}
		}
	}
	next := func(it item) int {
		p := t.prods[it.prod]
		if int(it.dot) < len(p.rhs) {
			return p.rhs[it.dot]
		}
		return -1
	}
	// LR(0) automaton: states are sets of kernel items.
	closure := func(kernel []item) []item {
		out := append([]item(nil), kernel...)
		seen := make([]bool, nsym)
		for i := 0; i < len(out); i++ {
			s := next(out[i])
			if s >= t.nterm && !seen[s] {
				seen[s] = true
				for _, pi := range byLHS[s] {
					out = append(out, item{int32(pi), 0})
				}
			}
		}
		return out
	}
	key := func(k []item) string {
		var b strings.Builder
		for _, it := range k {
			fmt.Fprintf(&b, "%d.%d,", it.prod, it.dot)
		}
		return b.String()
	}
	var kernels [][]item
	var trans []map[int]int
	ids := map[string]int{}
	kernels = append(kernels, []item{{0, 0}})
	ids[key(kernels[0])] = 0
	for si := 0; si < len(kernels); si++ {
		groups := map[int][]item{}
		var order []int
		for _, it := range closure(kernels[si]) {
			s := next(it)
			if s < 0 {
				continue
			}
			if _, ok := groups[s]; !ok {
				order = append(order, s)
			}
			groups[s] = append(groups[s], item{it.prod, it.dot + 1})
		}
		trans = append(trans, map[int]int{})
		for _, s := range order {
			k := groups[s]
			sort.Slice(k, func(a, b int) bool {
				if k[a].prod != k[b].prod {
					return k[a].prod < k[b].prod
				}
				return k[a].dot < k[b].dot
			})
			id, ok := ids[key(k)]
			if !ok {
				id = len(kernels)
				ids[key(k)] = id
				kernels = append(kernels, k)
			}
			trans[si][s] = id
		}
	}
	// LALR(1) lookaheads by fixpoint: each kernel item carries a set; a
	// state's closure spreads them to its items, and shifting carries them
	// to the kernel items of the successor state.
	la := make([][]termSet, len(kernels))
	for si, k := range kernels {
		la[si] = make([]termSet, len(k))
		for i := range k {
			la[si][i] = newTermSet(t.nterm)
		}
	}
	la[0][0].add(symEnd)
	kernelPos := func(si int, it item) int {
		for i, k := range kernels[si] {
			if k == it {
				return i
			}
		}
		panic("grammar: lost kernel item")
	}
	// closure with lookaheads: items of the closure that are not kernel
	// items have dot 0, so their lookahead depends only on their lhs.
	ntLA := make([]termSet, nsym)
	closeLA := func(si int) {
		for s := t.nterm; s < nsym; s++ {
			ntLA[s] = newTermSet(t.nterm)
		}
		spread := func(it item, l termSet) bool {
			p := t.prods[it.prod]
			grew := false
			if int(it.dot) >= len(p.rhs) || p.rhs[it.dot] < t.nterm {
				return false
			}
			b := p.rhs[it.dot]
			rest := true
			for _, s := range p.rhs[it.dot+1:] {
				if ntLA[b].union(first[s]) {
					grew = true
				}
				if !nullable[s] {
					rest = false
					break
				}
			}
			if rest && ntLA[b].union(l) {
				grew = true
			}
			return grew
		}
		for changed := true; changed; {
			changed = false
			for i, it := range kernels[si] {
				if spread(it, la[si][i]) {
					changed = true
				}
			}
			for s := t.nterm; s < nsym; s++ {
				for _, pi := range byLHS[s] {
					if spread(item{int32(pi), 0}, ntLA[s]) {
						changed = true
					}
				}
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for si := range kernels {
			closeLA(si)
			for _, it := range closure(kernels[si]) {
				s := next(it)
				if s < 0 {
					continue
				}
				var l termSet
				if it.dot == 0 && !(it.prod == 0 && si == 0) {
					l = ntLA[t.prods[it.prod].lhs]
				} else {
					l = la[si][kernelPos(si, it)]
				}
				to := trans[si][s]
				if la[to][kernelPos(to, item{it.prod, it.dot + 1})].union(l) {
					changed = true
				}
			}
		}
	}
	// Tables. Conflicts are resolved as jison does: shift beats reduce,
	// and the earlier production wins a reduce/reduce tie.
	t.action = make([][]int32, len(kernels))
	t.gotoTab = make([][]int32, len(kernels))
	for si := range kernels {
		act := make([]int32, t.nterm)
		gt := make([]int32, nsym-t.nterm)
		for s, to := range trans[si] {
			if s < t.nterm {
				act[s] = int32(to + 1)
			} else {
				gt[s-t.nterm] = int32(to + 1)
			}
		}
		closeLA(si)
		for _, it := range closure(kernels[si]) {
			if next(it) >= 0 {
				continue
			}
			var l termSet
			if it.dot == 0 && !(it.prod == 0 && si == 0) {
				l = ntLA[t.prods[it.prod].lhs]
			} else {
				l = la[si][kernelPos(si, it)]
			}
			l.each(func(term int) {
				a := act[term]
				if a > 0 {
					return // shift wins
				}
				if a < 0 && int(-a-1) < int(it.prod) {
					return // earlier production wins
				}
				act[term] = -it.prod - 1
			})
		}
		t.action[si] = act
		t.gotoTab[si] = gt
	}
	t.nnt = nsym - t.nterm
	if len(kernels) >= 1<<15 || len(t.prods) >= 1<<15 {
		panic("grammar: too many states for int16 tables")
	}
	for si := range kernels {
		for _, a := range t.action[si] {
			t.act = append(t.act, int16(a))
		}
		for _, g := range t.gotoTab[si] {
			t.gto = append(t.gto, int16(g))
		}
	}
	for _, p := range t.prods {
		t.plen = append(t.plen, int32(len(p.rhs)))
		t.plhsOff = append(t.plhsOff, int32(p.lhs-t.nterm))
	}
}

// lrToken is one token handed to the LR driver; start and end are byte
// offsets into the text being parsed.
type lrToken struct {
	kind       int
	start, end int
	val        int // pushed on the value stack when shifted
}

// lrFailure describes where the driver stopped.
type lrFailure struct {
	tok      lrToken
	shifted  int   // end of the last shifted token (where jison counts the line)
	expected []int // terminals that would have been accepted
}

// parse runs the tables. next returns the following token, or ok=false to
// stop (a lexical error, already recorded by the caller). onReduce sees the
// reductions of the productions marked in hooks, with the values of their
// right side, and returns the value of the left side; returning stop=true
// aborts the parse (a semantic error recorded by the caller). Other
// productions pass on their first value (1 when empty). The stacks are
// slices, so deep nesting costs memory, not Go stack.
func (t *lrTables) parse(next func() (lrToken, bool), hooks []bool, onReduce func(prod int, vals []int) (int, bool)) (*lrFailure, bool) {
	states := make([]int16, 1, 64)
	vals := make([]int, 1, 64)
	shifted := 0
	tok, ok := next()
	if !ok {
		return nil, false
	}
	for {
		st := states[len(states)-1]
		a := t.act[int(st)*t.nterm+tok.kind]
		switch {
		case a > 0:
			states = append(states, a-1)
			vals = append(vals, tok.val)
			shifted = tok.end
			if tok, ok = next(); !ok {
				return nil, false
			}
		case a < 0:
			pi := int(-a - 1)
			if pi == 0 {
				return nil, true
			}
			n := int(t.plen[pi])
			v := 1
			if n > 0 {
				v = vals[len(vals)-n]
			}
			if hooks[pi] {
				var stop bool
				if v, stop = onReduce(pi, vals[len(vals)-n:]); stop {
					return nil, false
				}
			}
			states = states[:len(states)-n]
			vals = vals[:len(vals)-n]
			g := t.gto[int(states[len(states)-1])*t.nnt+int(t.plhsOff[pi])]
			states = append(states, g-1)
			vals = append(vals, v)
		default:
			f := &lrFailure{tok: tok, shifted: shifted}
			for term, x := range t.action[st] {
				if x != 0 {
					f.expected = append(f.expected, term)
				}
			}
			return f, false
		}
	}
}

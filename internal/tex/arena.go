package tex

// slab hands out values of T from chunks that it keeps from one formula
// to the next, so that a tree costs a few allocations instead of one per
// node. What it hands out is not zeroed: every caller overwrites it whole
// (arena.node, writer.mk, a copy) or appends to an empty slice of it.
type slab[T any] struct {
	chunks [][]T
	cur    int // index of the chunk being filled
	off    int // first free index in chunks[cur]
}

const slabChunk = 128

// keptChunks bounds what an arena keeps after a huge formula.
const keptChunks = 32

// take returns k contiguous values to overwrite; appending to the result copies
// it out of the slab instead of overwriting a neighbour.
func (s *slab[T]) take(k int) []T {
	if k > slabChunk {
		return make([]T, k)
	}
	for {
		if s.cur == len(s.chunks) {
			s.chunks = append(s.chunks, make([]T, slabChunk))
		}
		if ch := s.chunks[s.cur]; s.off+k <= len(ch) {
			out := ch[s.off : s.off+k : s.off+k]
			s.off += k
			return out
		}
		s.cur++
		s.off = 0
	}
}

func (s *slab[T]) one() *T { return &s.take(1)[0] }

// reset makes the chunks free for the next formula. They are not
// cleared: the stale values are overwritten before they are read, and
// the pool drops idle engines at each collection.
func (s *slab[T]) reset() {
	if len(s.chunks) > keptChunks {
		s.chunks = s.chunks[:keptChunks]
	}
	s.cur, s.off = 0, 0
}

// arena holds one formula's parse tree and MathML tree.
type arena struct {
	nodes    slab[node]
	nodeRefs slab[*node]
	els      slab[el]
	elRefs   slab[*el]
	strs     slab[string]

	// Stacks on which lists are built before they are copied into the
	// slabs at their final length; a nested list is built above its
	// parent's and gone before the parent goes on.
	nodeStack []*node
	srcStack  []*node
	elStack   []*el
}

func (a *arena) node(n node) *node {
	p := a.nodes.one()
	*p = n
	return p
}

// nodeList copies list into the arena; an empty list stays nil or empty
// (\operatorname and \mathop tell an empty body from none).
func (a *arena) nodeList(list []*node) []*node {
	if len(list) == 0 {
		if list == nil {
			return nil
		}
		return []*node{} // not list[:0:0], which would make list escape
	}
	out := a.nodeRefs.take(len(list))
	copy(out, list)
	return out
}

func (a *arena) elList(list []*el) []*el {
	if len(list) == 0 {
		if list == nil {
			return nil
		}
		return []*el{}
	}
	out := a.elRefs.take(len(list))
	copy(out, list)
	return out
}

func (a *arena) reset() {
	a.nodes.reset()
	a.nodeRefs.reset()
	a.els.reset()
	a.elRefs.reset()
	a.strs.reset()
	a.nodeStack, a.srcStack, a.elStack = a.nodeStack[:0], a.srcStack[:0], a.elStack[:0]
}

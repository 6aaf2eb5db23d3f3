package graph

import (
	"math"
	"runtime"
	"sync"
)

// quadtree is a Barnes–Hut tree over the node positions: a far-away group
// of nodes pushes like one heavy node at its centre of mass. Cells live in
// one slice reused from step to step, so a step allocates nothing once the
// slice has grown.
type quadtree struct {
	cells  []cell
	stacks [][]int32 // one per worker
}

type cell struct {
	cx, cy, half float64 // square bounds
	mx, my       float64 // sum of positions, for the centre of mass
	count        float64
	body         int32    // the one node in a leaf, -1 otherwise
	kids         [4]int32 // 0 when absent (cell 0 is the root, never a child)
}

// maxDepth stops the splitting of nodes at (nearly) the same spot.
const maxDepth = 48

func (t *quadtree) build(pos []vec) {
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, p := range pos {
		minX, maxX = min(minX, p.x), max(maxX, p.x)
		minY, maxY = min(minY, p.y), max(maxY, p.y)
	}
	half := max(maxX-minX, maxY-minY)/2 + 1
	t.cells = append(t.cells[:0], cell{cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, half: half, body: -1})
	for i := range pos {
		t.insert(int32(i), pos)
	}
}

func (t *quadtree) insert(i int32, pos []vec) {
	p := pos[i]
	c := int32(0)
	for depth := 0; ; depth++ {
		cl := &t.cells[c]
		empty := cl.count == 0
		cl.count++
		cl.mx += p.x
		cl.my += p.y
		if empty {
			cl.body = i
			return
		}
		if depth >= maxDepth {
			cl.body = -1 // a heap of coincident nodes acts as one mass
			return
		}
		if cl.body >= 0 && cl.kids == [4]int32{} {
			// A leaf gets a second node: push the first one down.
			old := cl.body
			cl.body = -1
			q := t.child(c, pos[old])
			k := &t.cells[q]
			k.count, k.mx, k.my, k.body = 1, pos[old].x, pos[old].y, old
		}
		c = t.child(c, p)
	}
}

// child returns the quadrant of cell c that holds p, making it if needed.
func (t *quadtree) child(c int32, p vec) int32 {
	cl := t.cells[c]
	q := 0
	if p.x >= cl.cx {
		q |= 1
	}
	if p.y >= cl.cy {
		q |= 2
	}
	if k := cl.kids[q]; k != 0 {
		return k
	}
	h := cl.half / 2
	nc := cell{cx: cl.cx - h, cy: cl.cy - h, half: h, body: -1}
	if q&1 != 0 {
		nc.cx = cl.cx + h
	}
	if q&2 != 0 {
		nc.cy = cl.cy + h
	}
	t.cells = append(t.cells, nc)
	k := int32(len(t.cells) - 1)
	t.cells[c].kids[q] = k
	return k
}

// repulse sums the push k²/d on node i from every other node, opening a
// cell only when it is too close for its size (half·2/d ≥ θ).
func (t *quadtree) repulse(i int, pos []vec, k2, theta float64, stack *[]int32) vec {
	p := pos[i]
	var f vec
	st := append((*stack)[:0], 0)
	defer func() { *stack = st }()
	for len(st) > 0 {
		c := &t.cells[st[len(st)-1]]
		st = st[:len(st)-1]
		if c.count == 0 || c.body == int32(i) {
			continue
		}
		leaf := c.kids == [4]int32{}
		dx, dy := p.x-c.mx/c.count, p.y-c.my/c.count
		d2 := dx*dx + dy*dy
		if leaf || (2*c.half)*(2*c.half) < theta*theta*d2 {
			count := c.count
			if leaf && c.body < 0 {
				// coincident heap (may hold i itself)
				count = max(count-1, 0)
			}
			if d2 < 1e-6 {
				// Nodes on one spot: push apart in a direction fixed by
				// their indices, so the result stays deterministic.
				a := float64(i%360) * math.Pi / 180
				dx, dy, d2 = math.Cos(a)*0.01, math.Sin(a)*0.01, 1e-4
			}
			s := k2 * count / d2
			f.x += dx * s
			f.y += dy * s
			continue
		}
		for _, k := range c.kids {
			if k != 0 {
				st = append(st, k)
			}
		}
	}
	return f
}

// repulseAll fills disp with the repulsion on every node. The nodes are
// split among the CPUs; each sum depends only on the tree and the node, so
// the split cannot change the result.
func (t *quadtree) repulseAll(pos, disp []vec, k2, theta float64) {
	workers := min(runtime.GOMAXPROCS(0), max(len(pos)/256, 1))
	for len(t.stacks) < workers {
		t.stacks = append(t.stacks, nil)
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			lo, hi := w*len(pos)/workers, (w+1)*len(pos)/workers
			for i := lo; i < hi; i++ {
				disp[i] = t.repulse(i, pos, k2, theta, &t.stacks[w])
			}
		})
	}
	wg.Wait()
}

package graph

import (
	"math"
	"math/rand/v2"
)

// Option tunes the layout.
type Option func(*layoutConfig)

type layoutConfig struct {
	iterations int
	seed       uint64
	theta      float64 // Barnes–Hut opening angle; 0 computes every pair
	gravity    float64
	cross      float64 // spring weight of a link between chapters
	cohesion   float64 // pull toward the chapter's centre
}

// WithSeed sets the seed of the starting positions (default 1).
func WithSeed(seed uint64) Option { return func(c *layoutConfig) { c.seed = seed } }

// WithTheta sets the Barnes–Hut opening angle (default 0.9): larger is
// faster and coarser; 0 sums the repulsion of every pair exactly.
func WithTheta(theta float64) Option { return func(c *layoutConfig) { c.theta = theta } }

// edgeLen is the ideal distance between linked nodes, in output units.
const edgeLen = 30.0

// Layout places the nodes with a force-directed simulation in the manner of
// Fruchterman and Reingold: every pair repels, links and navigation
// parents attract, and a degree-weighted gravity keeps hubs central. Links
// between chapters pull less than links inside one, and each node is drawn
// toward its chapter's centre, so chapters come out as clusters even in a
// site whose chapters all link to each other. It is deterministic: the
// start comes from a seeded generator and every sum runs in a fixed order,
// so the same graph and options give the same positions. Repulsion uses a
// Barnes–Hut quadtree, so a step costs O(n log n) rather than O(n²)
// (about 0.3 s instead of 5 s for 1,200 nodes and 300 steps).
func Layout(g *Graph, opts ...Option) {
	cfg := layoutConfig{iterations: 300, seed: 1, theta: 0.9, gravity: 0.02, cross: 0.1, cohesion: 0.05}
	for _, o := range opts {
		o(&cfg)
	}
	n := len(g.Nodes)
	if n == 0 {
		return
	}
	pos := make([]vec, n)
	start(g, pos, cfg.seed)

	springs := make([]spring, 0, len(g.Edges)+len(g.parents))
	pair := map[Edge]int{}
	add := func(e Edge, w float64) {
		a, b := min(e.From, e.To), max(e.From, e.To)
		if i, ok := pair[Edge{a, b}]; ok {
			springs[i].w += w
			return
		}
		pair[Edge{a, b}] = len(springs)
		springs = append(springs, spring{a, b, w})
	}
	for _, e := range g.Edges {
		w := 1.0
		if g.Nodes[e.From].Chapter != g.Nodes[e.To].Chapter {
			w = cfg.cross
		}
		add(e, w)
	}
	for _, e := range g.parents {
		add(e, 1.5)
	}
	mass := make([]float64, n)
	for i, nd := range g.Nodes {
		mass[i] = 1 + float64(nd.Degree)
	}

	chapters := 0
	for _, nd := range g.Nodes {
		chapters = max(chapters, nd.Chapter+1)
	}
	centre := make([]vec, chapters)
	size := make([]float64, chapters)
	for _, nd := range g.Nodes {
		size[nd.Chapter]++
	}
	disp := make([]vec, n)
	var tree quadtree
	k2 := edgeLen * edgeLen
	temp := edgeLen * math.Sqrt(float64(n)) / 4
	cool := temp / float64(cfg.iterations+1)
	for range cfg.iterations {
		clear(disp)
		tree.build(pos)
		tree.repulseAll(pos, disp, k2, cfg.theta)
		for _, s := range springs {
			d := pos[s.a].sub(pos[s.b])
			l := d.len()
			if l == 0 {
				continue
			}
			f := d.scale(l / edgeLen * s.w)
			disp[s.a] = disp[s.a].sub(f)
			disp[s.b] = disp[s.b].add(f)
		}
		clear(centre)
		for i, nd := range g.Nodes {
			centre[nd.Chapter] = centre[nd.Chapter].add(pos[i])
		}
		for c := range centre {
			centre[c] = centre[c].scale(1 / max(size[c], 1))
		}
		for i := range pos {
			disp[i] = disp[i].sub(pos[i].scale(cfg.gravity * mass[i]))
			disp[i] = disp[i].add(centre[g.Nodes[i].Chapter].sub(pos[i]).scale(cfg.cohesion))
			l := disp[i].len()
			if l > temp {
				disp[i] = disp[i].scale(temp / l)
			}
			pos[i] = pos[i].add(disp[i])
		}
		temp -= cool
	}
	for i := range g.Nodes {
		g.Nodes[i].X, g.Nodes[i].Y = pos[i].x, pos[i].y
	}
}

type spring struct {
	a, b int
	w    float64
}

// start puts each chapter in its own sector of a disc, home page at the
// centre, with seeded jitter: the simulation then only has to refine.
func start(g *Graph, pos []vec, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	chapters := max(len(g.Chapters)-1, 1)
	radius := edgeLen * math.Sqrt(float64(len(pos)))
	for i, nd := range g.Nodes {
		var c vec
		if nd.Chapter > 0 {
			a := 2 * math.Pi * float64(nd.Chapter-1) / float64(chapters)
			c = vec{math.Cos(a), math.Sin(a)}.scale(radius / 2)
		}
		pos[i] = c.add(vec{rng.Float64() - 0.5, rng.Float64() - 0.5}.scale(radius / 3))
	}
}

type vec struct{ x, y float64 }

func (a vec) add(b vec) vec       { return vec{a.x + b.x, a.y + b.y} }
func (a vec) sub(b vec) vec       { return vec{a.x - b.x, a.y - b.y} }
func (a vec) scale(f float64) vec { return vec{a.x * f, a.y * f} }
func (a vec) len() float64        { return math.Hypot(a.x, a.y) }

// Package corpus generates a deterministic Markdown knowledge base with the
// shape of the one docsite was made for (SPEC §2): numbered folders, Chinese
// prose wrapped at 80 columns, hand-numbered headings and TOCs, mermaid,
// math, code in many languages, links of every kind with a realistic share
// broken, citations, a glossary and assets beside the pages.
//
// Generation runs in two phases. The layout phase fixes every path, title
// and heading (so any page can link to a real heading of any other page);
// the page phase writes bodies, each page from its own random stream, so
// pages can be generated in parallel and the output depends only on the seed
// and the file count.
package corpus

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// A File is one generated file; Path is slash-separated and relative to the
// corpus root.
type File struct {
	Path string
	Data []byte
}

// Stats is the generator's own account of what it wrote, by construction.
// Tests compare it with an independent survey of the written tree.
type Stats struct {
	Markdown, Other int   // files
	MarkdownBytes   int64 // bytes in .md files
	Mermaid         int
	DisplayMath     int // $$ blocks
	MathFences      int // ```math blocks
	InlineMath      int // inline $…$ formulas
	MathTraps       int // dollar amounts that must not become math
	Code            map[string]int
	AnchorLinks     int // #fragment links inside a page (TOC and prose)
	AnchorBroken    int // of which point at no heading
	RelativeLinks   int // links to other files of the corpus
	RelativeBroken  int // of which point at no file
	ExternalLinks   int // inline and autolinks, including [key]: [Title](url) definitions
	RefStyleLinks   int
	HTMLLinks       int
	Citations       int
	UndefinedCites  int
	StaleTOC        int // pages whose TOC holds one entry matching no heading
	BrokenNumbering int // pages with a skipped or misplaced heading number
	H1Off           int // pages whose H1 number differs from their position
}

func (s *Stats) add(o *Stats) {
	s.Mermaid += o.Mermaid
	s.DisplayMath += o.DisplayMath
	s.MathFences += o.MathFences
	s.InlineMath += o.InlineMath
	s.MathTraps += o.MathTraps
	for k, v := range o.Code {
		s.Code[k] += v
	}
	s.AnchorLinks += o.AnchorLinks
	s.AnchorBroken += o.AnchorBroken
	s.RelativeLinks += o.RelativeLinks
	s.RelativeBroken += o.RelativeBroken
	s.ExternalLinks += o.ExternalLinks
	s.RefStyleLinks += o.RefStyleLinks
	s.HTMLLinks += o.HTMLLinks
	s.Citations += o.Citations
	s.UndefinedCites += o.UndefinedCites
}

// CodeBlocks is the number of fenced code blocks, mermaid and math excluded.
func (s *Stats) CodeBlocks() int {
	n := 0
	for _, v := range s.Code {
		n += v
	}
	return n
}

type config struct {
	seed    uint64
	files   int
	workers int
}

// An Option configures Generate.
type Option func(*config)

// WithSeed sets the seed; the same seed and size give byte-identical output.
func WithSeed(seed uint64) Option { return func(c *config) { c.seed = seed } }

// WithFiles sets the number of Markdown files (at least 8).
func WithFiles(n int) Option { return func(c *config) { c.files = max(n, 8) } }

// WithWorkers bounds the goroutines writing pages; the output does not
// depend on it.
func WithWorkers(n int) Option { return func(c *config) { c.workers = max(n, 1) } }

// Generate builds the whole corpus in memory, files sorted by path.
func Generate(opts ...Option) ([]File, Stats) {
	c := config{seed: 1, files: 1200, workers: runtime.GOMAXPROCS(0)}
	for _, o := range opts {
		o(&c)
	}
	g := newGen(c)
	g.layout()
	g.plan()
	files, st := g.render()
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return files, st
}

// gen holds the plan shared (read-only, after layout) by all page writers.
type gen struct {
	cfg    config
	r      *rand.Rand // layout stream only
	pages  []*page
	exists map[string]bool // every file and folder path
	keys   []citeKey
	assets []asset
}

func newGen(c config) *gen {
	return &gen{
		cfg:    c,
		r:      rand.New(rand.NewPCG(c.seed, 0x9e3779b97f4a7c15)),
		exists: map[string]bool{"": true},
	}
}

// pageRand is the private stream of one page in one phase.
func (g *gen) pageRand(id int, phase uint64) *rand.Rand {
	return rand.New(rand.NewPCG(g.cfg.seed^0x5851f42d4c957f2d, uint64(id)<<4|phase))
}

// render writes every page in parallel; results land in fixed slots so the
// order of completion does not matter.
func (g *gen) render() ([]File, Stats) {
	out := make([]File, len(g.pages))
	stats := make([]Stats, len(g.pages))
	var wg sync.WaitGroup
	next := make(chan int)
	for range g.cfg.workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i], stats[i] = g.writePage(g.pages[i])
			}
		}()
	}
	for i := range g.pages {
		next <- i
	}
	close(next)
	wg.Wait()

	st := Stats{Code: map[string]int{}}
	for i := range stats {
		st.add(&stats[i])
		st.Markdown++
		st.MarkdownBytes += int64(len(out[i].Data))
	}
	for _, p := range g.pages {
		if p.stale {
			st.StaleTOC++
		}
		if p.brokenNum {
			st.BrokenNumbering++
		}
		if p.h1Off {
			st.H1Off++
		}
	}
	for _, a := range g.assets {
		out = append(out, File{Path: a.path, Data: a.data})
		st.Other++
	}
	return out, st
}

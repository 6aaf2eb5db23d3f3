package corpus

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
)

// pw writes one page from the page's own random stream.
type pw struct {
	g        *gen
	p        *page
	r        *rand.Rand
	b        strings.Builder
	st       Stats
	cited    []string // keys in order of first use
	citedSet map[string]bool
	refDefs  []string // reference-style link definitions for the page end
}

// A feature is something a page must contain a given number of times:
// blocks are written where they fall, inline ones ride along in prose.
type feature struct {
	kind   featKind
	inline string // the rendered atom for inline features
}

type featKind int

const (
	fCode featKind = iota
	fMermaid
	fDisplay
	fFence
	fInlineMath
	fTable
	fQuote
	fHTML
	fTrap
	fImage
	fChildren
	// inline
	fCite
	fRel
	fAnchor
	fExternal
	fRefStyle
	fAsset
)

func (g *gen) writePage(p *page) (File, Stats) {
	w := &pw{g: g, p: p, r: g.pageRand(p.id, 2), st: Stats{Code: map[string]int{}}, citedSet: map[string]bool{}}
	w.b.Grow(p.size + p.size/3)
	switch p.kind {
	case homePage:
		w.home()
	case refsPage:
		w.references()
	case glossaryPage:
		w.glossaryPage()
	default:
		w.content()
	}
	return File{Path: p.path, Data: []byte(w.b.String())}, w.st
}

func (w *pw) line(s string) { w.b.WriteString(s); w.b.WriteByte('\n') }
func (w *pw) blank()        { w.b.WriteByte('\n') }

// para writes a wrapped paragraph followed by a blank line.
func (w *pw) para(text string) {
	w.b.WriteString(wrap(text, 80, "", ""))
	w.blank()
}

func (w *pw) content() {
	p, r := w.p, w.r
	w.line("# " + p.h1.text)
	w.blank()
	if p.toc.text != "" {
		w.tocBlock()
	}
	var bodies []int
	for i := range p.heads {
		if !(p.refsSection && i == len(p.heads)-1) {
			bodies = append(bodies, i)
		}
	}
	per := make([][]feature, len(p.heads))
	for _, f := range w.features() {
		i := bodies[r.IntN(len(bodies))]
		if f.kind == fChildren {
			i = bodies[0]
		}
		per[i] = append(per[i], f)
	}
	left := len(bodies)
	for i, h := range p.heads {
		w.line(strings.Repeat("#", h.level) + " " + h.text)
		w.blank()
		if p.refsSection && i == len(p.heads)-1 {
			w.refsSection()
			continue
		}
		budget := (p.size - w.b.Len()) / max(left, 1)
		if i+1 < len(p.heads) && p.heads[i+1].level > h.level {
			budget /= 3 // a short lead-in before the subsections
		}
		w.body(per[i], budget)
		left--
	}
	for _, d := range w.refDefs {
		w.line(d)
	}
}

// features draws this page's share of every countable thing; counts scale
// with the page's size so small pages have fewer of each.
func (w *pw) features() []feature {
	p, r, g := w.p, w.r, w.g
	s := float64(p.size) / 19000
	var fs []feature
	add := func(n int, k featKind, mk func() string) {
		for range n {
			f := feature{kind: k}
			if mk != nil {
				f.inline = mk()
			}
			fs = append(fs, f)
		}
	}
	add(poisson(r, 12.1*s), fCode, nil)
	add(poisson(r, 0.98*s), fMermaid, nil)
	add(poisson(r, 0.47*s), fDisplay, nil)
	add(poisson(r, 0.32*s), fFence, nil)
	add(poisson(r, 1.15*s), fInlineMath, nil)
	add(poisson(r, 1.2*s), fTable, nil)
	add(poisson(r, 0.6*s), fQuote, nil)
	if r.Float64() < 0.15 {
		add(1, fHTML, nil)
	}
	if r.Float64() < 0.08 {
		add(1, fTrap, nil)
	}
	if p.kind == landingPage && len(p.children) > 0 {
		add(1, fChildren, nil)
	}
	add(poisson(r, 3.5*s), fCite, w.citation)
	if p.undefCite {
		add(1, fCite, w.undefinedCitation)
	}
	add(poisson(r, 5.8*s), fRel, func() string {
		l, broken := g.crossLink(r, p, relBroken)
		w.countRel(broken)
		return l
	})
	add(poisson(r, 11*s), fAnchor, func() string {
		broken := r.Float64() < 0.08
		w.st.AnchorLinks++
		if broken {
			w.st.AnchorBroken++
		}
		return anchorLink(r, p, broken)
	})
	add(poisson(r, 1.65*s), fExternal, func() string {
		e := pick(r, externalLinks)
		w.st.ExternalLinks++
		if r.IntN(8) == 0 {
			return "<" + e.url + ">"
		}
		return fmt.Sprintf("[%s](%s)", e.text, e.url)
	})
	if r.Float64() < 0.2 {
		add(1+r.IntN(2), fRefStyle, w.refStyle)
	}
	for _, id := range p.assets {
		if a := g.assets[id]; r.Float64() < 0.6 {
			k := fAsset
			if a.kind == "png" {
				k = fImage
			}
			href := relPath(p.dir, a.path)
			add(1, k, func() string {
				w.countRel(false)
				if k == fImage {
					return fmt.Sprintf("![%s架构图](%s)", p.topic.zh, href)
				}
				return fmt.Sprintf("[`%s`](%s)", href[strings.LastIndexByte(href, '/')+1:], href)
			})
		}
	}
	return fs
}

// relBroken is the chance that a written cross-file link is broken; the
// always-valid navigation links elsewhere bring the corpus share to ~25%.
const relBroken = 0.35

func (w *pw) countRel(broken bool) {
	w.st.RelativeLinks++
	if broken {
		w.st.RelativeBroken++
	}
}

func (w *pw) citation() string {
	k := w.g.keys[w.r.IntN(len(w.g.keys))].key
	if !w.citedSet[k] {
		w.citedSet[k] = true
		w.cited = append(w.cited, k)
	}
	w.st.Citations++
	return "[" + k + "]"
}

// undefinedCitation is a misspelt key: two letters of the aspect swapped.
func (w *pw) undefinedCitation() string {
	for {
		k := w.g.keys[w.r.IntN(len(w.g.keys))].key
		i := strings.LastIndexByte(k, '-') + 1
		if len(k)-i < 3 {
			continue
		}
		j := i + w.r.IntN(len(k)-i-1)
		if k[j] == k[j+1] {
			continue
		}
		bad := k[:j] + string(k[j+1]) + string(k[j]) + k[j+2:]
		if w.g.isKey(bad) {
			continue
		}
		w.st.Citations++
		w.st.UndefinedCites++
		return "[" + bad + "]"
	}
}

func (g *gen) isKey(k string) bool {
	for _, c := range g.keys {
		if c.key == k {
			return true
		}
	}
	return false
}

// refStyle is a reference-style link whose label has a space or capital,
// so it can never be mistaken for a citation key.
func (w *pw) refStyle() string {
	e := pick(w.r, externalLinks)
	def := fmt.Sprintf("[%s]: %s", e.text, e.url)
	if !slices.Contains(w.refDefs, def) {
		if len(w.refDefs) == 0 {
			w.refDefs = append(w.refDefs, "")
		}
		w.refDefs = append(w.refDefs, def)
	}
	w.st.RefStyleLinks++
	if w.r.IntN(2) == 0 {
		return "[" + e.text + "][]"
	}
	return "[这份文档][" + e.text + "]"
}

func (w *pw) tocBlock() {
	p := w.p
	w.line("## " + p.toc.text)
	w.blank()
	entry := func(h heading) {
		indent := strings.Repeat("  ", h.level-2)
		w.line(fmt.Sprintf("%s- [%s](#%s)", indent, h.text, h.slug))
		w.st.AnchorLinks++
	}
	if p.tocSelf {
		entry(p.toc)
	}
	for i, h := range p.heads {
		if p.stale && i == p.staleAt {
			entry(p.staleH)
			w.st.AnchorBroken++
		}
		if h.level <= 3 {
			entry(h)
		}
	}
	w.blank()
	w.line("---")
	w.blank()
}

// body writes one section's text: a lead paragraph, its features, then
// prose until the section reaches its share of the page's size.
func (w *pw) body(fs []feature, budget int) {
	start := w.b.Len()
	var inl, blocks []feature
	for _, f := range fs {
		if f.kind >= fCite {
			inl = append(inl, f)
		} else {
			blocks = append(blocks, f)
		}
	}
	w.paragraph(1+w.r.IntN(3), &inl)
	for _, f := range blocks {
		w.block(f)
		if w.r.IntN(2) == 0 {
			w.proseBlock(&inl)
		}
	}
	for w.b.Len()-start < budget {
		w.proseBlock(&inl)
	}
	if len(inl) > 0 {
		w.line("**相关阅读**：")
		w.blank()
		for _, f := range inl {
			w.b.WriteString(wrap(clause(w.r, w.p.topic)+" → "+f.inline, 80, "- ", "  "))
		}
		w.blank()
	}
}

// attach appends an inline feature to a sentence the way authors do.
func attach(r *rand.Rand, s string, f feature) string {
	switch f.kind {
	case fCite:
		return s + " " + f.inline
	case fExternal:
		return s + "，详见 " + f.inline
	case fRefStyle:
		return s + "，参考" + f.inline
	case fAsset:
		return s + "（配置文件：" + f.inline + "）"
	case fAnchor:
		if r.IntN(2) == 0 {
			return s + "，参见" + f.inline
		}
	}
	return s + "（见 " + f.inline + "）"
}

// sentences joins n sentences, attaching queued inline features to some.
func (w *pw) sentences(n int, inl *[]feature) string {
	var b strings.Builder
	for range n {
		s := sentence(w.r, w.p.topic)
		if len(*inl) > 0 && w.r.IntN(3) > 0 {
			f := (*inl)[0]
			*inl = (*inl)[1:]
			s = attach(w.r, s, f)
		}
		b.WriteString(s + pick(w.r, enders))
	}
	return b.String()
}

func (w *pw) paragraph(n int, inl *[]feature) {
	w.para(w.sentences(n, inl))
}

func poisson(r *rand.Rand, lambda float64) int {
	if lambda > 60 {
		return max(0, int(math.Round(lambda+math.Sqrt(lambda)*r.NormFloat64())))
	}
	l, k, p := math.Exp(-lambda), 0, 1.0
	for {
		p *= r.Float64()
		if p <= l {
			return k
		}
		k++
	}
}

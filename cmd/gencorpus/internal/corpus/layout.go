package corpus

import (
	"fmt"
	"math"
	"path"
	"strconv"
	"strings"
)

type pageKind int

const (
	normalPage pageKind = iota
	landingPage
	homePage
	refsPage
	glossaryPage
)

// A page is planned in full before any body is written.
type page struct {
	id       int
	path     string // slash path from the corpus root
	dir      string
	kind     pageKind
	pos      int // position in its folder's order, 0 for loose root pages
	siblings int // entries in its folder's order: chapter numbers stay above them
	topic    topic
	size     int // target bytes
	children []*page
	assets   []int // indices into gen.assets that this page may link

	// Outline, fixed by plan.
	scheme  scheme
	chapter int // the number a chapter page's sections extend
	h1      heading
	toc     heading // zero if the page has no TOC
	tocSelf bool    // the TOC lists itself, as the seed does
	heads   []heading
	staleAt int     // index in heads before which the stale TOC entry sits
	staleH  heading // the entry's text and slug, which match no heading

	stale, brokenNum, h1Off, undefCite, localRefs, mangled, refsSection bool
}

type heading struct {
	level      int
	text, slug string
	num        string // the hand number as written ("1.2", "3."), "" for none
}

// hasSlug reports whether s is the ID of one of the page's headings.
func (p *page) hasSlug(s string) bool {
	if p.h1.slug == s || (p.toc.slug != "" && p.toc.slug == s) {
		return true
	}
	for _, h := range p.heads {
		if h.slug == s {
			return true
		}
	}
	return false
}

// layout fixes the folder tree: numbered top-level sections, each with a
// landing page, loose pages and subfolders, two or three levels deep, and
// a few status reports loose at the root beside them.
func (g *gen) layout() {
	home := g.addPage("README.md", homePage, 0, topic{"home", "云原生容器技术栈知识库", []string{"Docker", "Kubernetes", "K3s", "WasmEdge", "OPA"}})
	loose := clamp(g.cfg.files/150, 1, len(looseReports))
	m := g.cfg.files - 3 - loose
	n := clamp(int(math.Round(math.Sqrt(float64(m))/2.2)), 2, 16)
	shares := g.split(m, n)
	tps := g.pickTopics(n)
	for i := range n {
		home.children = append(home.children, g.folder("", i+1, tps[i], shares[i], 1))
		home.children[i].siblings = n
	}
	for _, i := range g.r.Perm(len(looseReports))[:loose] {
		// Unnumbered names and titles that start with a year or version:
		// they take no position in the sidebar, and no number in them counts.
		lr := looseReports[i]
		g.addPage(lr.name, normalPage, 0, topic{strings.TrimSuffix(lr.name, ".md"), lr.zh, terms})
	}
	g.addPage("REFERENCES.md", refsPage, 0, topic{"references", "参考文献", terms})
	g.addPage("GLOSSARY.md", glossaryPage, 0, topic{"glossary", "缩写词汇表", terms})
	g.layoutAssets()
}

func (g *gen) folder(parent string, pos int, t topic, budget, depth int) *page {
	dir := path.Join(parent, fmt.Sprintf("%02d-%s", pos, t.en))
	g.exists[dir] = true
	name := "README.md"
	if g.r.Float64() < 0.45 {
		name = t.en + ".md" // the "<name>/<name>.md" convention, prefix stripped
	}
	land := g.addPage(dir+"/"+name, landingPage, pos, t)
	rest := budget - 1
	nsub, loose := 0, rest
	if rest >= 6 && depth < 3 && (depth == 1 || g.r.Float64() < 0.6) {
		nsub = clamp(rest/12, 1, 8)
		loose = int(float64(rest) * (0.2 + 0.25*g.r.Float64()))
		if rest-loose < 2*nsub {
			nsub = max(1, (rest-loose)/2)
		}
	}
	subShares := g.split(rest-loose, nsub)
	isSub := make([]bool, loose+nsub)
	for i := range nsub {
		isSub[i] = true
	}
	g.r.Shuffle(len(isSub), func(i, j int) { isSub[i], isSub[j] = isSub[j], isSub[i] })
	tps := g.pickTopics(len(isSub))
	si := 0
	for i, sub := range isSub {
		var child *page
		if sub {
			child = g.folder(dir, i+1, tps[i], subShares[si], depth+1)
			si++
		} else {
			child = g.addPage(fmt.Sprintf("%s/%02d-%s.md", dir, i+1, tps[i].en), normalPage, i+1, tps[i])
		}
		land.children = append(land.children, child)
	}
	for _, c := range land.children {
		c.siblings = len(land.children)
	}
	return land
}

// looseReports are the status reports that sit at the root of the real
// knowledge base.
var looseReports = []struct{ name, zh string }{
	{"COMPLETION-STATUS-2025-11.md", "2025 年 11 月完成状态报告"},
	{"PROGRESS-REPORT-2025-10.md", "2025 年 10 月进展报告"},
	{"UPGRADE-NOTES-v1.30.md", "v1.30 升级说明"},
	{"QUALITY-AUDIT-2025-11.md", "2025 年 11 月文档质量审计"},
	{"LINK-REPAIR-SUMMARY.md", "链接修复总结"},
	{"VERSION-ALIGNMENT-v1.31.md", "v1.31 版本对齐说明"},
	{"ROADMAP-2026.md", "2026 年路线图"},
	{"REVIEW-SUMMARY-2025-09.md", "2025 年 9 月评审总结"},
}

func (g *gen) addPage(p string, kind pageKind, pos int, t topic) *page {
	// Sizes are log-normal: most pages near the median, a long tail of
	// large ones, as in a real knowledge base.
	size := int(14500 * math.Exp(0.6*g.r.NormFloat64()))
	pg := &page{id: len(g.pages), path: p, dir: path.Dir(p), kind: kind, pos: pos, topic: t, size: clamp(size, 2500, 120000)}
	if pg.dir == "." {
		pg.dir = ""
	}
	g.pages = append(g.pages, pg)
	g.exists[p] = true
	return pg
}

// split divides total into n positive parts of varied size.
func (g *gen) split(total, n int) []int {
	if n == 0 {
		return nil
	}
	w := make([]float64, n)
	sum := 0.0
	for i := range w {
		w[i] = 0.6 + 0.8*g.r.Float64()
		sum += w[i]
	}
	out := make([]int, n)
	left := total
	for i := range out {
		out[i] = max(1, int(float64(total)*w[i]/sum))
		left -= out[i]
	}
	for i := 0; left > 0; i = (i + 1) % n {
		out[i]++
		left--
	}
	for i := 0; left < 0; i = (i + 1) % n {
		if out[i] > 1 {
			out[i]--
			left++
		}
	}
	return out
}

// pickTopics draws n distinct topics; when the pool runs out, names repeat
// with a numeric suffix so siblings never collide.
func (g *gen) pickTopics(n int) []topic {
	perm := g.r.Perm(len(topics))
	out := make([]topic, n)
	for i := range out {
		t := topics[perm[i%len(perm)]]
		if k := i / len(perm); k > 0 {
			t.en += "-" + strconv.Itoa(k+1)
			t.zh += "（" + strconv.Itoa(k+1) + "）"
		}
		out[i] = t
	}
	return out
}

func clamp(v, lo, hi int) int { return min(max(v, lo), hi) }

package corpus

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"docsite/internal/slug"
)

// plan chooses the deliberate defects, the citation keys and every page's
// outline. Defects are drawn as exact counts (at least one each) so small
// test corpora have them too.
func (g *gen) plan() {
	g.makeKeys()
	var content []*page
	for _, p := range g.pages {
		if p.kind == normalPage || p.kind == landingPage {
			content = append(content, p)
		}
	}
	mark := func(share float64, set func(*page)) {
		n := max(1, int(math.Round(share*float64(len(content)))))
		for _, i := range g.r.Perm(len(content))[:min(n, len(content))] {
			set(content[i])
		}
	}
	mark(0.05, func(p *page) { p.stale = true })
	mark(0.04, func(p *page) { p.brokenNum = true })
	mark(0.03, func(p *page) { p.h1Off = true })
	mark(0.03, func(p *page) { p.undefCite = true })
	mark(0.22, func(p *page) { p.localRefs = true })
	for _, p := range content {
		p.mangled = p.localRefs && g.r.Float64() < 0.5
		p.refsSection = p.localRefs || g.r.Float64() < 0.3
	}
	for _, p := range g.pages {
		g.outline(p)
	}
}

func (g *gen) outline(p *page) {
	r := g.pageRand(p.id, 1)
	var sl slug.Slugger
	switch p.kind {
	case homePage, refsPage, glossaryPage:
		p.h1 = heading{1, p.topic.zh, sl.Slug(p.topic.zh)}
		return
	}
	n := p.pos
	if p.h1Off {
		if n > 2 && r.IntN(2) == 0 {
			n -= 1 + r.IntN(n-1)
		} else {
			n += 1 + r.IntN(3)
		}
	}
	title := p.topic.zh
	if r.Float64() < 0.35 {
		title += "：" + pick(r, subtitles)
	}
	text := fmt.Sprintf("%d. %s", n, title)
	p.h1 = heading{1, text, sl.Slug(text)}
	switch x := r.Float64(); {
	case x < 0.65:
		p.toc = heading{2, "目录", ""}
	case x < 0.9 || p.stale:
		p.toc = heading{2, "📑 目录", ""}
	}
	if p.toc.text != "" {
		p.toc.slug = sl.Slug(p.toc.text)
		p.tocSelf = r.Float64() < 0.5
	}

	nh2 := clamp(int(math.Round(float64(p.size)/2400+r.NormFloat64())), 3, 14)
	perm2, perm3 := r.Perm(len(h2Titles)), r.Perm(len(h3Titles))
	skipAt, wrongAt, variant := -1, -1, r.IntN(3)
	if p.brokenNum {
		skipAt = 1 + r.IntN(nh2-1)
	}
	k3 := 0
	for m := 1; m <= nh2; m++ {
		num := m
		if variant != 1 && skipAt >= 0 && m >= skipAt {
			num = m + 1 // a number skipped: 1.1, 1.2, 1.4 …
		}
		if variant == 2 && m == skipAt {
			num = m - 1 // and a repeated one: 1.2, 1.2
		}
		h2 := fill(h2Titles[perm2[(m-1)%len(perm2)]], p.topic, r)
		p.addHead(&sl, 2, fmt.Sprintf("%d.%d %s", n, num, h2))
		nh3 := []int{0, 0, 0, 1, 1, 2, 2, 2, 3, 3, 4}[r.IntN(11)]
		if variant == 1 && skipAt >= 0 && m == skipAt && wrongAt < 0 {
			nh3 = max(nh3, 1)
			wrongAt = m // its first H3 carries another chapter's number
		}
		for k := 1; k <= nh3; k++ {
			prefix := fmt.Sprintf("%d.%d.%d", n, num, k)
			if wrongAt == m && k == 1 {
				prefix = fmt.Sprintf("%d.%d.%d", n+1, 1, 1)
			}
			h3 := fill(h3Titles[perm3[k3%len(perm3)]], p.topic, r)
			k3++
			p.addHead(&sl, 3, prefix+" "+h3)
			if r.Float64() < 0.08 {
				p.addHead(&sl, 4, pick(r, []string{"示例", "说明", "配置示例"}))
			}
		}
	}
	if p.refsSection {
		p.addHead(&sl, 2, fmt.Sprintf("%d.%d 参考", n, nh2+1))
	}
	if p.stale {
		g.staleEntry(p, r)
	}
}

func (p *page) addHead(sl *slug.Slugger, level int, text string) {
	p.heads = append(p.heads, heading{level, text, sl.Slug(text)})
}

// staleEntry makes one TOC entry that a later edit left behind: the
// heading was renamed or renumbered, or removed altogether.
func (g *gen) staleEntry(p *page, r *rand.Rand) {
	var tocable []int
	for i, h := range p.heads {
		if h.level <= 3 {
			tocable = append(tocable, i)
		}
	}
	i := tocable[r.IntN(len(tocable))]
	h := p.heads[i]
	var text string
	switch r.IntN(3) {
	case 0: // renamed: the old, shorter title
		rs := []rune(h.text)
		text = string(rs[:max(len(rs)-2, strings.IndexByte(h.text, ' ')+1)]) + "概述"
	case 1: // renumbered: the number the heading had before
		sp := strings.IndexByte(h.text, ' ')
		text = h.text[:sp] + "0" + h.text[sp:]
	default: // removed
		text = strings.SplitN(h.text, " ", 2)[0] + " 旧版对比（已废弃）"
	}
	s := slug.Make(text)
	for p.hasSlug(s) {
		text += "旧"
		s = slug.Make(text)
	}
	p.staleAt, p.staleH = i, heading{h.level, text, s}
}

// fill replaces {T} with one of the topic's terms and {U} with another term.
func fill(tmpl string, t topic, r *rand.Rand) string {
	if !strings.Contains(tmpl, "{") {
		return tmpl
	}
	a := pick(r, t.terms)
	b := pick(r, terms)
	for b == a {
		b = pick(r, terms)
	}
	return strings.NewReplacer("{T}", a, "{U}", b).Replace(tmpl)
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// A citeKey is one entry of REFERENCES.md.
type citeKey struct{ key, title, url string }

func (g *gen) makeKeys() {
	var all []citeKey
	for _, s := range citeSubjects {
		for _, a := range citeAspects {
			all = append(all, citeKey{s.key + "-" + a.key, s.name + " " + a.zh, s.site + a.path})
		}
	}
	g.r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	g.keys = all[:clamp(g.cfg.files/4, 40, len(all))]
}

package corpus

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"docsite/internal/slug"
)

// A scheme is how a page numbers its headings. Pages of the real knowledge
// base each follow their own (SPEC §2): most number per document whatever
// their H1 says, about a tenth are chapters whose H1 number their sections
// extend, some write numbered lists as headings, a few number nothing.
type scheme uint8

const (
	perDocument scheme = iota // "## 1 概述", "### 1.1 …" under an unnumbered H1
	chapter                   // "# 14. …" over "## 14.1", "### 14.1.2"
	mixed                     // per document, plus list-headings ("### 3.2 专家观点", "#### 1. …")
	lists                     // unnumbered sections, list-headings under them ("### 1. …")
	unnumbered                // no numbers at all
)

// The deliberate numbering mistakes, each one finding within the page's
// own scheme.
const (
	skipOne     = iota // 1, 2, 4, 5: a number left out
	repeatOne          // 1, 2, 2, 3: a number written twice
	wrongParent        // "### 2.1" under "## 3": moved without renumbering
)

// plan chooses every page's numbering scheme, the deliberate defects, the
// citation keys and every page's outline. Schemes and defects are drawn as
// exact counts (at least one each) so small test corpora have them too.
func (g *gen) plan() {
	g.makeKeys()
	var content []*page
	for _, p := range g.pages {
		if p.kind == normalPage || p.kind == landingPage {
			content = append(content, p)
		}
	}
	// mark sets share of the content pages, drawn among those that fit.
	mark := func(share float64, fits func(*page) bool, set func(*page)) {
		var cand []*page
		for _, p := range content {
			if fits(p) {
				cand = append(cand, p)
			}
		}
		n := max(1, int(math.Round(share*float64(len(content)))))
		for _, i := range g.r.Perm(len(cand))[:min(n, len(cand))] {
			set(cand[i])
		}
	}
	all := func(*page) bool { return true }
	doc := func(p *page) bool { return p.scheme == perDocument }
	// The shares of the real corpus; the status reports at the root are
	// never chapters.
	mark(0.115, func(p *page) bool { return p.pos > 0 }, func(p *page) { p.scheme = chapter })
	mark(0.15, doc, func(p *page) { p.scheme = mixed })
	mark(0.035, doc, func(p *page) { p.scheme = lists })
	mark(0.05, doc, func(p *page) { p.scheme = unnumbered })

	mark(0.05, all, func(p *page) { p.stale = true })
	mark(0.04, func(p *page) bool { return p.scheme != unnumbered }, func(p *page) { p.brokenNum = true })
	mark(0.02, func(p *page) bool { return p.scheme == chapter }, func(p *page) { p.h1Off = true })
	mark(0.03, all, func(p *page) { p.undefCite = true })
	mark(0.22, all, func(p *page) { p.localRefs = true })
	for _, p := range content {
		p.mangled = p.localRefs && g.r.Float64() < 0.5
		p.refsSection = p.localRefs || g.r.Float64() < 0.3
	}
	for _, p := range g.pages {
		g.outline(p)
	}
}

// datedTitles start a title with a year, a month or a version, numbers
// that are no section numbers.
var datedTitles = []string{"2025 年 11 月%s进展", "2025 年%s趋势", "v1.30 %s升级说明", "v1.31 %s变更说明"}

// datedHeads are unnumbered headings of the same kind among numbered ones.
var datedHeads = []string{"v1.30 升级说明", "2025 年 11 月更新", "2025 年趋势", "v1.31 变更摘要", "2024 年回顾"}

// listHosts are headings over a numbered list written as headings, with
// the entries of the list.
var listHosts = []struct {
	title string
	items []string
}{
	{"专家观点", []string{"Eric Evans（领域驱动设计）", "Martin Fowler（微服务）", "Brendan Burns（分布式系统模式）", "Kelsey Hightower（平台工程）", "Leslie Lamport（分布式一致性）"}},
	{"关键步骤", []string{"准备环境", "安装组件", "配置策略", "验证部署", "灰度上线"}},
	{"核心原则", []string{"声明式优先", "最小权限", "不可变基础设施", "可观测性内建", "失败可回滚"}},
	{"常见误区", []string{"把容器当虚拟机", "忽略资源限制", "镜像不固定版本", "策略只在线上测试", "日志不带上下文"}},
	{"典型案例", []string{"边缘网关", "多租户平台", "批处理集群", "Serverless 函数", "AI 推理服务"}},
}

func (g *gen) outline(p *page) {
	r := g.pageRand(p.id, 1)
	var sl slug.Slugger
	switch p.kind {
	case homePage, refsPage, glossaryPage:
		p.h1 = heading{1, p.topic.zh, sl.Slug(p.topic.zh), ""}
		return
	}
	title := p.topic.zh
	if p.pos > 0 && r.Float64() < 0.35 {
		title += "：" + pick(r, subtitles)
	}
	var base []int // what the sections extend: the chapter, or nothing
	switch {
	case p.scheme == chapter:
		// The book's own chapter number, above every position in the
		// folder, so no folder looks numbered by position.
		p.chapter = p.siblings + 1 + r.IntN(12)
		base = []int{p.chapter}
		n := p.chapter
		if p.h1Off {
			n += 1 + r.IntN(3) // the H1 missed when its sections were renumbered
		}
		title = fmt.Sprintf("%d. %s", n, title)
	case p.pos > 0 && r.Float64() < 0.05:
		title = fmt.Sprintf(pick(r, datedTitles), p.topic.zh)
	}
	p.h1 = heading{1, title, sl.Slug(title), ""}
	switch x := r.Float64(); {
	case x < 0.65:
		p.toc = heading{2, "目录", "", ""}
	case x < 0.9 || p.stale:
		p.toc = heading{2, "📑 目录", "", ""}
	}
	if p.toc.text != "" {
		p.toc.slug = sl.Slug(p.toc.text)
		p.tocSelf = r.Float64() < 0.5
	}

	sections := p.scheme == perDocument || p.scheme == chapter || p.scheme == mixed
	dotted := p.scheme != chapter && r.IntN(4) == 0 // "## 1. 概述" rather than "## 1 概述"
	// sec is a section number: base and parts joined, "" on a page
	// without section numbers.
	sec := func(parts ...int) string {
		if !sections {
			return ""
		}
		var ss []string
		for _, v := range append(slices.Clone(base), parts...) {
			ss = append(ss, strconv.Itoa(v))
		}
		if len(ss) == 1 && dotted {
			return ss[0] + "."
		}
		return strings.Join(ss, ".")
	}

	nh2 := clamp(int(math.Round(float64(p.size)/2400+r.NormFloat64())), 3, 14)
	perm2, perm3 := r.Perm(len(h2Titles)), r.Perm(len(h3Titles))
	fault, faultAt := -1, 0
	if p.brokenNum {
		fault, faultAt = r.IntN(3), 2+r.IntN(nh2-1) // never the first: it may start anywhere
		if p.scheme == lists {
			fault = r.IntN(2) // the list's own numbers skip or repeat
		}
	}
	// hostAt: the H2s with a numbered list under them (in a mixed page
	// under its last H3, in a lists page right under the H2).
	hostAt := map[int]bool{}
	switch p.scheme {
	case mixed:
		hostAt[1+r.IntN(nh2)] = true
		if r.IntN(3) == 0 {
			hostAt[1+r.IntN(nh2)] = true
		}
	case lists:
		hostAt[1+r.IntN(nh2)] = true
		for m := 1; m <= nh2; m++ {
			hostAt[m] = hostAt[m] || r.IntN(2) == 0
		}
	}
	// list writes the entries of a numbered list as headings; on a lists
	// page the first list carries the page's mistake.
	firstList := true
	list := func(level int, items []string) {
		n := 2 + r.IntN(len(items)-1)
		at := 0 // the entry where the mistake starts
		if p.scheme == lists && fault >= 0 && firstList {
			n = max(n, 3)
			at = 2 + r.IntN(n-1)
		}
		firstList = false
		for k := 1; k <= n; k++ {
			num := k
			switch {
			case at > 0 && k >= at && fault == skipOne:
				num = k + 1
			case at > 0 && k >= at && fault == repeatOne:
				num = k - 1
			}
			p.addHead(&sl, level, strconv.Itoa(num)+".", items[k-1])
		}
	}
	k3, last := 0, 0
	for m := 1; m <= nh2; m++ {
		num := m
		if p.scheme != lists && m >= faultAt {
			switch fault {
			case skipOne:
				num = m + 1
			case repeatOne:
				num = m - 1
			}
		}
		last = num
		p.addHead(&sl, 2, sec(num), fill(h2Titles[perm2[(m-1)%len(perm2)]], p.topic, r))
		if p.scheme == lists && hostAt[m] {
			list(3, listHosts[r.IntN(len(listHosts))].items)
			continue
		}
		nh3 := []int{0, 0, 0, 1, 1, 2, 2, 2, 3, 3, 4}[r.IntN(11)]
		wrong := fault == wrongParent && m == faultAt
		if wrong || hostAt[m] {
			nh3 = max(nh3, 1)
		}
		for k := 1; k <= nh3; k++ {
			n3 := sec(num, k)
			if wrong && k == 1 {
				n3 = sec(num-1, 1+r.IntN(3)) // moved here from the section before
			}
			if hostAt[m] && k == nh3 {
				h := listHosts[r.IntN(len(listHosts))]
				p.addHead(&sl, 3, n3, h.title)
				list(4, h.items)
				continue
			}
			p.addHead(&sl, 3, n3, fill(h3Titles[perm3[k3%len(perm3)]], p.topic, r))
			k3++
			switch x := r.Float64(); {
			case sections && x < 0.06:
				for i := 1; i <= 2; i++ {
					p.addHead(&sl, 4, n3+"."+strconv.Itoa(i), pick(r, []string{"存在性", "唯一性", "前提条件", "推导过程", "边界情况"})+"（"+strconv.Itoa(i)+"）")
				}
			case x < 0.14:
				p.addHead(&sl, 4, "", pick(r, []string{"示例", "说明", "配置示例"}))
			}
		}
		if r.Float64() < 0.04 {
			p.addHead(&sl, 3, "", pick(r, datedHeads))
		}
	}
	if p.refsSection {
		p.addHead(&sl, 2, sec(last+1), "参考")
	}
	if p.stale {
		g.staleEntry(p, r)
	}
}

// addHead adds a heading: its number, if any, then its title.
func (p *page) addHead(sl *slug.Slugger, level int, num, title string) {
	text := title
	if num != "" {
		text = num + " " + title
	}
	p.heads = append(p.heads, heading{level, text, sl.Slug(text), num})
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
	rest := strings.TrimPrefix(h.text, h.num+" ")
	with := func(t string) string {
		if h.num == "" {
			return t
		}
		return h.num + " " + t
	}
	var text string
	switch v := r.IntN(3); {
	case v == 1 && h.num != "": // renumbered: the number the heading had before
		text = h.num + "0 " + rest
	case v == 2: // removed
		text = with("旧版对比（已废弃）")
	default: // renamed: the old, shorter title
		rs := []rune(rest)
		text = with(string(rs[:max(len(rs)-2, 0)]) + "概述")
	}
	s := slug.Make(text)
	for p.hasSlug(s) {
		text += "旧"
		s = slug.Make(text)
	}
	p.staleAt, p.staleH = i, heading{h.level, text, s, ""}
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

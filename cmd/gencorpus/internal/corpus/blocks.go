package corpus

import (
	"fmt"
	"strings"
)

// block writes one block feature, with the lead-in line authors put
// before it.
func (w *pw) block(f feature) {
	r, t := w.r, w.p.topic
	switch f.kind {
	case fCode:
		lang := pickLang(r)
		if r.IntN(2) == 0 {
			w.line("**" + pick(r, []string{"示例", "配置示例", "操作步骤", "验证", "输出"}) + "**：")
			w.blank()
		}
		w.fence(lang, code(r, lang))
		w.st.Code[lang]++
	case fMermaid:
		w.fence("mermaid", mermaid(r, t))
		w.st.Mermaid++
	case fDisplay:
		w.display()
	case fFence:
		w.fence("math", fenceFormula(r)+"\n")
		w.st.MathFences++
	case fInlineMath:
		w.inlineMath()
	case fTable:
		w.table()
	case fQuote:
		w.b.WriteString(wrap("**"+pick(r, []string{"注", "提示", "警告", "实践经验"})+"**："+w.sentences(1+r.IntN(2), new([]feature)), 80, "> ", "> "))
		w.blank()
	case fHTML:
		w.html()
	case fTrap:
		s := pick(r, []string{
			"按公有云报价，单节点价格是 $5 和 $10 两档，边缘节点通常选择前者。",
			"托管控制平面的费用约 \\$73/月，自建 K3s 则只有机器成本。",
			"如果预算只有 $20 左右，一台 2 核 4GB 的云主机就能跑起 K3s 实验集群。",
		})
		w.para(sentence(r, t) + "。" + s)
		w.st.MathTraps++
	case fImage:
		w.line(f.inline)
		w.blank()
	case fChildren:
		w.line("**本章内容**：")
		w.blank()
		for _, c := range w.p.children {
			w.line(fmt.Sprintf("- [%s](%s)", c.h1.text, relPath(w.p.dir, c.path)))
			w.countRel(false)
		}
		w.blank()
	}
}

func (w *pw) fence(lang, body string) {
	w.line("```" + lang)
	w.b.WriteString(body)
	w.line("```")
	w.blank()
}

// display writes a $$ block in one of the shapes the corpus has: right
// under a bold line, on its own between blank lines, multi-line, or
// inside a list item or a quote.
func (w *pw) display() {
	r := w.r
	f := displayFormula(r)
	switch r.IntN(5) {
	case 0:
		w.line("**" + pick(r, []string{"优化目标", "定义", "推导", "结论"}) + "**：")
		w.line("$$" + f + "$$")
	case 1:
		w.line("$$" + f + "$$")
	case 2:
		w.line("$$")
		w.line(f)
		w.line("$$")
	case 3:
		w.line("- " + pick(r, goals) + "：$$" + f + "$$")
	default:
		w.line("> $$" + f + "$$")
	}
	w.blank()
	w.st.DisplayMath++
}

func (w *pw) inlineMath() {
	r := w.r
	if r.IntN(3) > 0 {
		f := inlineFormula(r)
		w.para(sentence(r, w.p.topic) + "，形式化地记为 " + f + "。")
		w.st.InlineMath++
		return
	}
	f := inlineFormula(r)
	w.para("设" + pick(r, props) + "为 " + f + "，其中：")
	for range 2 + r.IntN(4) {
		w.b.WriteString(wrap(fmt.Sprintf("%s = %s（%s）", symbolFormula(r), pick(r, terms), pick(r, goals)), 80, "- ", "  "))
		w.st.InlineMath++
	}
	w.st.InlineMath++
	w.blank()
}

// proseBlock writes filler text in one of the shapes of the seed page.
func (w *pw) proseBlock(inl *[]feature) {
	r, t := w.r, w.p.topic
	withAtom := func(s string) string {
		if len(*inl) > 0 && r.IntN(2) == 0 {
			f := (*inl)[0]
			*inl = (*inl)[1:]
			return attach(r, s, f)
		}
		return s
	}
	switch x := r.IntN(20); {
	case x < 9:
		w.paragraph(2+r.IntN(4), inl)
	case x < 14:
		w.line("**" + pick(r, boldHeads) + "**：")
		w.blank()
		for _, l := range r.Perm(len(listLabels))[:3+r.IntN(3)] {
			w.b.WriteString(wrap(withAtom("**"+listLabels[l]+"**："+clause(r, t)), 80, "- ", "  "))
		}
		w.blank()
	case x < 17:
		for range 3 + r.IntN(3) {
			w.b.WriteString(wrap(withAtom("**"+pick(r, terms)+"**："+clause(r, t)), 80, "- ", "  "))
		}
		w.blank()
	default:
		w.line("**" + pick(r, boldHeads) + "**：")
		w.blank()
		for i := range 2 + r.IntN(3) {
			head := fmt.Sprintf("**%s（%s - \"%s\"）**：", pick(r, mechanisms), pick(r, terms), pick(r, metaphors))
			w.b.WriteString(wrap(head, 80, fmt.Sprintf("%d. ", i+1), "   "))
			w.blank()
			for _, l := range listLabels[:4] {
				w.b.WriteString(wrap(withAtom("**"+l+"**："+clause(r, t)), 80, "   - ", "     "))
			}
			w.blank()
		}
	}
}

// table writes an aligned table; about one in six has rows with more
// cells than the header, as the seed's layer table does.
func (w *pw) table() {
	r := w.r
	var head []string
	var rows [][]string
	switch r.IntN(4) {
	case 0:
		head = append([]string{"指标"}, pickN(r, terms, 3+r.IntN(2))...)
		for _, pr := range pickN(r, props, 3+r.IntN(4)) {
			row := []string{"**" + pr + "**"}
			for range len(head) - 1 {
				row = append(row, pick(r, []string{"~", "< ", ""})+number(r))
			}
			rows = append(rows, row)
		}
	case 1:
		head = []string{"概念", "本质", "关键对象/机制", "解决痛点", "对应技术"}
		for _, tm := range pickN(r, terms, 3+r.IntN(5)) {
			rows = append(rows, []string{"**" + tm + "**", pick(r, mechanisms), pick(r, mechanisms), pick(r, goals), pick(r, terms)})
		}
	case 2:
		head = []string{"年份", "技术/事件", "意义", "当前状态（2025）"}
		year := 1999 + r.IntN(10)
		for range 4 + r.IntN(6) {
			year += 1 + r.IntN(3)
			rows = append(rows, []string{fmt.Sprintf("**%d**", year), pick(r, terms) + " 发布", pick(r, goals), pick(r, []string{"成熟稳定 ⭐⭐⭐⭐⭐", "快速增长 ⭐⭐⭐⭐", "**当前趋势** 🔥", "广泛采用"})})
		}
	default:
		head = []string{"层次", "技术", "解决的核心问题", "适用场景"}
		for range 3 + r.IntN(4) {
			rows = append(rows, []string{"**" + pick(r, mechanisms) + "**", pick(r, terms), pick(r, goals) + "、" + pick(r, goals), pick(r, scenes)})
		}
	}
	if r.IntN(6) == 0 {
		for i := range rows {
			if r.IntN(2) == 0 {
				rows[i] = append(rows[i], "\""+pick(r, metaphors)+"\"、\""+pick(r, metaphors)+"\"")
			}
		}
	}
	w.b.WriteString(formatTable(head, rows))
	w.blank()
}

// formatTable pads cells to equal display width, as prettier does.
func formatTable(head []string, rows [][]string) string {
	width := make([]int, len(head))
	for _, row := range append([][]string{head}, rows...) {
		for i, c := range row {
			if i >= len(width) {
				width = append(width, 0)
			}
			width[i] = max(width[i], textWidth(c), 3)
		}
	}
	var b strings.Builder
	line := func(cells []string, n int) {
		b.WriteString("|")
		for i, c := range cells {
			b.WriteString(" " + c + strings.Repeat(" ", width[i]-textWidth(c)) + " |")
		}
		for i := len(cells); i < n; i++ {
			b.WriteString(" " + strings.Repeat(" ", width[i]) + " |")
		}
		b.WriteByte('\n')
	}
	line(head, len(head))
	b.WriteString("|")
	for i := range head {
		b.WriteString(" " + strings.Repeat("-", width[i]) + " |")
	}
	b.WriteByte('\n')
	for _, row := range rows {
		line(row, len(head))
	}
	return b.String()
}

func pickN[T any](r interface{ Perm(int) []int }, xs []T, n int) []T {
	out := make([]T, 0, n)
	for _, i := range r.Perm(len(xs))[:min(n, len(xs))] {
		out = append(out, xs[i])
	}
	return out
}

// html writes raw HTML the way the corpus uses it: a centred image or
// back-to-top link, or a collapsible block around a code sample.
func (w *pw) html() {
	r, p := w.r, w.p
	top := p.h1.slug
	if p.toc.slug != "" {
		top = p.toc.slug
	}
	switch r.IntN(3) {
	case 0:
		w.line("<p align=\"center\">")
		w.line(fmt.Sprintf("  <a href=\"#%s\">⬆ 回到目录</a> · <a href=\"%s\">%s</a>", top, externalLinks[0].url, externalLinks[0].text))
		w.line("</p>")
		w.st.HTMLLinks += 2
	case 1:
		w.line("<details>")
		w.line("<summary>展开完整配置</summary>")
		w.blank()
		w.fence("yaml", code(r, "yaml"))
		w.st.Code["yaml"]++
		w.line("</details>")
	default:
		e := pick(r, externalLinks)
		w.line(fmt.Sprintf("<a href=\"%s\" target=\"_blank\" rel=\"noopener\">%s</a>", e.url, e.text))
		w.st.HTMLLinks++
	}
	w.blank()
}

package corpus

import (
	"fmt"
	"strings"
)

// refsSection is a page's own "N.K 参考": local citation definitions (in
// the seed's form, on some pages mangled by the formatter), a list of
// further reading, and a pointer to REFERENCES.md.
func (w *pw) refsSection() {
	r, p, g := w.r, w.p, w.g
	if p.localRefs && len(w.cited) > 0 {
		var defs []string
		disagree := r.IntN(10) == 0
		for _, k := range w.cited {
			c := g.key(k)
			title := c.title
			if disagree {
				title += "（旧版）"
				disagree = false
			}
			if r.IntN(5) == 0 {
				defs = append(defs, fmt.Sprintf("[%s]: %s %q", c.key, c.url, title))
			} else {
				defs = append(defs, fmt.Sprintf("[%s]: [%s](%s)", c.key, title, c.url))
				w.st.ExternalLinks++
			}
		}
		keep := len(defs)
		if p.mangled {
			keep = len(defs) * 2 / 5
		}
		for _, d := range defs[:keep] {
			w.line(d)
		}
		if keep < len(defs) {
			// The formatter saw the rest as one paragraph and filled it:
			// two definitions on a line, one split over two.
			w.b.WriteString(wrap(strings.Join(defs[keep:], " "), 80, "", ""))
		}
		w.blank()
	}
	if r.IntN(2) == 0 {
		w.line("**理论文档**：")
		w.blank()
		for range 1 + r.IntN(3) {
			l, broken := g.crossLink(r, p, relBroken)
			w.countRel(broken)
			w.b.WriteString(wrap(l+" - "+pick(r, goals)+"与"+pick(r, mechanisms), 80, "- ", "  "))
		}
		w.blank()
	}
	w.line(fmt.Sprintf("> 完整参考列表见 [REFERENCES.md](%s)", relPath(p.dir, "REFERENCES.md")))
	w.countRel(false)
	w.blank()
}

func (g *gen) key(k string) citeKey {
	for _, c := range g.keys {
		if c.key == k {
			return c
		}
	}
	return citeKey{}
}

// home is the top-level README: what the knowledge base is and a two-level
// contents list of the numbered sections.
func (w *pw) home() {
	p := w.p
	w.line("# " + p.h1.text)
	w.blank()
	w.para("本知识库系统梳理 Docker → Kubernetes → K3s → WasmEdge → OPA 技术栈，" + w.sentences(3, new([]feature)))
	w.line("## 目录")
	w.blank()
	for _, c := range p.children {
		w.line(fmt.Sprintf("- [%s](%s)", c.h1.text, c.path))
		w.countRel(false)
		for _, cc := range c.children {
			w.line(fmt.Sprintf("  - [%s](%s)", cc.h1.text, cc.path))
			w.countRel(false)
		}
	}
	w.blank()
	w.line("## 使用说明")
	w.blank()
	w.para(w.sentences(2, new([]feature)) + "引用的资料统一列在 [REFERENCES.md](REFERENCES.md)，缩写见 [GLOSSARY.md](GLOSSARY.md)。")
	w.countRel(false)
	w.countRel(false)
}

// references is REFERENCES.md: every key, grouped by subject, in both
// definition forms the spec allows.
func (w *pw) references() {
	w.line("# " + w.p.h1.text)
	w.blank()
	w.para("本文件集中定义全部引用键。正文中以 `[key]` 形式引用，定义格式为 `[key]: [标题](URL)` 或 `[key]: URL \"标题\"`；每条资料需注明来源、时间与版本。")
	for _, s := range citeSubjects {
		var lines []string
		for _, a := range citeAspects {
			c := w.g.key(s.key + "-" + a.key)
			if c.key == "" {
				continue
			}
			if w.r.IntN(5) < 2 {
				lines = append(lines, fmt.Sprintf("[%s]: %s %q", c.key, c.url, c.title))
			} else {
				lines = append(lines, fmt.Sprintf("[%s]: [%s](%s)", c.key, c.title, c.url))
				w.st.ExternalLinks++
			}
		}
		if len(lines) == 0 {
			continue
		}
		w.line("## " + s.name)
		w.blank()
		for _, l := range lines {
			w.line(l)
		}
		w.blank()
	}
}

package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Sentence templates; the slots are filled from the word lists, with {T}
// and {U} preferring the page's own topic terms.
var sentences = []string{
	"{T} 通过{M}实现{G}，{R}",
	"在{S}中，{T} 的{P}通常优于 {U}，{C}更适合对{G}要求高的团队",
	"{T} 与 {U} 的关系可以概括为\"{X}\"：前者负责{G}，后者负责{G2}",
	"为了{G}，团队通常使用 {T} 配合 {U}，并在{S}中验证{P}",
	"{T} **（{X}）**是{S}里最常见的选择，它{R}",
	"实测数据显示，{T} 的{P}约为 {N}，{R}",
	"{C}，{M}让 {T} 在{S}中{R}",
	"**{T}**：{M}带来{G}，但也增加了{P}方面的压力",
	"使用 {T} 部署到{S}时，需要关注{P}与{G}之间的权衡",
	"从{M}到{M2}，{T} 的演进体现了\"问题 → 解法 → 副作用 → 再演化\"的规律",
	"如果{S}对{P}敏感，应优先评估 {T} 与 {U}，而不是直接照搬{S2}的方案",
	"{T} 的核心价值在于{G}：{R}，{C}{M}仍需要配合 {U} 使用",
	"**{M}**：{T} 把{G}变成了默认行为，{P}因此下降到 {N} 左右",
	"在 {T} 1.{V} 之后，{M}成为默认选项，{R}",
	"很多团队在{S}里把 {T} 当作\"{X}\"来用，{C}{P}仍要单独评估",
}

var enders = []string{"。", "。", "。", "。", "；", "！"}

// sentence returns one filled sentence without its final punctuation.
func sentence(r *rand.Rand, t topic) string {
	tmpl := pick(r, sentences)
	var b strings.Builder
	for i := 0; i < len(tmpl); {
		if tmpl[i] != '{' {
			j := strings.IndexByte(tmpl[i:], '{')
			if j < 0 {
				j = len(tmpl) - i
			}
			b.WriteString(tmpl[i : i+j])
			i += j
			continue
		}
		end := i + strings.IndexByte(tmpl[i:], '}')
		b.WriteString(slot(r, t, tmpl[i+1:end]))
		i = end + 1
	}
	s := b.String()
	// One author in seven glues English to Chinese ("使用K8s部署"); the
	// glossary's first-use matcher must still find the term.
	if r.IntN(7) == 0 {
		s = glue(s)
	}
	return s
}

func slot(r *rand.Rand, t topic, name string) string {
	switch name {
	case "T":
		if r.IntN(3) > 0 {
			return pick(r, t.terms)
		}
		return pick(r, terms)
	case "U":
		return pick(r, terms)
	case "M", "M2":
		return pick(r, mechanisms)
	case "G", "G2":
		return pick(r, goals)
	case "R":
		return pick(r, results)
	case "S", "S2":
		return pick(r, scenes)
	case "P":
		return pick(r, props)
	case "X":
		return pick(r, metaphors)
	case "C":
		return pick(r, connectives)
	case "V":
		return fmt.Sprint(20 + r.IntN(12))
	case "N":
		return number(r)
	}
	return name
}

func number(r *rand.Rand) string {
	u := pick(r, units)
	switch u {
	case "%":
		return fmt.Sprintf("%d%%", 1+r.IntN(99))
	case "ms", "s", "µs":
		return fmt.Sprintf("%d%s", 1+r.IntN(500), u)
	}
	return fmt.Sprintf("%d%s", 1+r.IntN(5000), u)
}

// glue drops the spaces between Chinese and Latin text.
func glue(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, c := range rs {
		if c == ' ' && i > 0 && i+1 < len(rs) {
			l, rt := rs[i-1], rs[i+1]
			if (runeWidth(l) == 2 && isAlnum(rt)) || (isAlnum(l) && runeWidth(rt) == 2) {
				continue
			}
		}
		b.WriteRune(c)
	}
	return b.String()
}

func isAlnum(c rune) bool {
	return c < 0x80 && (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
}

// clause is a short sentence fragment for list items.
func clause(r *rand.Rand, t topic) string {
	switch r.IntN(5) {
	case 0:
		return pick(r, mechanisms) + "、" + pick(r, mechanisms)
	case 1:
		return pick(r, results)
	case 2:
		return fmt.Sprintf("%s，%s约 %s", pick(r, mechanisms), pick(r, props), number(r))
	case 3:
		return fmt.Sprintf("适合%s，因为其%s", pick(r, scenes), pick(r, goals))
	}
	return fmt.Sprintf("%s %s，%s", pick(r, t.terms), pick(r, mechanisms), pick(r, results))
}

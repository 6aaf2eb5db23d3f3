package corpus

import (
	"fmt"
	"strings"
)

// glossaryPage writes GLOSSARY.md in the shape of the knowledge base's own
// glossary: a numbered H1, one table per category with bold terms and a
// related-terms column, the last term of a category repeated as the first
// of the next (a term is defined in two places, with the same expansion),
// and relation tables at the end whose second column is a layer, not an
// expansion.
func (w *pw) glossaryPage() {
	w.line("# " + w.p.h1.text)
	w.blank()
	w.para("本表收录知识库中出现的缩写词，按类别分表列出。正文第一次出现某个缩写时（包括`使用K8s部署`这样与中文相连的写法）会链接到这里。")
	const n = 13 // category tables, as in the knowledge base
	size := (len(glossary) + n - 1) / n
	heads := [][]string{
		{"缩写", "完整形式", "中文解释", "相关缩写"},
		{"**缩写**", "**英文全称**", "**说明**", "**相关缩写**"},
	}
	for i := range n {
		lo, hi := max(i*size-1, 0), min((i+1)*size, len(glossary))
		if lo >= hi {
			break
		}
		w.line(fmt.Sprintf("## %d. 缩写 %s – %s", i+1, glossary[lo][0], glossary[hi-1][0]))
		w.blank()
		var rows [][]string
		for j := lo; j < hi; j++ {
			e := glossary[j]
			rows = append(rows, []string{"**" + e[0] + "**", e[1], e[2], related(lo, hi, j)})
		}
		w.b.WriteString(formatTable(heads[i%len(heads)], rows))
		w.blank()
	}
	w.line(fmt.Sprintf("## %d. 缩写之间的关系", n+1))
	w.blank()
	for i, layer := range glossaryLayers {
		w.line(fmt.Sprintf("### %d.%d %s", n+1, i+1, layer))
		w.blank()
		var rows [][]string
		for j := i; j < len(glossary); j += len(glossary) / 5 {
			rows = append(rows, []string{"**" + glossary[j][0] + "**", layer, related(0, len(glossary), j), "双向"})
		}
		w.b.WriteString(formatTable([]string{"缩写", "所属层次", "直接关系", "协作方式"}, rows))
		w.blank()
	}
}

// related names the rows beside row j within [lo, hi) as code spans.
func related(lo, hi, j int) string {
	var rs []string
	for _, k := range []int{j - 1, j + 1} {
		if k >= lo && k < hi {
			rs = append(rs, "`"+glossary[k][0]+"`")
		}
	}
	return strings.Join(rs, "、")
}

var glossaryLayers = []string{"编排层", "运行时层", "网络层", "安全层"}

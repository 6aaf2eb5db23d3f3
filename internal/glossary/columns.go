package glossary

import "strings"

// role is what a glossary table column holds, as its header says.
type role int

const (
	roleField role = iota // kept as an extra field, under its header
	roleTerm
	roleExpansion
	roleExplanation
	roleRelated
)

// heads maps a header, lower-cased and with its markup gone, to its role.
// Only a header that names its content counts: a column is never read by
// its position, since a relation table (| 缩写 | 所属层次 | 直接关系 |) has
// the shape of a definition table and says something else.
var heads = map[string]role{}

func init() {
	for r, words := range map[role][]string{
		roleTerm: {"术语", "缩写", "名词", "缩略语", "英文缩写", "简称",
			"term", "terms", "abbreviation", "abbreviations", "acronym", "acronyms"},
		roleExpansion: {"完整形式", "全称", "英文全称", "全名", "英文", "展开", "原文",
			"full form", "full name", "expansion", "stands for", "english"},
		roleExplanation: {"中文解释", "解释", "说明", "含义", "释义", "定义", "描述", "中文", "中文含义",
			"definition", "meaning", "explanation", "description"},
		roleRelated: {"相关缩写", "相关术语", "相关概念", "相关", "see also", "related", "related terms"},
	} {
		for _, w := range words {
			heads[w] = r
		}
	}
}

// columns gives the role of each column of a table with these headers, and
// whether the table defines terms: it has a term column and an expansion or
// explanation column. The first column with a role takes it; a second one
// (two 说明 columns) is kept as a field.
func columns(headers []string) ([]role, bool) {
	roles := make([]role, len(headers))
	taken := map[role]bool{}
	for i, h := range headers {
		r := heads[normalHead(h)]
		if r != roleField && !taken[r] {
			roles[i], taken[r] = r, true
		}
	}
	return roles, taken[roleTerm] && (taken[roleExpansion] || taken[roleExplanation])
}

// normalHead is a header cell's text as the vocabulary spells it: lower
// case, inner spaces single, a trailing colon gone.
func normalHead(h string) string {
	h = strings.ToLower(strings.Join(strings.Fields(h), " "))
	return strings.TrimRight(h, ":：")
}

// splitRelated cuts a related-terms cell into terms: "CRI、OCI", "CRI, OCI"
// and "CRI; OCI" all list two. A slash is not a separator (CI/CD).
func splitRelated(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == '，' || r == '、' || r == ';' || r == '；'
	}) {
		if f = strings.TrimSpace(f); f != "" && f != "-" && f != "—" {
			out = append(out, f)
		}
	}
	return out
}

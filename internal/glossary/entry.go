package glossary

import (
	"docsite/internal/markdown/plain"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// Entry is one definition of a term as a glossary page wrote it.
type Entry struct {
	Term        string
	Expansion   string
	Explanation string
	Extra       []string // cells after the explanation, or further definitions
	File        string   // source page, relative to the content folder
	Offset      int      // byte offset of the term in the source page
	// Lang is the language of the page the entry comes from (zh-CN, en).
	// Entries leaves it empty; the caller, which knows the page, sets it so
	// that the glossary can keep one explanation per language.
	Lang string
}

// Entries reads the glossary entries of one page from its parsed AST: rows
// of tables whose first header names a term column, and definition lists,
// whether goldmark's DefinitionList extension made nodes of them or they
// are still paragraphs of the "Term" / ": definition" shape.
func Entries(doc ast.Node, src []byte, file string) []Entry {
	var es []Entry
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *east.Table:
			es = append(es, tableEntries(n, src, file)...)
			return ast.WalkSkipChildren, nil
		case *east.DefinitionList:
			es = append(es, listEntries(n, src, file)...)
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph:
			es = append(es, paragraphEntries(n, src, file)...)
			return ast.WalkSkipChildren, nil
		case *ast.Heading, *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return es
}

// column roles of a glossary table.
const (
	roleExtra = iota
	roleExpansion
	roleExplanation
)

var termHeads = set("术语", "缩写", "名词", "term", "terms", "abbreviation", "abbreviations", "acronym", "acronyms")

var expansionHeads = set("完整形式", "全称", "英文全称", "全名", "展开", "原文", "expansion", "full form", "full name", "stands for")

var explanationHeads = set("解释", "中文解释", "说明", "含义", "释义", "定义", "描述", "explanation", "description", "definition", "meaning")

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func tableEntries(t *east.Table, src []byte, file string) []Entry {
	head, ok := t.FirstChild().(*east.TableHeader)
	if !ok {
		return nil
	}
	var heads []string
	for c := head.FirstChild(); c != nil; c = c.NextSibling() {
		heads = append(heads, strings.ToLower(plainText(c, src)))
	}
	if len(heads) == 0 || !termHeads[heads[0]] {
		return nil
	}
	roles := columnRoles(heads[1:])
	var es []Entry
	for row := head.NextSibling(); row != nil; row = row.NextSibling() {
		first := row.FirstChild()
		if first == nil {
			continue
		}
		e := Entry{Term: plainText(first, src), File: file, Offset: textStart(first)}
		if e.Term == "" {
			continue
		}
		i := 0
		for c := first.NextSibling(); c != nil; c = c.NextSibling() {
			v := plainText(c, src)
			role := roleExtra
			if i < len(roles) {
				role = roles[i]
			}
			switch {
			case role == roleExpansion && e.Expansion == "":
				e.Expansion = v
			case role == roleExplanation && e.Explanation == "":
				e.Explanation = v
			case v != "":
				e.Extra = append(e.Extra, v)
			}
			i++
		}
		es = append(es, e)
	}
	return es
}

// columnRoles names what each column after the term holds. Headers that say
// what they are (完整形式, Explanation) are taken at their word; the others
// are read by position — expansion, then explanation — when that role is
// still free, so "缩写 | 英文 | 中文" works as well as "名词 | 解释 | 备注".
func columnRoles(heads []string) []int {
	roles := make([]int, len(heads))
	taken := map[int]bool{}
	for i, h := range heads {
		switch {
		case expansionHeads[h] && !taken[roleExpansion]:
			roles[i] = roleExpansion
		case explanationHeads[h] && !taken[roleExplanation]:
			roles[i] = roleExplanation
		default:
			continue
		}
		taken[roles[i]] = true
	}
	for i, h := range heads {
		if expansionHeads[h] || explanationHeads[h] || i > 1 {
			continue
		}
		if want := roleExpansion + i; !taken[want] {
			roles[i] = want
			taken[want] = true
		}
	}
	return roles
}

func textValue(t *ast.Text, src []byte) []byte {
	v := t.Value(src)
	if !t.IsRaw() {
		v = util.ResolveEntityNames(util.ResolveNumericReferences(v))
	}
	return v
}

// plainText is the text of an inline container with the markup gone, its
// white space collapsed.
func plainText(n ast.Node, src []byte) string {
	return collapseSpace(plain.Text(n, src))
}

// blockText is the plain text of a block container, paragraphs joined by
// spaces.
func blockText(n ast.Node, src []byte) string {
	var parts []string
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() == ast.TypeInline {
			return plainText(n, src)
		}
		if t := plainText(c, src); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}

// textStart is the source offset of the first text inside n, else n's own.
func textStart(n ast.Node) int {
	off := max(n.Pos(), 0)
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			off = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return off
}

// collapseSpace trims s and turns each run of white space into one space.
func collapseSpace(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r != ' ' && unicode.IsSpace(r) }) && !strings.Contains(s, "  ") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

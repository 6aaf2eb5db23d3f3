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
	Related     []string // terms the row points to (相关缩写, See also)
	Fields      []Field  // the other cells, or further definitions
	File        string   // source page, relative to the content folder
	Offset      int      // byte offset of the term in the source page
	// Lang is the language of the page the entry comes from (zh-CN, en).
	// Entries leaves it empty; the caller, which knows the page, sets it so
	// that the glossary can keep one explanation per language.
	Lang string
}

// Field is a cell a glossary row holds besides its term's definition, under
// its column's header ("" for a definition list's further definitions).
type Field struct {
	Name, Value string
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

// definitionTable reads a table's header: the role of each column and
// whether the table defines terms at all.
func definitionTable(t *east.Table, src []byte) (*east.TableHeader, []role, []string, bool) {
	head, ok := t.FirstChild().(*east.TableHeader)
	if !ok {
		return nil, nil, nil, false
	}
	var names []string
	for c := head.FirstChild(); c != nil; c = c.NextSibling() {
		names = append(names, plainText(c, src))
	}
	roles, ok := columns(names)
	return head, roles, names, ok
}

func tableEntries(t *east.Table, src []byte, file string) []Entry {
	head, roles, names, ok := definitionTable(t, src)
	if !ok {
		return nil
	}
	var es []Entry
	for row := head.NextSibling(); row != nil; row = row.NextSibling() {
		e := Entry{File: file}
		i := 0
		for c := row.FirstChild(); c != nil; c, i = c.NextSibling(), i+1 {
			v := plainText(c, src)
			r, name := roleField, ""
			if i < len(roles) {
				r, name = roles[i], names[i]
			}
			switch r {
			case roleTerm:
				e.Term, e.Offset = v, textStart(c)
			case roleExpansion:
				e.Expansion = v
			case roleExplanation:
				e.Explanation = v
			case roleRelated:
				e.Related = splitRelated(v)
			default:
				if v != "" {
					e.Fields = append(e.Fields, Field{Name: name, Value: v})
				}
			}
		}
		if e.Term != "" {
			es = append(es, e)
		}
	}
	return es
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

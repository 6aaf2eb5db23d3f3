package glossary

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// LinkRows prepares a glossary source page that is published as a page of
// its own: the term cell of each definition row links to the term's entry
// on the glossary page, and the first row of each term carries the anchor
// id="term-…", so the page's rows can be linked to as the entries are.
func LinkRows(doc ast.Node, src []byte, g *Glossary, glossaryURL, lang string) {
	if g == nil || doc == nil {
		return
	}
	anchored := map[*Term]bool{}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		table, ok := n.(*east.Table)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		head, roles, _, ok := definitionTable(table, src)
		if !ok {
			return ast.WalkSkipChildren, nil
		}
		col := 0
		for roles[col] != roleTerm {
			col++
		}
		for row := head.NextSibling(); row != nil; row = row.NextSibling() {
			cell := row.FirstChild()
			for i := 0; i < col && cell != nil; i++ {
				cell = cell.NextSibling()
			}
			if cell == nil {
				continue
			}
			t := g.Lookup(plainText(cell, src))
			if t == nil {
				continue
			}
			if !anchored[t] {
				anchored[t] = true
				cell.SetAttributeString("id", []byte(t.ID))
			}
			link := &TermNode{Term: t, Href: glossaryURL + "#" + t.ID, Tip: t.Tip(lang)}
			for c := cell.FirstChild(); c != nil; {
				next := c.NextSibling()
				link.AppendChild(link, c)
				c = next
			}
			cell.AppendChild(cell, link)
		}
		return ast.WalkSkipChildren, nil
	})
}

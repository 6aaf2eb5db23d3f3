package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// anchorLabel is the heading attribute that carries its anchor link's
// accessible name; the heading renderer writes it on the link, not the
// heading.
const anchorLabel = "docsite-anchor-label"

// labelAnchors names each heading's anchor link after its section, in the
// page's language, so a screen reader's list of links says where each goes
// instead of a row of "#".
func labelAnchors(doc ast.Node, src []byte, lang string) {
	prefix := "本节链接："
	if strings.HasPrefix(lang, "en") {
		prefix = "Link to this section: "
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			h.SetAttributeString(anchorLabel, []byte(prefix+strings.TrimSpace(plainText(h, src))))
		}
	}
}

// plainText is the text a node shows, markup dropped.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(c.Value)
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

package markdown

import (
	"strings"

	"github.com/yuin/goldmark/ast"
)

// anchorLabel is the heading attribute that carries its anchor link's
// accessible name; the heading renderer writes it on the link, not the
// heading.
const anchorLabel = "docsite-anchor-label"

// labelAnchors names each heading's anchor link in the page's language.
// The name is short, the same for every heading: the link sits inside its
// heading, which says where it goes (link purpose in context), and the
// biggest page has 870 headings whose text would weigh again in every name.
func labelAnchors(doc ast.Node, lang string) {
	label := []byte("本节链接")
	if strings.HasPrefix(lang, "en") {
		label = []byte("Link to this section")
	}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			h.SetAttributeString(anchorLabel, label)
		}
	}
}

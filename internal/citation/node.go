package citation

import (
	"github.com/yuin/goldmark/ast"
)

// Use is one citation in a page's prose.
type Use struct {
	Key string
	// Start and End are byte offsets of "[key]" in the page source.
	Start, End int
	// N is the number the citation shows, by order of first use on the
	// page; 0 when the key is defined nowhere.
	N int
	// Seq counts the uses of the key so far (1 for the first), giving each
	// a unique id on the page; 0 when undefined.
	Seq int
	// Def is the definition the key resolved to, when Defined.
	Def     Def
	Defined bool
	// Anchor is the fragment of Def's entry on the references page.
	Anchor string
}

// ID is the element id of this use in the page: "cite-ref-KEY-SEQ".
// Keys hold no '~', and Seq is the last '-' part, so ids never collide.
func (u Use) ID() string { return "cite-ref-" + u.Key + "-" + itoa(u.Seq) }

// ListID is the element id of the key's entry in the page's reference list.
func ListID(key string) string { return "ref-list-" + key }

// KindCitation is the NodeKind of *Node.
var KindCitation = ast.NewNodeKind("Citation")

// Node is a citation in the AST, in place of the text "[key]" (or of the
// link CommonMark made of it).
type Node struct {
	ast.BaseInline
	Use
}

// Kind implements ast.Node.
func (n *Node) Kind() ast.NodeKind { return KindCitation }

// Dump implements ast.Node.
func (n *Node) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Key": n.Key, "N": itoa(n.N)}, nil)
}

// PlainText is the text GitHub shows for the citation, so a heading that
// holds one gets the same slug as on GitHub.
func (n *Node) PlainText() string { return "[" + n.Key + "]" }

// KindList is the NodeKind of *List.
var KindList = ast.NewNodeKind("CitationList")

// List is the page's reference list, appended to the document when the
// page cites at least one defined key.
type List struct {
	ast.BaseBlock
	Entries []Entry
	Options ListOptions
}

// Entry is one key in a page's reference list.
type Entry struct {
	N    int
	Def  Def
	Uses int // how many times the page cites it
	// Anchor is the fragment of the definition on the references page.
	Anchor string
}

// Kind implements ast.Node.
func (n *List) Kind() ast.NodeKind { return KindList }

// Dump implements ast.Node.
func (n *List) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Entries": itoa(len(n.Entries))}, nil)
}

// Collect returns the citations of a parsed document in document order.
func Collect(doc ast.Node) []Use {
	var out []Use
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if c, ok := n.(*Node); ok && entering {
			out = append(out, c.Use)
		}
		return ast.WalkContinue, nil
	})
	return out
}

// Entries groups uses into reference list entries, by number.
func Entries(uses []Use) []Entry {
	var out []Entry
	at := map[string]int{}
	for _, u := range uses {
		if !u.Defined {
			continue
		}
		if i, ok := at[u.Key]; ok {
			out[i].Uses++
			continue
		}
		at[u.Key] = len(out)
		out = append(out, Entry{N: u.N, Def: u.Def, Uses: 1, Anchor: u.Anchor})
	}
	return out
}

package glossary

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// listEntries reads a DefinitionList node: one or more terms, then one or
// more descriptions, repeated.
func listEntries(l *east.DefinitionList, src []byte, file string) []Entry {
	var es []Entry
	var terms []Entry
	var defs []string
	flush := func() {
		for _, t := range terms {
			es = append(es, withDefs(t, defs))
		}
		terms, defs = nil, nil
	}
	for c := l.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.(type) {
		case *east.DefinitionTerm:
			if len(defs) > 0 {
				flush()
			}
			if t := plainText(c, src); t != "" {
				terms = append(terms, Entry{Term: t, File: file, Offset: textStart(c)})
			}
		case *east.DefinitionDescription:
			defs = append(defs, blockText(c, src))
		}
	}
	flush()
	return es
}

// paragraphEntries reads a definition list goldmark left as a paragraph:
//
//	Term
//	: first definition
//	  continued
//	: second definition
//
// Lines before the first ": " line are terms. A paragraph with no line
// after its first that starts with ": " is prose and yields nothing.
func paragraphEntries(p *ast.Paragraph, src []byte, file string) []Entry {
	lines := p.Lines()
	if lines.Len() < 2 {
		return nil
	}
	isDef := false
	for i := 1; i < lines.Len() && !isDef; i++ {
		seg := lines.At(i)
		isDef = isDefLine(seg.Value(src))
	}
	if !isDef {
		return nil
	}
	var terms []Entry
	var defs []string
	texts, firsts := lineTexts(p, src)
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		raw := seg.Value(src)
		text := texts[i]
		switch {
		case isDefLine(raw):
			text = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(text), ":"))
			defs = append(defs, text)
		case len(defs) > 0:
			defs[len(defs)-1] = joinLines(defs[len(defs)-1], text)
		case text != "":
			terms = append(terms, Entry{Term: text, File: file, Offset: firsts[i]})
		}
	}
	es := make([]Entry, 0, len(terms))
	for _, t := range terms {
		es = append(es, withDefs(t, defs))
	}
	return es
}

func isDefLine(line []byte) bool {
	s := strings.TrimLeft(string(line), " ")
	return len(s) >= 2 && s[0] == ':' && (s[1] == ' ' || s[1] == '\t')
}

// withDefs fills a term's fields from its definitions. One definition is an
// explanation (most glossaries define words, not acronyms); with two or
// more, the first is the expansion, the second the explanation.
func withDefs(e Entry, defs []string) Entry {
	switch len(defs) {
	case 0:
	case 1:
		e.Explanation = defs[0]
	default:
		e.Expansion, e.Explanation = defs[0], defs[1]
		for _, d := range defs[2:] {
			e.Fields = append(e.Fields, Field{Value: d})
		}
	}
	return e
}

// lineTexts is the plain text of each source line of a paragraph, and the
// offset of its first text, in one walk over the inline tree.
func lineTexts(p *ast.Paragraph, src []byte) ([]string, []int) {
	lines := p.Lines()
	bs := make([]strings.Builder, lines.Len())
	firsts := make([]int, lines.Len())
	for i := range firsts {
		firsts[i] = lines.At(i).Start
	}
	seen := make([]bool, lines.Len())
	line := func(off int) int {
		return sort.Search(lines.Len(), func(i int) bool { return lines.At(i).Start > off }) - 1
	}
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			t, ok := c.(*ast.Text)
			if !ok {
				switch c.(type) {
				case *ast.RawHTML, *ast.Image:
				default:
					walk(c)
				}
				continue
			}
			i := line(t.Segment.Start)
			if i < 0 {
				continue
			}
			if !seen[i] {
				seen[i], firsts[i] = true, t.Segment.Start
			}
			bs[i].Write(textValue(t, src))
		}
	}
	walk(p)
	texts := make([]string, len(bs))
	for i := range bs {
		texts[i] = collapseSpace(bs[i].String())
	}
	return texts, firsts
}

// joinLines joins a wrapped line to what came before: with nothing between
// two Chinese characters (as the page renders), with a space otherwise.
func joinLines(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	if (isCJK(last) || isWidePunct(last)) && (isCJK(first) || isWidePunct(first)) {
		return a + b
	}
	return a + " " + b
}

// isWidePunct reports full-width punctuation such as '，' or '。', which
// joins a wrapped line without a space as Chinese characters do.
func isWidePunct(r rune) bool { return r >= 0x3000 && unicode.IsPunct(r) }

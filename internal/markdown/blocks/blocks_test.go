package blocks

import (
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"docsite/internal/sitetest"
)

func parse(src []byte, record bool) (ast.Node, parser.Context) {
	p := parser.NewParser(parser.WithBlockParsers(Parsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...))
	pc := parser.NewContext()
	if record {
		Record(pc)
	}
	return p.Parse(text.NewReader(src), parser.WithContext(pc)), pc
}

// walked is what a walk of the tree finds: what the records must match.
func walked(doc ast.Node, src []byte, lang string) (fences []*ast.FencedCodeBlock, setext []*ast.Heading) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.FencedCodeBlock:
			if string(n.Language(src)) == lang {
				fences = append(fences, n)
			}
		case *ast.Heading:
			if !isATX(src, n) {
				setext = append(setext, n)
			}
		}
		return ast.WalkContinue, nil
	})
	return fences, setext
}

func isATX(src []byte, h *ast.Heading) bool {
	return strings.HasPrefix(strings.TrimLeft(string(src[h.Pos():]), " "), "#")
}

func same(t *testing.T, name string, src []byte) {
	t.Helper()
	doc, pc := parse(src, true)
	for _, lang := range []string{"math", "mermaid", ""} {
		want, _ := walked(doc, src, lang)
		if got := Fences(doc, pc, src, lang); !slices.Equal(got, want) {
			t.Errorf("%s: %d %q fences recorded, a walk finds %d", name, len(got), lang, len(want))
		}
		// A parse that did not record gets the same from Fences' own walk.
		plain, unrecorded := parse(src, false)
		if got, want := len(Fences(plain, unrecorded, src, lang)), len(want); got != want {
			t.Errorf("%s: %d %q fences found without a record, %d with", name, got, lang, want)
		}
	}
	_, want := walked(doc, src, "")
	if got, _ := SetextHeadings(pc); !slices.Equal(got, want) {
		t.Errorf("%s: %d setext headings recorded, a walk finds %d", name, len(got), len(want))
	}
}

func TestRecordsMatchAWalk(t *testing.T) {
	for i, src := range []string{
		"```math\nx\n```\n\n- item\n\n  ```mermaid\n  graph TD\n  ```\n\n> ```math\n> y\n> ```\n",
		"Title\nover lines\n===\n\n# atx\n\nSub\n---\n\n[ref]: /x\n===\n",
		"~~~math\nunclosed", "text\n```math\nx\n```\n", "",
	} {
		same(t, "case "+string(rune('0'+i)), []byte(src))
	}
	sitetest.EachCorpusPage(t, func(path string, src []byte) { same(t, path, src) })
}

func TestNotRecording(t *testing.T) {
	_, pc := parse([]byte("```math\nx\n```\n"), false)
	if _, ok := SetextHeadings(pc); ok {
		t.Error("a parse that did not record claims it did")
	}
}

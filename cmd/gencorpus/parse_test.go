package main

import (
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"docsite/cmd/gencorpus/internal/survey"
	"docsite/internal/sitetest"
)

// TestParsesAsIntended parses the corpus with a CommonMark+GFM parser and
// checks it sees what the survey counted line by line: the 80-column
// wrapping must never turn prose into a heading, list or fence, nor split
// a link.
func TestParsesAsIntended(t *testing.T) {
	dir := t.TempDir()
	if err := run([]string{"-out", dir, "-seed", "9", "-files", "60"}, io.Discard); err != nil {
		t.Fatal(err)
	}
	s, err := survey.Dir(dir)
	if err != nil {
		t.Fatal(err)
	}
	// GFM without linkify: the survey counts links as written, while
	// linkify would also turn the bare URL of a `[key]: url "Title"` line
	// that sits inside a paragraph (not a definition there) into a link.
	md := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList))
	var heads [7]int
	fences, anchors, relative, external, citeLinks := 0, 0, 0, 0, 0
	for p, src := range sitetest.ReadTree(t, dir) {
		if !strings.HasSuffix(p, ".md") || strings.HasPrefix(p, ".") {
			continue
		}
		doc := md.Parser().Parse(text.NewReader(src))
		ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return ast.WalkContinue, nil
			}
			dest := ""
			switch n := n.(type) {
			case *ast.Heading:
				heads[n.Level]++
			case *ast.FencedCodeBlock:
				fences++
			case *ast.Link:
				dest = string(n.Destination)
				if shortcut(n, src) {
					// A citation [key] on a page whose local 参考 defines
					// it as `[key]: url "Title"`: CommonMark (and GitHub)
					// make that a link reference definition.
					citeLinks++
					dest = ""
				}
			case *ast.Image:
				dest = string(n.Destination)
			case *ast.AutoLink:
				dest = string(n.URL(src))
			}
			switch {
			case dest == "":
			case strings.HasPrefix(dest, "#"):
				anchors++
			case strings.HasPrefix(dest, "https://"):
				external++
			default:
				relative++
			}
			return ast.WalkContinue, nil
		})
	}
	if citeLinks == 0 {
		t.Error("no citation became a shortcut link; the `[key]: url \"Title\"` local form is missing")
	}
	for _, c := range []struct {
		name      string
		got, want int
	}{
		{"H1", heads[1], s.Headings[1]},
		{"H2", heads[2], s.Headings[2]},
		{"H3", heads[3], s.Headings[3]},
		{"H4", heads[4], s.Headings[4]},
		{"fenced blocks", fences, s.CodeBlocks() + s.Mermaid + s.MathFences},
		{"anchor links", anchors, s.Anchor},
		{"relative links", relative, s.Relative},
		// Reference-style links resolve to their https:// definitions.
		{"external links", external, s.External + s.RefStyle},
	} {
		if c.got != c.want {
			t.Errorf("%s: parser sees %d, survey counted %s", c.name, c.got, strconv.Itoa(c.want))
		}
	}
}

// shortcut reports whether a link was written as [label] alone.
func shortcut(l *ast.Link, src []byte) bool {
	txt, ok := l.LastChild().(*ast.Text)
	if !ok {
		return false
	}
	after := string(src[txt.Segment.Stop:min(len(src), txt.Segment.Stop+2)])
	return strings.HasPrefix(after, "]") && after != "](" && after != "]["
}

package markdown

import (
	"bytes"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"

	"docsite/internal/citation"
)

// FuzzPlainGoldmark is the differential test: on input that uses none of
// docsite's own syntax — no CJK characters, no math openers ($, \(, \[),
// no citation-shaped keys or citation definitions, no mermaid or math
// fences, no script URLs (dropped on purpose) — docsite's HTML is plain
// goldmark's with GFM and footnotes, after the normalisation the spec
// suites use. Tables are widened on both sides (see wideTables).
func FuzzPlainGoldmark(f *testing.F) {
	for _, s := range []string{
		"# Title\n\nRead [manual] first.\n\n[manual]: https://example.com\n",
		"See the docs.\n[docs]: https://example.com\n",
		"*a* **b** ~c~ ~~d~~ `e` <https://x.io> www.x.io\n",
		"| a | b |\n| - | - |\n| 1 | 2 | 3 |\n",
		"- [ ] task\n- [x] done\n\n1. one\n2. two\n",
		"> quote\n> - list\n\n```go\nx := 1\n```\n\n    indented\n",
		"text[^1]\n\n[^1]: note\n",
		"<div>raw</div>\n\n<a href=\"x.md\">x</a>\n",
		"[foo]: /url\\* \"ti&ouml;tle\"\n\n[foo] [bar][foo] [foo][]\n",
		"---\ntitle: x\n---\n",
		"Setext\n===\n\n***\n",
	} {
		f.Add(s)
	}
	plain := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, wideTables{}),
		goldmark.WithRendererOptions(html.WithUnsafe()))
	conv := New()
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 4096 || ownSyntax(src) {
			return
		}
		var buf bytes.Buffer
		if err := plain.Convert([]byte(src), &buf); err != nil {
			t.Fatal(err)
		}
		want := normalize(buf.String())
		if got := normalize(renderDoc(t, conv, src)); got != want {
			t.Errorf("docsite differs from plain goldmark on %q\nwant %q\n got %q", src, want, got)
		}
	})
}

// TestPlainGoldmarkRandom runs the differential check of FuzzPlainGoldmark
// over 2,000 small documents put together from Markdown pieces, so that
// make test covers it without the fuzzer.
func TestPlainGoldmarkRandom(t *testing.T) {
	pieces := []string{
		"# Head", "## Sub *em*", "Setext\n---", "text", "more text", "*a*", "**b**", "_c_", "~d~", "~~e~~",
		"`code`", "[link](x.md)", "[ref]", "[ref][]", "[t][ref]", "[ref]: /u \"t\"", "[ref]: <a b>", "![img](p.png)",
		"<https://x.io>", "www.x.io", "a@b.io", "- item", "1. one", "> quote", "- [ ] task", "    indented",
		"```go\nx\n```", "~~~\ny\n~~~", "| a | b |\n| - | - |\n| 1 | 2 |", "***", "<div>\nraw\n</div>",
		"<span>x</span>", "text[^n]", "[^n]: note", "\\*", "&amp; &ouml;", "  ", "", "foo\\", "hard  ",
	}
	rng := rand.New(rand.NewPCG(22, 2026))
	plain := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, wideTables{}),
		goldmark.WithRendererOptions(html.WithUnsafe()))
	conv := New()
	for i := 0; i < 2000; i++ {
		var b strings.Builder
		for n := 1 + rng.IntN(8); n > 0; n-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			b.WriteString([]string{"\n", "\n\n", " "}[rng.IntN(3)])
		}
		src := b.String()
		if ownSyntax(src) {
			continue
		}
		var buf bytes.Buffer
		if err := plain.Convert([]byte(src), &buf); err != nil {
			t.Fatal(err)
		}
		if want, got := normalize(buf.String()), normalize(renderDoc(t, conv, src)); got != want {
			t.Errorf("docsite differs from plain goldmark on %q\nwant %q\n got %q", src, want, got)
		}
	}
}

var (
	shapedKey  = regexp.MustCompile(`\[[a-z0-9][a-z0-9._-]*\]`)
	ownMarkers = regexp.MustCompile(`(?i)\$|\\\(|\\\[|mermaid|math|javascript:|vbscript:`)
)

// ownSyntax reports input where docsite means to differ from goldmark.
func ownSyntax(src string) bool {
	if ownMarkers.MatchString(src) {
		return true
	}
	for _, r := range src {
		if r >= 0x1100 && (unicode.Is(unicode.Han, r) || r > 0x2e80) {
			return true
		}
	}
	for _, m := range shapedKey.FindAllString(src, -1) {
		if citation.Shaped(m[1 : len(m)-1]) {
			return true
		}
	}
	defs, _ := citation.ParseDefs([]byte(src), 0)
	for _, d := range defs {
		if d.Cite {
			return true
		}
	}
	return false
}

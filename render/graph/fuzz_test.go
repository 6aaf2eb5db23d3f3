package graph

import (
	"strings"
	"testing"
	"unicode/utf8"

	"docsite/internal/site"
)

// FuzzLinkContext feeds arbitrary Markdown with a link at its first '[' to
// the context finder: it must not panic, the mark must lie inside the
// context and cover the link text, and valid UTF-8 must stay valid.
func FuzzLinkContext(f *testing.F) {
	for _, seed := range []string{
		"本知识库从[总览](01-overview/)开始，逐章展开。",
		"- **理念层**：云原生核心思想演进（见\n  [2. 理念层](../p.md#21)）",
		"See [the `a[0]` page][b] for more. Next sentence.",
		"[**bold** and _em_](x.md) \\[escaped\\] <b>tag</b> a < b > c",
		"[unclosed link text",
		"[]()",
		"[" + strings.Repeat("长", 200) + "](x.md)",
		strings.Repeat("前文很长。", 50) + "中间[链接](x.md)" + strings.Repeat("后文", 80),
		"v1.2 ends. Then [x](y) e.g.x! ok?",
		"[a]\n\n[a]: x.md",
		"\xff[\xfe](x)",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		start := strings.IndexByte(src, '[')
		if start < 0 {
			return
		}
		p := &site.Page{Source: []byte(src), Links: []site.Link{{Dest: "x.md", Kind: site.LinkMarkdown, Start: start, End: len(src)}}}
		p.Text = []site.Section{{Text: plainInline(src)}}
		text := linkText(p.Source, p.Links[0])
		ctx, mark := linkContext(p, 0)
		if ctx == "" {
			return
		}
		if mark[0] < 0 || mark[1] > len(ctx) || mark[0] > mark[1] {
			t.Fatalf("mark %v outside context %q", mark, ctx)
		}
		if ctx[mark[0]:mark[1]] != text {
			t.Fatalf("mark covers %q, link text is %q", ctx[mark[0]:mark[1]], text)
		}
		if utf8.ValidString(src) && !utf8.ValidString(ctx) {
			t.Fatalf("context %q is not valid UTF-8", ctx)
		}
		if n, max := utf8.RuneCountInString(ctx), max(ContextLen, utf8.RuneCountInString(text))+2; n > max {
			t.Fatalf("context of %d characters: %q", n, ctx)
		}
	})
}

func TestSentence(t *testing.T) {
	for _, tc := range []struct {
		block, text string
		nth         int
		want        string
	}{
		{"第一句。第二句有链接，结束。第三句。", "链接", 0, "第二句有[链接]，结束。"},
		{"One. Two has link v1.2 here. Three.", "link", 0, "Two has [link] v1.2 here."},
		{"a link, another link.\nnext line link", "link", 1, "a link, another [link]."},
		{"a link, another link.\nnext line link", "link", 2, "next line [link]"},
		{"a link", "link", 5, "a [link]"}, // more than there are: the last
	} {
		ctx, mark, ok := sentence(tc.block, tc.text, tc.nth)
		got := ctx[:mark[0]] + "[" + ctx[mark[0]:mark[1]] + "]" + ctx[mark[1]:]
		if !ok || got != tc.want {
			t.Errorf("sentence(%q, %q, %d) = %q, want %q", tc.block, tc.text, tc.nth, got, tc.want)
		}
	}
}

package graph

import (
	"strings"
	"testing"
	"unicode/utf8"

	"docsite/internal/diag"
	"docsite/internal/markdown"
	"docsite/internal/site"
)

// FuzzLinkContext parses arbitrary Markdown and asks for the context of
// every link: it must not panic, the mark must lie inside the context and
// cover the link text the parse recorded, and valid UTF-8 must stay valid.
func FuzzLinkContext(f *testing.F) {
	for _, seed := range []string{
		"本知识库从[总览](01-overview/)开始，逐章展开。",
		"- **理念层**：云原生核心思想演进（见\n  [2. 理念层](../p.md#21)）",
		"See [the `a[0]` page][b] for more. Next sentence.\n\n[b]: x.md",
		"[**bold** and _em_](x.md) \\[escaped\\] <b>tag</b> a < b > c",
		"[unclosed link text",
		"[]()",
		"[" + strings.Repeat("长", 200) + "](x.md)",
		strings.Repeat("前文很长。", 50) + "中间[链接](x.md)" + strings.Repeat("后文", 80),
		"v1.2 ends. Then [x](y) e.g.x! ok?",
		"# [in a heading](x.md)\n\ntext [after](y.md)",
		"\xff[\xfe](x)",
	} {
		f.Add(seed)
	}
	conv := markdown.New()
	f.Fuzz(func(t *testing.T, src string) {
		p := &site.Page{Path: "p.md", Source: []byte(src)}
		p.Lines = diag.NewLines(p.Source)
		conv.Parse(p)
		for i, l := range p.Links {
			ctx, mark := linkContext(p, i)
			if ctx == "" {
				continue
			}
			text := p.Text[l.Section].Text[l.Text[0]:l.Text[1]]
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
		}
	})
}

// TestLinkContext: the sentence around each link, from what the parse
// recorded, with the link's text marked.
func TestLinkContext(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want []string // per link; "" for no context
	}{
		{"第一句。第二句有[链接](a.md)，结束。第三句。", []string{"第二句有[链接]，结束。"}},
		{"One. Two has [link](a.md) v1.2 here. Three.", []string{"Two has [link] v1.2 here."}},
		{"a [link](a.md), another [link](b.md).\nnext line [link](c.md)", []string{"a [link], another link.", "a link, another [link].", "next line [link]"}},
		{"本知识库从[**总览**](01-overview/)开始，\n逐章展开。", []string{"本知识库从[总览]开始，逐章展开。"}},
		{"# [标题](a.md)\n\n正文。", []string{""}},
	} {
		p := &site.Page{Path: "p.md", Source: []byte(tc.src)}
		p.Lines = diag.NewLines(p.Source)
		markdown.New().Parse(p)
		var got []string
		for i := range p.Links {
			ctx, mark := linkContext(p, i)
			if ctx == "" {
				got = append(got, "")
				continue
			}
			got = append(got, ctx[:mark[0]]+"["+ctx[mark[0]:mark[1]]+"]"+ctx[mark[1]:])
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: contexts %q, want %q", tc.src, got, tc.want)
		}
	}
}

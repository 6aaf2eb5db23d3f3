package citation

import (
	"strings"
	"testing"
)

// BenchmarkPathological holds inputs that once made the transformer or the
// definition scanner quadratic; each should take well under a second.
func BenchmarkPathological(b *testing.B) {
	md := newMarkdown()
	for _, c := range []struct{ name, src string }{
		{"brackets", strings.Repeat("[", 200000)},
		{"keys-no-space", strings.Repeat("x[a-b]", 40000)},
		{"url", "https://x/" + strings.Repeat("a[b-c]", 40000)},
		{"shared-lines", strings.Repeat("[a-b]: https://a.io [c-d]:\n", 20000)},
		{"unclosed-titles", strings.Repeat("[a-b]: [t\n", 20000)},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				_ = Collect(parse(md, c.src, PageInfo{Path: "a/b.md"}))
			}
		})
	}
}

// BenchmarkSeedShapes is a page of typical size with citations and a
// mangled definition block.
func BenchmarkSeedShapes(b *testing.B) {
	md := newMarkdown()
	src := strings.Repeat("正文引用 [k3s-memory] 与 [wasmedge-startup]，另有 [TODO] 和 `[x-y]`。\n\n", 300) + mangled
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		_ = Collect(parse(md, src, PageInfo{Path: "a/b.md"}))
	}
}

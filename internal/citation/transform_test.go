package citation

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"docsite/internal/math"
)

// newMarkdown is goldmark as docsite configures it, as far as citations
// care: GFM (task lists, autolinks), footnotes, math.
func newMarkdown(opts ...Option) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, math.New(), New(opts...)),
		goldmark.WithRendererOptions(html.WithUnsafe()),
	)
}

func parse(md goldmark.Markdown, src string, info PageInfo) ast.Node {
	pc := parser.NewContext()
	SetPage(pc, info)
	return md.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(pc))
}

func render(t *testing.T, md goldmark.Markdown, src string, info PageInfo) string {
	t.Helper()
	doc := parse(md, src, info)
	var b bytes.Buffer
	if err := md.Renderer().Render(&b, []byte(src), doc); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// useString shows a use as "key#N" (N = 0: undefined) and checks that its
// offsets point at the brackets.
func useString(t *testing.T, src string, u Use) string {
	t.Helper()
	if got := src[u.Start:u.End]; got != "["+u.Key+"]" {
		t.Errorf("use of %s spans %q", u.Key, got)
	}
	return fmt.Sprintf("%s#%d", u.Key, u.N)
}

func TestCitationsInProse(t *testing.T) {
	const defs = "\n\n## 参考\n\n[k3s-memory]: [K3s 资源需求](https://docs.k3s.io/installation/requirements)\n[opa]: https://www.openpolicyagent.org/ \"OPA\"\n"
	tests := []struct {
		name, src string
		want      string // uses, space-separated
	}{
		{"plain", "常驻内存不到 250MB [k3s-memory]。", "k3s-memory#1"},
		{"numbered by first use", "[k8s-scale] 与 [k3s-memory]，再次 [k8s-scale]。", "k8s-scale#0 k3s-memory#1 k8s-scale#0"},
		{"defined word of any shape", "策略引擎 [opa] 可编译为 Wasm [k3s-memory]。", "opa#1 k3s-memory#2"},
		{"back to back", "[k3s-memory][opa]", "k3s-memory#1 opa#2"},
		{"in emphasis and tables", "**结论 [k3s-memory]**\n\n| a | b |\n|---|---|\n| x | [opa] |", "k3s-memory#1 opa#2"},
		{"in a heading", "## 资源 [k3s-memory]", "k3s-memory#1"},
		{"over lines", "第一行 [k3s-memory]\n第二行 [opa]", "k3s-memory#1 opa#2"},
		{"bracketed words are not citations", "待办 [TODO]，见第 [1] 节，选项 [x]，状态 [done]。", ""},
		{"task boxes", "- [x] 已核对 [k3s-memory]\n- [ ] 未核对", "k3s-memory#1"},
		{"footnotes", "正文[^n1]。\n\n[^n1]: 脚注里也能引用 [opa]。", "opa#1"},
		{"inline link", "[k3s-memory](https://example.com) 与 [文字](#x)", ""},
		{"image", "![wasm-app](a.png) ![wasm-app]", ""},
		{"failed reference link", "[名称][wasm-app] [wasm-app][] [wasm-app](", ""},
		{"escaped", `\[wasm-app] 与 \\[k3s-memory]`, "k3s-memory#1"},
		{"code span", "代码 `[wasm-app]` 与 ``[k3s-memory]``", ""},
		{"math", "公式 $[a-b]$ 与 $$[c-d]$$ 和 \\([e-f]\\)", ""},
		{"autolink and bare URL", "见 https://example.com/a[b-c] 与 <https://example.com/[d-e]>", ""},
		{"raw html", `<span title="[wasm-app]">x</span> <!-- [k3s-memory] -->`, ""},
		{"link text", "[见 [k3s-memory] 一节](#x)", ""},
		{"mermaid fence", "```mermaid\ngraph LR\n    A[wasm-app] --> B[k3s-node]\n```", ""},
		{"yaml fence", "```yaml\nlabels:\n  tenant: [tenant-a-exporter]\n```", ""},
		{"indented code", "段落\n\n    [wasm-app]", ""},
		{"html block", "<div>\n[wasm-app]\n</div>", ""},
		{"undefined but shaped", "未定义 [k3s-startup] 与 [wasm-app]", "k3s-startup#0 wasm-app#0"},
	}
	md := newMarkdown()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.src + defs
			var got []string
			for _, u := range Collect(parse(md, src, PageInfo{Path: "a/page.md"})) {
				got = append(got, useString(t, src, u))
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("uses %q, want %q", g, tt.want)
			}
		})
	}
}

// TestDefinitionLinks covers definitions CommonMark reads as link
// reference definitions: "[key]" in prose is then a Link, a citation
// only when its definition is one.
func TestDefinitionLinks(t *testing.T) {
	src := "见 [tight] 与 [clean-def] 和 [docs]，以及 [完整][docs]。\n\n" +
		"[tight]: [Tight](https://x.io/)\n[clean-def]: https://y.io/ \"Clean\"\n[Docs]: https://docs.example.com/\n"
	md := newMarkdown()
	var got []string
	for _, u := range Collect(parse(md, src, PageInfo{})) {
		got = append(got, useString(t, src, u))
	}
	if g := strings.Join(got, " "); g != "tight#1" {
		t.Errorf("uses %q", g)
	}
	out := render(t, md, src, PageInfo{})
	for _, want := range []string{
		`<a href="#ref-list-tight" title="Tight">[1]</a>`,
		`<a href="https://y.io/" title="Clean">clean-def</a>`,
		`<a href="https://docs.example.com/">docs</a>`,
		`<a href="https://docs.example.com/">完整</a>`,
		`<a class="cite-source" href="https://x.io/" rel="noopener">Tight</a>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in\n%s", want, out)
		}
	}
	if strings.Contains(out, "[Tight]") {
		t.Errorf("a definition rendered as text:\n%s", out)
	}
}

func TestDefinitionLinesRenderAsNothing(t *testing.T) {
	src := "正文 [k3s-memory] 与 [k8s-scale]。\n\n参考：\n\n" + mangled[len("## 2.2 参考\n\n"):] + "\n其后的段落。\n"
	out := render(t, newMarkdown(), src, PageInfo{})
	for _, junk := range []string{"]:", "[k3s-startup]", "资源需求</a>\n<a"} {
		if strings.Contains(out, junk) {
			t.Errorf("definition text %q left in\n%s", junk, out)
		}
	}
	for _, want := range []string{"<p>参考：", "<p>其后的段落。</p>", `id="ref-list-k8s-scale"`} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
}

func TestWithoutList(t *testing.T) {
	src := "见 [a-b]。\n\n## 参考\n\n[a-b]: https://a.io\n"
	md := newMarkdown(WithoutList())
	out := render(t, md, src, PageInfo{})
	if strings.Contains(out, "reference-list") {
		t.Errorf("list rendered with WithoutList:\n%s", out)
	}
	doc := parse(md, src, PageInfo{})
	list := RenderList(Entries(Collect(doc)), ListOptions{ReferencesURL: "/base/references/", Lang: "en"})
	for _, want := range []string{"<h2>References</h2>", `href="/base/references/#ref-a-b"`} {
		if !strings.Contains(string(list), want) {
			t.Errorf("missing %q in\n%s", want, list)
		}
	}
}

func TestDangerousURL(t *testing.T) {
	out := render(t, newMarkdown(), "见 [a-b]。\n\n[a-b]: [x](javascript:alert(1))\n", PageInfo{})
	if strings.Contains(out, "javascript:") {
		t.Errorf("javascript: URL linked:\n%s", out)
	}
}

// TestOrdinaryReferenceLinks: a reference link whose definition is not a
// citation stays the link GitHub shows, and a definition-looking line
// under a paragraph stays text.
func TestOrdinaryReferenceLinks(t *testing.T) {
	for src, want := range map[string]string{
		"Read [manual] first.\n\n[manual]: https://example.com\n":  `<p>Read <a href="https://example.com">manual</a> first.</p>`,
		"See [v1.2].\n\n[v1.2]: https://example.com/v1.2\n":        `<p>See <a href="https://example.com/v1.2">v1.2</a>.</p>`,
		"See [my-docs].\n\n[my-docs]: https://example.com \"D\"\n": `<p>See <a href="https://example.com" title="D">my-docs</a>.</p>`,
		"See the docs.\n[docs]: https://example.com\n":             "<p>See the docs.\n[docs]: <a href=\"https://example.com\">https://example.com</a></p>",
		"[foo]\n\n[foo]: /bar\\* \"ti\\*tle\"\n":                   `<p><a href="/bar*" title="ti*tle">foo</a></p>`,
	} {
		out := render(t, newMarkdown(), src, PageInfo{})
		if strings.TrimSpace(out) != want {
			t.Errorf("%q:\n got %s\nwant %s", src, out, want)
		}
	}
}

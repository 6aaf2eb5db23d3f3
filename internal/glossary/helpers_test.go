package glossary

import (
	"bytes"
	"regexp"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"

	"docsite/internal/markdown/cjk"
	"docsite/internal/math"
)

// testMarkdown is close to the site's pipeline: GFM, footnotes, the CJK
// rules, math, and the term renderer.
func testMarkdown(extra ...goldmark.Extender) goldmark.Markdown {
	exts := []goldmark.Extender{extension.GFM, extension.Footnote, cjk.New(cjk.WithStrikethrough(true)), math.New(), NewExtension()}
	return goldmark.New(goldmark.WithExtensions(append(exts, extra...)...), goldmark.WithRendererOptions(html.WithUnsafe()))
}

func parse(md goldmark.Markdown, src string) (ast.Node, []byte) {
	b := []byte(src)
	return md.Parser().Parse(text.NewReader(b)), b
}

func render(t testing.TB, md goldmark.Markdown, doc ast.Node, src []byte) string {
	t.Helper()
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, src, doc); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// testGlossary has the terms the matching rules are about.
func testGlossary(t testing.TB) *Glossary {
	g, cs := New([]Entry{
		{Term: "K8s", Expansion: "Kubernetes", Explanation: "容器编排系统"},
		{Term: "K3s", Expansion: "Lightweight Kubernetes", Explanation: "轻量级 Kubernetes：单个二进制"},
		{Term: "CRI", Expansion: "Container Runtime Interface"},
		{Term: "CRI-O", Expansion: "CRI with OCI runtimes"},
		{Term: "CI/CD", Expansion: "Continuous Integration / Continuous Delivery"},
		{Term: "gRPC", Expansion: "gRPC Remote Procedure Call"},
		{Term: "Wasm", Expansion: "WebAssembly"},
		{Term: "etcd", Explanation: "分布式键值存储"},
		{Term: "Go", Explanation: "a programming language"},
		{Term: "容器", Explanation: "隔离的进程"},
		{Term: "容器运行时", Explanation: "运行容器的程序"},
		{Term: "镜像", Explanation: "容器的只读模板"},
		{Term: "API", Expansion: "Application Programming Interface"},
	})
	if len(cs) != 0 {
		t.Fatalf("conflicts: %v", cs)
	}
	return g
}

var termRE = regexp.MustCompile(`(?s)<a class="term" href="([^"]*)" data-tip="[^"]*"><abbr title="[^"]*">(.*?)</abbr></a>`)

// marked lists the texts wrapped as terms in rendered HTML, in order.
func marked(html string) []string {
	var out []string
	for _, m := range termRE.FindAllStringSubmatch(html, -1) {
		out = append(out, m[2])
	}
	return out
}

// unmarked removes the term markup, leaving the HTML without annotation.
func unmarked(html string) string {
	return termRE.ReplaceAllString(html, "$2")
}

package glossary

import (
	"slices"
	"strings"
	"testing"
)

func TestAnnotateMatching(t *testing.T) {
	g := testGlossary(t)
	md := testMarkdown()
	tests := []struct {
		name string
		src  string
		want []string // texts wrapped, in order
	}{
		{"glued to Chinese", "使用K8s部署", []string{"K8s"}},
		{"prefix of a word", "K8sCluster 不是术语", nil},
		{"suffix of a word", "myK8s 不是术语", nil},
		{"digit after", "K8s2 不是", nil},
		{"underscore after", "K3s_x 不是", nil},
		{"punctuation around", "(K8s), K3s. 完", []string{"K8s", "K3s"}},
		{"acronym is case-sensitive", "k8s 与 K8S 都不是", nil},
		{"acronym exact", "用 gRPC 而非 GRPC 或 grpc", []string{"gRPC"}},
		{"longer term wins", "CRI-O 实现了 CRI", []string{"CRI-O", "CRI"}},
		{"longer term alone", "运行时 CRI-O", []string{"CRI-O"}},
		{"hyphen is a boundary", "CRI-compatible", []string{"CRI"}},
		{"slash in term", "CI/CD 流水线", []string{"CI/CD"}},
		{"tail of a file name", "打包 app.wasm 到 etcd.io 之后用 Wasm", []string{"Wasm"}},
		{"head of a host name", "etcd.io 与 etcd", []string{"etcd"}},
		{"one-letter tail makes a new name", "CRI-X 不是 CRI", []string{"CRI"}},
		{"all-capital acronym in its case", "api 与 Api 都不是 API", []string{"API"}},
		// goldmark keeps escapes in the text until render; a term is matched
		// as the author typed it.
		{"escaped term", `CI\/CD 流水线`, nil},
		{"Chinese term over three lines", "运行\n容\n器\n运行时", []string{"容器运行时"}},
		{"caseless word", "WASM 与 wasm 与 Wasm", []string{"WASM"}},
		{"caseless lowercase term", "Etcd 集群", []string{"Etcd"}},
		{"short word stays exact", "go build 与 Go", []string{"Go"}},
		{"Chinese substring", "把应用打包成容器化镜像", []string{"容器", "镜像"}},
		{"Chinese longest", "容器运行时与容器", []string{"容器运行时", "容器"}},
		{"Chinese over a wrapped line", "我们把应用放进容\n器里运行", []string{"容器"}},
		{"first use only", "K8s 与 K8s 和 K8s", []string{"K8s"}},
		{"first use per term", "K8s 和 K3s 和 K8s 和 K3s", []string{"K8s", "K3s"}},
		{"emphasis", "**K8s**集群与*容器*", []string{"K8s", "容器"}},
		{"strikethrough", "~~K8s~~ 旧", []string{"K8s"}},
		{"table cell", "| a | b |\n|---|---|\n| K8s | 容器 |", []string{"K8s", "容器"}},
		{"list and quote", "- K8s\n\n> 容器", []string{"K8s", "容器"}},
		{"not in code span", "`K8s` 之后 K8s", []string{"K8s"}},
		{"not in code block", "```\nK8s\n```\n\n    K3s\n\nK3s", []string{"K3s"}},
		{"not in heading", "# K8s 总览\n\n## 容器\n\n正文", nil},
		{"after a heading", "# K8s\n\nK8s 正文", []string{"K8s"}},
		{"not in link", "[K8s 文档](https://k8s.io) 与 [容器](x.md)", nil},
		{"not in autolink", "见 https://example.com/K8s 与 <https://K3s.io>", nil},
		{"not in image alt", "![K8s 架构](a.png)", nil},
		{"not in inline math", "$K8s + 容器$ 与 K8s", []string{"K8s"}},
		{"not in display math", "$$\n\\text{K8s}\n$$\n\nK3s", []string{"K3s"}},
		{"not in raw inline link", `<a href="x">K8s</a> 与 <code>K3s</code> 与 K3s`, []string{"K3s"}},
		{"inside harmless raw tags", `<b>K8s</b>`, []string{"K8s"}},
		{"not in html block", "<div>\nK8s\n</div>\n\nK3s", []string{"K3s"}},
		{"escape before term", `\.K8s`, []string{"K8s"}},
		{"entity before term", `&amp;K8s`, []string{"K8s"}},
		{"footnote text", "正文[^1]\n\n[^1]: 见 K8s", []string{"K8s"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, src := parse(md, tt.src)
			uses := Annotate(doc, src, g, "/glossary/", "zh-CN")
			html := render(t, md, doc, src)
			if got := marked(html); !slices.Equal(got, tt.want) {
				t.Errorf("marked %q, want %q\n%s", got, tt.want, html)
			}
			if len(uses) != len(tt.want) {
				t.Errorf("uses %q, want %d terms", uses, len(tt.want))
			}
			// Annotation adds markup and nothing else.
			plain, psrc := parse(md, tt.src)
			if want := render(t, md, plain, psrc); unmarked(html) != want {
				t.Errorf("text changed:\n got %s\nwant %s", unmarked(html), want)
			}
		})
	}
}

func TestAnnotateHTML(t *testing.T) {
	g := testGlossary(t)
	md := testMarkdown()
	doc, src := parse(md, "在边缘使用K3s部署")
	uses := Annotate(doc, src, g, "/docs/glossary/", "zh-CN")
	got := render(t, md, doc, src)
	want := `<p>在边缘使用<a class="term" href="/docs/glossary/#term-k3s" data-tip="Lightweight Kubernetes — 轻量级 Kubernetes"><abbr title="Lightweight Kubernetes — 轻量级 Kubernetes">K3s</abbr></a>部署</p>` + "\n"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if !slices.Equal(uses, []string{"K3s"}) {
		t.Errorf("uses = %q", uses)
	}
}

func TestAnnotateCanonicalUse(t *testing.T) {
	// A caseless term is reported under its glossary spelling, so the
	// glossary page finds the page whatever case the page wrote.
	g := testGlossary(t)
	md := testMarkdown()
	doc, src := parse(md, "WASM 模块")
	if uses := Annotate(doc, src, g, "/glossary/", ""); !slices.Equal(uses, []string{"Wasm"}) {
		t.Errorf("uses = %q", uses)
	}
}

func TestAnnotateNil(t *testing.T) {
	md := testMarkdown()
	doc, src := parse(md, "K8s")
	if uses := Annotate(doc, src, nil, "/glossary/", ""); uses != nil {
		t.Errorf("nil glossary marked %q", uses)
	}
	empty, _ := New(nil)
	if uses := Annotate(doc, src, empty, "/glossary/", ""); uses != nil {
		t.Errorf("empty glossary marked %q", uses)
	}
}

func TestTip(t *testing.T) {
	tests := []struct {
		t    Term
		lang string
		want string
	}{
		{Term{Expansion: "Kubernetes"}, "", "Kubernetes"},
		{Term{Explanation: "分布式键值存储"}, "", "分布式键值存储"},
		{Term{Expansion: "Container Runtime Interface", Explanation: "容器运行时接口：kubelet 与运行时之间的接口"}, "", "Container Runtime Interface — 容器运行时接口"},
		{Term{Expansion: "A", Explanation: "zh", Entries: []Entry{{Lang: "zh-CN", Explanation: "中文解释"}, {Lang: "en", Explanation: "English words. More."}}}, "en", "A — English words"},
		{Term{Expansion: "WebAssembly", Explanation: "webassembly"}, "", "WebAssembly"},
		{Term{Explanation: strings.Repeat("长", 100)}, "", strings.Repeat("长", 60) + "…"},
	}
	for _, tt := range tests {
		if got := tt.t.Tip(tt.lang); got != tt.want {
			t.Errorf("Tip(%q) = %q, want %q", tt.lang, got, tt.want)
		}
	}
}

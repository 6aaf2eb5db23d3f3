package glossary

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzTableReader(f *testing.F) {
	for _, s := range []string{
		"| 缩写 | 完整形式 | 中文解释 |\n|---|---|---|\n| **K8s** | Kubernetes | 编排 |\n",
		"| Term | Definition |\n|---|---|\n| `x` | y | z | w |\n| | |\n",
		"| 术语 |\n|---|\n| <b>a</b> ![i](x) [l](y) |\n",
		"K3s\n: Lightweight\n: 轻量\n  续\n\n: orphan\n",
		"a\nb\n: c\n:d\n",
		"> | Acronym | x |\n> |---|---|\n> | A&amp;B | \\| |\n",
		"|缩写|\n|-|\n|\t`x`|\n",
	} {
		f.Add(s)
	}
	md := testMarkdown()
	f.Fuzz(func(t *testing.T, src string) {
		doc, b := parse(md, src)
		es := Entries(doc, b, "g.md")
		for _, e := range es {
			if e.Term == "" || e.Offset < 0 || e.Offset > len(b) {
				t.Fatalf("bad entry %+v", e)
			}
		}
		g, _ := New(es)
		_ = Page(g, nil, "zh-CN")
	})
}

func FuzzMatch(f *testing.F) {
	for _, s := range []string{
		"使用K8s部署，CRI-O 与 CRI，容器运行时与容器。",
		"K8sCluster myK8s `K8s` [K8s](x) $K8s$ **K3s**集群",
		"<a href=x>K8s</a> <code>CRI</code> CI/CD\\ gRPC &amp;API",
		"容\n器\n运\n行\n时 ~~K8s~~\n\n| K8s | 容器 |\n|---|---|\n| a | b |",
		"\t K8s\tK3s  \n    code K8s\n\nWASM wasm Etcd",
		"\xff\xfeK8s\xe5\xae",
	} {
		f.Add(s)
	}
	g := testGlossary(f)
	md := testMarkdown()
	f.Fuzz(func(t *testing.T, src string) {
		doc, b := parse(md, src)
		uses := Annotate(doc, b, g, "/glossary/", "en")
		html := render(t, md, doc, b)
		seen := map[string]bool{}
		for _, u := range uses {
			if seen[u] || g.Lookup(u) == nil {
				t.Fatalf("use %q repeated or unknown: %q", u, uses)
			}
			seen[u] = true
		}
		// Annotation adds markup around text and changes nothing else.
		plain, pb := parse(md, src)
		if want := render(t, md, plain, pb); unmarked(html) != want {
			t.Fatalf("annotation changed the text:\n got %q\nwant %q", unmarked(html), want)
		}
		if utf8.ValidString(src) && strings.Count(html, `class="term"`) != len(uses) {
			t.Fatalf("%d terms marked, %d uses", strings.Count(html, `class="term"`), len(uses))
		}
	})
}

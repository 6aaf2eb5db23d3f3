package glossary

import (
	"fmt"
	"strings"
	"testing"
)

// benchGlossary has 80 terms like the corpus's: Latin acronyms and words,
// and a few Chinese terms.
func benchGlossary() *Glossary {
	var es []Entry
	for i := range 70 {
		es = append(es, Entry{Term: fmt.Sprintf("T%cX%d", 'A'+i%26, i), Expansion: "expansion"})
	}
	for _, t := range []string{"K8s", "K3s", "CRI", "CRI-O", "WASI", "Wasm", "etcd", "容器", "镜像", "调度"} {
		es = append(es, Entry{Term: t, Expansion: "expansion " + t})
	}
	g, _ := New(es)
	return g
}

// benchPage is about the size and mix of a corpus page (20 KB): wrapped
// Chinese prose with Latin terms, headings, lists, code and a table.
func benchPage() string {
	var b strings.Builder
	for i := range 24 {
		fmt.Fprintf(&b, "## %d.%d 组件与运行时\n\n", i/4+1, i%4+1)
		b.WriteString("在边缘场景中使用K3s部署工作负载时，kubelet 通过 CRI 调用容器运行时，\n")
		b.WriteString("而不是直接操作进程；CRI-O 与 containerd 都实现了这一接口。WASI 让 Wasm\n")
		b.WriteString("模块以能力授权的方式访问文件与时钟，这与传统镜像的隔离模型不同。\n\n")
		b.WriteString("- 调度器根据资源请求挑选节点，etcd 保存集群的全部状态\n- 控制器持续对比期望状态与实际状态\n\n")
		b.WriteString("```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: K8s\n```\n\n")
		b.WriteString("| 组件 | 作用 |\n|---|---|\n| K8s | 编排 |\n| TAX0 | 示例 |\n\n")
	}
	return b.String()
}

func BenchmarkAnnotate(b *testing.B) {
	g := benchGlossary()
	md := testMarkdown()
	page := benchPage()
	b.SetBytes(int64(len(page)))
	// Each page is annotated right after its parse, as in the build, so its
	// AST is fresh in the cache. Stopping the timer around every parse
	// costs more than Annotate itself, so both sub-benchmarks parse and
	// the cost of Annotate is the difference between them.
	for _, annotate := range []bool{false, true} {
		b.Run(fmt.Sprintf("annotate=%v", annotate), func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			for range b.N {
				doc, src := parse(md, page)
				if annotate {
					Annotate(doc, src, g, "/glossary/", "zh-CN")
				}
			}
		})
	}
}

// BenchmarkFind measures the matcher alone on prose with no term in it,
// the common case once a page has used its terms.
func BenchmarkFind(b *testing.B) {
	g := benchGlossary()
	text := []byte(strings.Repeat("在边缘场景中部署工作负载时，kubelet 通过接口调用运行时而不是直接操作进程。", 50))
	b.SetBytes(int64(len(text)))
	var out []match
	for range b.N {
		out = g.m.find(text, 0, 0, out[:0])
	}
}

// BenchmarkAnnotateWalk annotates the same AST over and over: after the
// first rounds every occurrence is wrapped, so this measures the walk and
// scan of a page-sized AST on its own, hot in the cache.
func BenchmarkAnnotateWalk(b *testing.B) {
	g := benchGlossary()
	doc, src := parse(testMarkdown(), benchPage())
	b.SetBytes(int64(len(src)))
	for range b.N {
		Annotate(doc, src, g, "/glossary/", "zh-CN")
	}
}

// BenchmarkAnnotate500 is BenchmarkAnnotate with a glossary of 500 terms,
// most of them acronyms that the page never uses: the cost of a large
// glossary is in the word starts it must rule out.
func BenchmarkAnnotate500(b *testing.B) {
	es := benchGlossary().Terms()
	var entries []Entry
	for _, t := range es {
		entries = append(entries, Entry{Term: t.Term, Expansion: t.Expansion})
	}
	for i := 0; len(entries) < 500; i++ {
		entries = append(entries, Entry{Term: fmt.Sprintf("%c%cQ%d", 'A'+i%26, 'A'+i/26%26, i), Expansion: "x"})
	}
	g, _ := New(entries)
	md := testMarkdown()
	page := benchPage()
	b.SetBytes(int64(len(page)))
	for range b.N {
		doc, src := parse(md, page)
		Annotate(doc, src, g, "/glossary/", "zh-CN")
	}
}

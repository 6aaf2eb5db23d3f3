package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// mermaid writes the body of a ```mermaid fence. Node labels in brackets
// ("A[wasm-app]") are the non-citations a checker must not flag.
func mermaid(r *rand.Rand, t topic) string {
	var b strings.Builder
	x := r.IntN(19)
	if r.IntN(60) == 0 {
		x = 19 // rarely: a type mermaid does not know
	}
	switch {
	case x < 9:
		fmt.Fprintf(&b, "%s\n", pick(r, []string{"graph LR", "graph TD", "flowchart TD", "flowchart LR"}))
		nodes := []string{"A[" + pick(r, apps) + "]", "B[Docker<br/>打包与隔离]", "C{是否需要编排?}", "D[Kubernetes<br/>编排与自愈]", "E[K3s<br/>轻量与边缘]", "F[WasmEdge<br/>字节码运行时]", "G[OPA-Wasm<br/>策略即代码]", "H((" + t.zh + "))"}
		n := 3 + r.IntN(len(nodes)-3)
		for i := 1; i < n; i++ {
			from := nodes[r.IntN(i)]
			label := ""
			if r.IntN(3) == 0 {
				label = "|" + pick(r, []string{"是", "否", "构建", "部署", "调度", "评估"}) + "|"
			}
			fmt.Fprintf(&b, "    %s -->%s %s\n", from, label, nodes[i])
		}
		fmt.Fprintf(&b, "\n    style A fill:#e1f5ff\n    style %c fill:#fff4e1\n", 'A'+rune(n-1))
	case x < 12:
		fmt.Fprintf(&b, "mindmap\n  root((%s))\n", t.zh)
		for _, dim := range []string{"理念维度", "技术维度", "场景维度"}[:2+r.IntN(2)] {
			fmt.Fprintf(&b, "    %s\n", dim)
			for range 2 + r.IntN(3) {
				fmt.Fprintf(&b, "      %s\n", pick(r, terms))
				for range r.IntN(3) {
					fmt.Fprintf(&b, "        %s\n", pick(r, mechanisms))
				}
			}
		}
	case x < 15:
		fmt.Fprintf(&b, "timeline\n    title %s 演进\n", t.zh)
		year := 2006 + r.IntN(8)
		for _, ev := range []string{"cgroups 合入内核", "Docker 开源", "Kubernetes 开源", "CRI 插件化", "K3s 发布", "WasmEdge 开源", "OPA-Wasm 成熟", "K8s 1.30 + WasmEdge"}[:4+r.IntN(5)] {
			fmt.Fprintf(&b, "    %d : %s\n", year, ev)
			year += 1 + r.IntN(2)
		}
	case x < 19:
		b.WriteString("sequenceDiagram\n    participant U as 用户\n    participant A as API Server\n    participant G as Gatekeeper\n    participant K as kubelet\n")
		fmt.Fprintf(&b, "    U->>A: kubectl apply -f %s.yaml\n    A->>G: AdmissionReview\n    G-->>A: allowed=true (%dµs)\n    A->>K: 调度 Pod\n    K-->>U: Running\n", pick(r, apps), 30+r.IntN(60))
	default:
		// A diagram type mermaid does not know, as a typo would leave it.
		fmt.Fprintf(&b, "flowchar TD\n    A[%s] --> B[%s]\n", pick(r, apps), pick(r, terms))
	}
	return b.String()
}

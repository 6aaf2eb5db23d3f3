package glossary_test

import (
	"testing"

	"docsite/render/markdown"
	"docsite/render/site"
)

func TestScratch(t *testing.T) {
	src := []byte("使用K8s部署 CRI-O 与 CI/CD，**CRI**是 K3s_x foo&amp;bar wasm-app.\n下一行K3s\n\n| **缩写** | 完整 |\n|---|---|\n| `K8s` | x |\n\nCRI\n: Container Runtime\n: 解释\n")
	p := &site.Page{Source: src}
	doc := markdown.New().Parse(p)
	doc.Dump(src, 0)
}

package survey

import (
	"os"
	"path/filepath"
	"testing"
)

const page = "# 1. 总览\n\n" +
	"## 目录\n\n" +
	"- [1.1 文档定位](#11-文档定位)\n" +
	"- [1.2 旧标题](#12-旧标题)\n\n" +
	"---\n\n" +
	"## 1.1 文档定位\n\n" +
	"见 [定位](#11-文档定位) 与 [别处](../b/b.md#21-细节) 和 [坏](../b/c.md)，\n" +
	"外链 [K3s](https://docs.k3s.io/) <https://kubernetes.io/> [文档][K3s 文档]。\n" +
	"资源 [k3s-memory] 与 `[not-a-cite]`，价格是 $5 和 $10，设 $T = R(x)$。\n" +
	"[k3s-memory]: [K3s 资源占用](https://docs.k3s.io/)\n\n" +
	"### 1.3.1 跳号\n\n" +
	"<a href=\"#11-文档定位\">回到</a>\n\n" +
	"$$\nx^2\n$$\n\n" +
	"```mermaid\ngraph LR\n  A[wasm-app] --> B\n```\n\n" +
	"```math\na+b\n```\n\n" +
	"```yaml\nx: [tenant-a-exporter]\nlink: \"[a](#nowhere)\"\n```\n\n" +
	"```\nplain\n```\n\n" +
	"![图](img/a.png)\n\n" +
	"[K3s 文档]: https://docs.k3s.io/\n"

func TestDir(t *testing.T) {
	root := t.TempDir()
	write := func(p, s string) {
		full := filepath.Join(root, filepath.FromSlash(p))
		os.MkdirAll(filepath.Dir(full), 0o755)
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a/a.md", page)
	write("a/img/a.png", "png")
	write("b/b.md", "# 2. 细节页\n\n## 2.1 细节页\n")
	write(".hidden/x.md", "# ignored\n")
	s, err := Dir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		got, want int
	}{
		{"markdown", s.Markdown, 2},
		{"other", s.Other, 1},
		{"H1", s.Headings[1], 2},
		{"H2", s.Headings[2], 3},
		{"H3", s.Headings[3], 1},
		{"mermaid", s.Mermaid, 1},
		{"display math", s.DisplayMath, 1},
		{"math fences", s.MathFences, 1},
		{"inline math lines", s.InlineMathLines, 1},
		{"code yaml", s.Code["yaml"], 1},
		{"code none", s.Code[""], 1},
		{"anchors", s.Anchor, 3},
		{"anchors broken", s.AnchorBroken, 1},
		{"toc", s.TOCLinks, 2},
		{"toc broken", s.TOCBroken, 1},
		{"relative", s.Relative, 3},
		{"relative broken", s.RelativeBroken, 1},
		{"fragments", s.Fragments, 1},
		{"fragments broken", s.FragmentBroken, 1},
		{"external", s.External, 3},
		{"ref-style", s.RefStyle, 1},
		{"html", s.HTMLLinks, 1},
		{"citations", s.Citations, 1},
		{"citation definitions", s.CiteDefs, 1},
		{"numbering off", s.NumberingOff, 1},
	} {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
		}
	}
}

func TestNumberingOff(t *testing.T) {
	for _, c := range []struct {
		heads []string
		off   bool
	}{
		{[]string{"# 1. a", "## 目录", "## 1.1 x", "### 1.1.1 y", "## 1.2 z"}, false},
		{[]string{"# 1. a", "## 1.1 x", "## 1.3 z"}, true},
		{[]string{"# 1. a", "## 1.1 x", "## 1.2 y", "### 2.1.1 z"}, true},
		{[]string{"# 1. a", "## 1.1 x", "## 1.1 y"}, true},
		{[]string{"# 标题", "## 随意", "## 3.9 x"}, false}, // continues a numbering from elsewhere
		// per document, whatever the H1 says; a chapter whose H1 is off
		{[]string{"# 12. a", "## 1 概述", "### 1.1 x", "#### 1.1.1 y", "#### 示例", "#### 1.1.2 z", "## 2 b"}, false},
		{[]string{"# 16. a", "## 14.1 x", "### 14.1.1 y", "## 14.2 z"}, false},
		{[]string{"# a", "## 1. x", "## 2. y", "## 4. z"}, true},
		{[]string{"# a", "## 1 x", "## 2 y", "### 1.1 z"}, true},
		// numbered list-headings restart under each heading
		{[]string{"# a", "## 1 x", "### 1.1 y", "### 1.2 专家观点", "#### 1. E", "#### 2. F", "### 1.3 z", "#### 1. G"}, false},
		{[]string{"# a", "## x", "### 1. a", "### 2. b", "## y", "### 1. c"}, false},
		{[]string{"# a", "## x", "### 1. a", "### 1. b"}, true},
		// years and versions are no numbers
		{[]string{"# 2025 年 11 月报告", "## 1 x", "### v1.30 升级说明", "### 2025 年趋势", "### 1.1 y"}, false},
	} {
		if got := numberingOff(c.heads); got != c.off {
			t.Errorf("numberingOff(%q) = %v, want %v", c.heads, got, c.off)
		}
	}
}

func FuzzFile(f *testing.F) {
	f.Add(page)
	f.Add("```\nunclosed\n")
	f.Add("# 1.\n## 1.x\n### ..\n[a](#)[b](../../..)")
	f.Fuzz(func(t *testing.T, src string) {
		s := &Survey{Code: map[string]int{}}
		var frags [][2]string
		s.file("a/b.md", src, map[string]bool{"": true, "a": true, "a/b.md": true}, &frags)
		if s.AnchorBroken > s.Anchor || s.RelativeBroken > s.Relative || s.TOCBroken > s.TOCLinks {
			t.Fatalf("broken counts exceed totals: %+v", s)
		}
	})
}

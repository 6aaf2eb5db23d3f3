package build

import (
	"os"
	"path/filepath"
	"testing"

	"docsite/internal/config"
	"docsite/internal/sitetest"
)

// renderTree has what a page's body reads from the rest of the site:
// links to pages, folders and files, a glossary whose first uses bodies
// mark, citations, math and code.
const renderTree = `-- README.md --
# 首页

见 [准入](a/admission.md#1-概述)、[文件夹](b/)、[图](img/x.png) 与 [缺失](a/new.md)。OPA 与 RBAC。引用 [k8s-docs]。

$E = mc^2$
-- REFERENCES.md --
# 参考文献

[k8s-docs]: https://kubernetes.io "Kubernetes"
-- GLOSSARY.md --
# 术语表

| 术语 | 全称 | 说明 |
|---|---|---|
| OPA | Open Policy Agent | 策略引擎 |
-- a/admission.md --
# 准入控制

## 1 概述

OPA 在这里，见 [首页](../README.md)。

` + "```go\nfunc main() {}\n```\n" + `
-- b/note.md --
# 笔记

RBAC 不在术语表里。
-- img/x.png --
PNG
`

// TestRenderCache: a warm build takes every page from the last build's
// render and writes the same bytes as a build without a cache; after an
// edit, it renders again what the edit may change and still writes what
// a fresh build writes.
func TestRenderCache(t *testing.T) {
	dir := sitetest.Tree(t, renderTree)
	cache := t.TempDir()
	build := func(cacheDir string) (string, int) {
		t.Helper()
		out := filepath.Join(t.TempDir(), "out")
		res, err := Build(Options{Content: dir, Out: out, CacheDir: cacheDir, Config: config.Default(), Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		return out, res.Restored
	}
	const pages = 5
	if _, n := build(cache); n != 0 {
		t.Fatalf("a cold build restored %d pages", n)
	}
	warm, n := build(cache)
	if n != pages {
		t.Fatalf("a warm build restored %d pages, want %d", n, pages)
	}
	fresh, _ := build("")
	sitetest.SameTree(t, fresh, warm)

	edit := func(rel, text string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if text == "" {
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			return
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, step := range []struct {
		name      string
		rel, text string
		restored  int
	}{
		{"one page's text", "b/note.md", "# 笔记\n\n新的文字，RBAC。\n", pages - 1},
		{"a page appears where a link pointed", "a/new.md", "# 新页\n", 0},
		{"a linked file goes", "img/x.png", "", 0},
		{"a glossary term is added", "GLOSSARY.md", "# 术语表\n\n| 术语 | 全称 | 说明 |\n|---|---|---|\n| OPA | Open Policy Agent | 策略引擎 |\n| RBAC | Role-Based Access Control | 授权 |\n", 0},
		{"a citation is defined anew", "REFERENCES.md", "# 参考文献\n\n[k8s-docs]: https://kubernetes.io/docs \"Kubernetes\"\n", 0},
	} {
		edit(step.rel, step.text)
		warm, n := build(cache)
		if n != step.restored {
			t.Errorf("%s: %d pages restored, want %d", step.name, n, step.restored)
		}
		fresh, _ := build("")
		sitetest.SameTree(t, fresh, warm)
	}
}

// TestRenderCacheOnCorpusDev: on the real knowledge base, a warm build
// restores every page and writes what the cold one wrote.
func TestRenderCacheOnCorpusDev(t *testing.T) {
	if testing.Short() {
		t.Skip("builds corpus-dev three times")
	}
	dir := sitetest.Shared(t, "corpus-dev")
	cache := t.TempDir()
	var outs []string
	for i := range 2 {
		out := filepath.Join(t.TempDir(), "out")
		res, err := Build(Options{Content: dir, Out: out, CacheDir: cache, Config: config.Default()})
		if err != nil {
			t.Fatal(err)
		}
		if i == 1 && res.Restored != res.Pages-generated(res) {
			t.Errorf("a warm build restored %d of %d pages", res.Restored, res.Pages-generated(res))
		}
		outs = append(outs, out)
	}
	if n := sitetest.SameTree(t, outs[0], outs[1]); n < 1000 {
		t.Errorf("compared only %d files", n)
	}
}

func generated(res *Result) int {
	n := 0
	for _, p := range res.Site.Pages {
		if p.Generated {
			n++
		}
	}
	return n
}

package load

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"docsite/internal/config"
	"docsite/internal/site"
	"docsite/internal/sitetest"
)

// cacheTree has a little of everything the parse reads: front matter,
// citations defined on the page and in REFERENCES.md, a glossary source,
// good and broken formulas and diagrams, links, raw HTML, hand numbers.
const cacheTree = `-- README.md --
---
title: 首页
weight: 2
---
# 首页

见 [准入](a/admission.md#1-概述) 与 [缺失](a/missing.md)，引用 [k8s-docs]、[k3s-docs] 与 [here-def]。

$E = mc^2$ 与 $\frac{1}{$。

[here-def]: https://example.com/here "本页的定义"
-- REFERENCES.md --
# 参考文献

[k8s-docs]: https://kubernetes.io "Kubernetes"
[k3s-docs]: [K3s 文档](https://docs.k3s.io)
-- GLOSSARY.md --
# 术语表

| 术语 | 全称 | 说明 |
|---|---|---|
| OPA | Open Policy Agent | 策略引擎 |
-- a/admission.md --
# 准入控制

## 1 概述

OPA 在这里。<a id="raw"></a>

## 3 跳过的编号

` + "```mermaid\ngraph TD\n  A --> B\n```\n\n```mermaid\ngraph TD\n  A --> \n```\n\n```go\nfunc main() {}\n```\n" + `
$$
\begin{cases} a & b \\ c & d \end{cases}
$$
`

// TestPageCacheGivesTheSameModel: a check-mode load that takes every page
// from the cache makes exactly the model a fresh parse makes, and a change
// parses again only what it must.
func TestPageCacheGivesTheSameModel(t *testing.T) {
	dir := sitetest.Tree(t, cacheTree)
	cache := t.TempDir()
	cold, hits := loadCached(t, dir, cache)
	if hits != 0 {
		t.Fatalf("a cold load restored %d pages", hits)
	}
	warm, hits := loadCached(t, dir, cache)
	if want := parsed(cold); hits != want {
		t.Fatalf("a warm load restored %d pages, want all %d", hits, want)
	}
	sameModel(t, cold, warm)
	if r := cold.ByPath["README.md"]; len(r.Diags) == 0 || len(r.Cites) != 2 || !r.Cites[0].Defined || len(cold.ByPath["a/admission.md"].Diagrams) != 2 {
		t.Fatalf("the fixture lost what it is for: findings %+v, citations %+v", r.Diags, r.Cites)
	}

	// One page's text changes: that page alone is parsed again.
	write(t, filepath.Join(dir, "a/admission.md"), "# 准入控制\n\n## 1 概述\n\n新的文字。\n")
	_, hits = loadCached(t, dir, cache)
	if want := parsed(cold) - 1; hits != want {
		t.Errorf("after one page changed, %d pages restored, want %d", hits, want)
	}
	// A citation definition changes: every page may resolve differently.
	write(t, filepath.Join(dir, "REFERENCES.md"), "# 参考文献\n\n[k8s-docs]: https://kubernetes.io/docs \"Kubernetes\"\n")
	fresh, hits := loadCached(t, dir, cache)
	if hits != 0 {
		t.Errorf("after a definition changed, %d pages restored, want none", hits)
	}
	again, _ := loadCached(t, dir, cache)
	sameModel(t, fresh, again)
}

// TestPageCacheOnCorpusDev: the same on the real knowledge base.
func TestPageCacheOnCorpusDev(t *testing.T) {
	dir := sitetest.Shared(t, "corpus-dev")
	cache := t.TempDir()
	cold, _ := loadCached(t, dir, cache)
	warm, hits := loadCached(t, dir, cache)
	if want := parsed(cold); hits != want {
		t.Fatalf("a warm load restored %d pages, want all %d", hits, want)
	}
	sameModel(t, cold, warm)
}

func loadCached(t *testing.T, dir, cache string) (*site.Site, int) {
	t.Helper()
	pr := NewParser(WithWorkers(2), WithCacheDir(cache))
	defer pr.Close()
	s, err := pr.Site(Options{Content: dir, Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	return s, int(pr.pages.hits.Load())
}

// parsed counts the pages a load parses (not the ones it makes up).
func parsed(s *site.Site) int {
	n := 0
	for _, p := range s.Pages {
		if !p.Generated {
			n++
		}
	}
	return n
}

// sameModel compares every page field by field; the index's links between
// pages (navigation, translations) are compared by what they point to.
func sameModel(t *testing.T, a, b *site.Site) {
	t.Helper()
	if len(a.Pages) != len(b.Pages) {
		t.Fatalf("%d pages, then %d", len(a.Pages), len(b.Pages))
	}
	for i, pa := range a.Pages {
		x, y := *pa, *b.Pages[i]
		if (x.Nav == nil) != (y.Nav == nil) || !reflect.DeepEqual(x.Numbering, y.Numbering) {
			t.Errorf("%s: navigation or numbering differs", x.Path)
		}
		x.Nav, y.Nav, x.Translations, y.Translations, x.Numbering, y.Numbering = nil, nil, nil, nil, nil, nil
		v, w := reflect.ValueOf(x), reflect.ValueOf(y)
		for f := 0; f < v.NumField(); f++ {
			if !reflect.DeepEqual(v.Field(f).Interface(), w.Field(f).Interface()) {
				t.Errorf("%s: %s differs:\n parsed   %+v\n restored %+v", x.Path, v.Type().Field(f).Name, v.Field(f).Interface(), w.Field(f).Interface())
			}
		}
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// notParsed are the page fields the parse does not fill: the loader's,
// the index's and the renderer's, and Text, which cached loads drop.
var notParsed = []string{"Path", "Dir", "Lang", "Key", "URL", "Landing", "Generated", "Source", "Lines",
	"BodyOffset", "Meta", "Weight", "Draft", "DocLang", "Defs", "BadDefs", "DefsRead", "GlossarySource",
	"Body", "Appendix", "List", "Nav", "Translations", "Numbering", "Text"}

// TestPageModelCoversThePage fails when site.Page gains a field that
// neither the page cache keeps nor notParsed names: a field the parse
// fills and the cache forgot would make a warm check differ from a cold one.
func TestPageModelCoversThePage(t *testing.T) {
	kept := map[string]bool{}
	for f := range reflect.TypeFor[pageModel]().Fields() {
		kept[f.Name] = true
	}
	for _, name := range notParsed {
		kept[name] = true
	}
	for f := range reflect.TypeFor[site.Page]().Fields() {
		if !kept[f.Name] {
			t.Errorf("site.Page.%s is neither kept by the page cache (pageModel) nor listed in notParsed", f.Name)
		}
	}
}

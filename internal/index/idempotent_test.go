package index_test

import (
	"fmt"
	"slices"
	"testing"

	"docsite/check"
	"docsite/internal/config"
	"docsite/internal/index"
	"docsite/internal/load"
	"docsite/internal/sitetest"
)

// TestIndexTwice: the index stage replaces what it made before, so running
// it again (as the preview server does after a save) gives the same site
// and the same findings: no second URL conflict, no second references or
// glossary list.
func TestIndexTwice(t *testing.T) {
	dir := sitetest.Tree(t, `
-- README.md --
# 首页

见 [k3s-memory] 与 K8s。
-- a.md --
# A
-- a/README.md --
# A 的着陆页（同一个 URL）
-- GLOSSARY.md --
# 术语表

| 缩写 | 完整形式 | 中文解释 |
|---|---|---|
| K8s | Kubernetes | 容器编排系统 |
-- REFERENCES.md --
# 参考文献

[k3s-memory]: [K3s 的内存占用](https://example.com/k3s)
`)
	pr := load.NewParser()
	defer pr.Close()
	cfg := config.Default()
	s, err := pr.Site(load.Options{Content: dir, Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	snapshot := func() string {
		var urls []string
		for _, p := range s.Pages {
			urls = append(urls, fmt.Sprintf("%s %q %d", p.URL, p.Title, len(p.Appendix)))
		}
		slices.Sort(urls)
		var ds []string
		for _, d := range check.Run(s, cfg) {
			ds = append(ds, fmt.Sprintf("%s:%d %s", d.File, d.Line, d.Rule))
		}
		return fmt.Sprint(len(s.Pages), urls, ds)
	}
	first := snapshot()
	t.Log(first)
	index.Site(s, false)
	index.Site(s, false)
	if again := snapshot(); again != first {
		t.Errorf("the index stage run again changed the site:\nfirst %s\nagain %s", first, again)
	}
}

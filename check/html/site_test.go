package html_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	checkhtml "docsite/check/html"
	"docsite/internal/config"
	"docsite/internal/sitetest"
	"docsite/render/build"
)

// shape is the knowledge base in small, in new words: a page citing keys
// it defines under its own 参考 heading (one line mangled), a folder with
// a REFERENCES.md that defines nothing, an ordinary reference link, a
// link to a folder without a landing page and links to files that are gone.
const shape = `
-- README.md --
# 首页

- [总览](docs/01-overview/overview.md)
- [缺失](docs/02-gone/gone.md)
- [目录](docs/03-list/)
-- docs/01-overview/overview.md --
# 1. 总览

K3s 常驻内存很小 [k3s-mem]，启动很快 [k3s-boot]，规模见 [k8s-big]。阅读 [manual] 与 [v1.2]。

[manual]: https://example.com/manual
[v1.2]: https://example.com/v1.2

## 1.9 参考

[k3s-mem]: [K3s 需求](https://docs.k3s.io/installation/requirements)
[k3s-boot]: [K3s 上手](https://docs.k3s.io/quick-start) [k8s-big]:
[大集群](https://kubernetes.io/docs/setup/best-practices/cluster-large/)
-- docs/ARCH/REFERENCES.md --
# 参考与扩展资源

只有链接，没有定义：[总览](../01-overview/overview.md)。
-- docs/ARCH/page.md --
# 架构

见 [k3s-mem] 与 [丢失](../../nowhere.md)。
-- docs/03-list/a.md --
# A
`

// TestBuiltSiteOfTheRealShape: the built site has no anchor into the
// references page that is missing, every key cited anywhere is listed
// there, ordinary reference links stay links, folder links reach the
// generated index, and broken links are marked for readers.
func TestBuiltSiteOfTheRealShape(t *testing.T) {
	dir := sitetest.Tree(t, shape)
	out := filepath.Join(t.TempDir(), "public")
	cfg := config.Default()
	res, err := build.Build(build.Options{Content: dir, Out: out, Config: cfg, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	ds, err := checkhtml.Check(out, checkhtml.Options{BasePath: "/", Source: checkhtml.SourceMap(res.Site)})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		if strings.Contains(d.Target, "references/") || strings.Contains(d.Target, "03-list") {
			t.Errorf("%s %s %s: %s", d.File, d.Rule, d.Target, d.Message)
		}
	}
	refs := read(t, out, "references/index.html")
	for _, key := range []string{"k3s-mem", "k3s-boot", "k8s-big"} {
		if !strings.Contains(refs, `id="ref-`+key+`"`) {
			t.Errorf("references page lacks %s", key)
		}
	}
	for _, key := range []string{"manual", "v1.2"} {
		if strings.Contains(refs, `id="ref-`+key+`"`) {
			t.Errorf("ordinary link definition %s listed as a reference", key)
		}
	}
	page := read(t, out, "docs/01-overview/index.html")
	for _, want := range []string{`<a href="https://example.com/manual">manual</a>`, `<a href="https://example.com/v1.2">v1.2</a>`, `href="/references/#ref-k3s-mem"`} {
		if !strings.Contains(page, want) {
			t.Errorf("overview lacks %s", want)
		}
	}
	home := read(t, out, "index.html")
	for _, want := range []string{
		`<a href="docs/02-gone/gone.md" title="链接目标不存在" class="broken-link">缺失</a>`,
		`<a href="/docs/03-list/">目录</a>`,
	} {
		if !strings.Contains(home, want) {
			t.Errorf("home page lacks %s", want)
		}
	}
	if !strings.Contains(read(t, out, "docs/ARCH/page/index.html"), `class="broken-link">丢失</a>`) {
		t.Errorf("link out of the content folder not marked broken")
	}
}

func read(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

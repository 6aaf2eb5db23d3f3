package glossary_test

import (
	"docsite/internal/sitetest"

	"os"
	"strings"
	"testing"

	"docsite/internal/glossary"
	"docsite/internal/markdown"
	"docsite/internal/site"
)

// TestSitePipeline runs the wiring the build uses: the site's converter
// with the term renderer, entries from a glossary page, Annotate between
// Parse and Render.
func TestSitePipeline(t *testing.T) {
	conv := markdown.New(markdown.WithExtensions(glossary.NewExtension()))
	gp := &site.Page{Path: "GLOSSARY.md", Lang: "zh-CN", Source: []byte(
		"| 缩写 | 完整形式 | 中文解释 |\n|---|---|---|\n| K3s | Lightweight Kubernetes | 轻量级 Kubernetes：单个二进制 | 多出的列 |\n")}
	if !glossary.IsSource(gp.Path, gp.Meta, nil, gp.Source) {
		t.Fatal("GLOSSARY.md is a source")
	}
	es := glossary.Entries(conv.Parse(gp), gp.Source, gp.Path)
	if len(es) != 1 || len(es[0].Fields) != 1 {
		t.Fatalf("entries %+v", es)
	}
	g, _ := glossary.New(es)
	p := &site.Page{Path: "a.md", Lang: "zh-CN", Source: []byte("# K3s\n\n在边缘使用K3s部署，\nK3s 很轻。\n")}
	doc := conv.Parse(p)
	uses := glossary.Annotate(doc, p.Source, g, "/glossary/", p.Lang)
	body, err := conv.Render(p, doc, func(string) (string, bool) { return "", false })
	if err != nil {
		t.Fatal(err)
	}
	want := `在边缘使用<a class="term" href="/glossary/#term-k3s" data-tip="Lightweight Kubernetes — 轻量级 Kubernetes"><abbr title="Lightweight Kubernetes — 轻量级 Kubernetes">K3s</abbr></a>部署`
	if !strings.Contains(string(body), want) || strings.Count(string(body), `class="term"`) != 1 || len(uses) != 1 {
		t.Errorf("uses %q, body:\n%s", uses, body)
	}
}

// TestSeedPage annotates the corpus's real example page with the project's
// glossary, when both are at hand.
func TestSeedPage(t *testing.T) {
	seed, err := os.ReadFile(sitetest.Shared(t, "seeds", "000_b5dc548fecb8e19d.txt"))
	if err != nil {
		t.Fatal(err)
	}
	zh, err := os.ReadFile("../../content/GLOSSARY.md")
	if err != nil {
		t.Fatal(err)
	}
	conv := markdown.New(markdown.WithExtensions(glossary.NewExtension()))
	gp := &site.Page{Path: "GLOSSARY.md", Source: zh}
	g, _ := glossary.New(glossary.Entries(conv.Parse(gp), zh, gp.Path))
	p := &site.Page{Path: "seed.md", Source: seed}
	doc := conv.Parse(p)
	uses := glossary.Annotate(doc, seed, g, "/glossary/", "zh-CN")
	body, err := conv.Render(p, doc, func(string) (string, bool) { return "", false })
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d terms used: %q", len(uses), uses)
	if len(uses) < 5 || strings.Count(string(body), `class="term"`) != len(uses) {
		t.Errorf("uses %q", uses)
	}
}

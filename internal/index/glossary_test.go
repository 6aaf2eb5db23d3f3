package index_test

import (
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/yuin/goldmark/ast"

	"docsite/internal/load"
	"docsite/internal/site"
	"docsite/internal/sitetest"
)

// build loads a content folder as the build does and renders every page's
// body, keyed by source path.
func build(t *testing.T, dir string) (*site.Site, map[string]string) {
	t.Helper()
	pr := load.NewParser(load.WithWorkers(2))
	t.Cleanup(pr.Close)
	var mu sync.Mutex
	bodies := map[string]string{}
	s, err := pr.Site(load.Options{Content: dir, Page: func(_ *site.Site, p *site.Page, doc ast.Node) {
		body, err := pr.Converter.Render(p, doc, func(string) (string, bool) { return "", false })
		if err != nil {
			t.Error(err)
		}
		mu.Lock()
		bodies[p.Path] = string(body)
		mu.Unlock()
	}})
	if err != nil {
		t.Fatal(err)
	}
	return s, bodies
}

const source = "docs/TECHNICAL/10-reference-trends/acronyms-glossary/acronyms-glossary.md"

func fixture(t *testing.T) string {
	b, err := os.ReadFile("testdata/acronyms.txtar")
	if err != nil {
		t.Fatal(err)
	}
	return sitetest.Tree(t, string(b))
}

// TestGlossaryRealShape: the knowledge base's glossary, found with no
// configuration; its relation tables define nothing and conflict with
// nothing.
func TestGlossaryRealShape(t *testing.T) {
	s, bodies := build(t, fixture(t))
	var sources []string
	for _, p := range s.Pages {
		if p.GlossarySource {
			sources = append(sources, p.Path)
		}
	}
	if !slices.Equal(sources, []string{source}) {
		t.Fatalf("sources %q, want only %s", sources, source)
	}
	if len(s.GlossaryConflicts) != 0 {
		t.Errorf("conflicts: %+v", s.GlossaryConflicts)
	}
	g := s.Glossary
	if n := len(g.Terms()); n != 42 {
		t.Errorf("%d terms, want 42 (44 definition rows, OPA and K3s in two tables)", n)
	}
	k8s := g.Lookup("K8s")
	if k8s == nil || k8s.Expansion != "Kubernetes" || len(k8s.Fields) != 0 || !slices.Equal(k8s.Related, []string{"K3s", "CRI"}) {
		t.Fatalf("K8s = %+v", k8s)
	}
	if opa := g.Lookup("OPA"); opa == nil || len(opa.Entries) != 2 || !slices.Equal(opa.Related, []string{"Rego", "RBAC"}) {
		t.Errorf("OPA, defined in two tables, = %+v", opa)
	}
	for term, want := range map[string]string{"etcd": "etcd key-value store", "Gatekeeper": "OPA Gatekeeper", "容器": "container"} {
		if got := g.Lookup(term); got == nil || got.Expansion != want {
			t.Errorf("%s = %+v, want expansion %q", term, got, want)
		}
	}

	page := bodies[source]
	for _, want := range []string{
		`<td id="term-k8s"><a class="term" href="/glossary/#term-k8s"`,
		`<td id="term-etcd"><a class="term" href="/glossary/#term-etcd"`,
		`<td><a class="term" href="/glossary/#term-k3s"`, // defined again: linked, no second anchor
	} {
		if !strings.Contains(page, want) {
			t.Errorf("source page lacks %s", want)
		}
	}
	if n := strings.Count(page, `id="term-`); n != 42 {
		t.Errorf("%d term anchors on the source page, want 42", n)
	}
	if n := strings.Count(page, `href="/glossary/#term-k8s"`); n != 1 {
		t.Errorf("%d links to K8s's entry; want 1, from its definition row, none from the relation tables", n)
	}

	guide := bodies["docs/guide.md"]
	var marked []string
	for _, part := range strings.Split(guide, `<abbr title="`)[1:] {
		_, rest, _ := strings.Cut(part, `">`)
		text, _, _ := strings.Cut(rest, "</abbr>")
		marked = append(marked, text)
	}
	if want := []string{"K8s", "HA", "K3s", "CRI", "容器", "镜像", "wasm"}; !slices.Equal(marked, want) {
		t.Errorf("guide marks %q, want %q", marked, want)
	}

	list := s.ByURL["/glossary/"]
	if list == nil || !list.Generated {
		t.Fatalf("no generated /glossary/ page")
	}
	for _, want := range []string{`<dt id="term-k8s">`, `<a href="#term-k3s">K3s</a>`, `<a href="/docs/guide/">部署指南</a>`} {
		if !strings.Contains(string(list.Appendix), want) {
			t.Errorf("/glossary/ lacks %s", want)
		}
	}
}

// TestGlossarySourceByConfig: a page no rule finds is a source when the
// configuration lists it.
func TestGlossarySourceByConfig(t *testing.T) {
	dir := sitetest.Tree(t, "-- notes/words.md --\n# 词\n\n| 术语 | 解释 |\n|---|---|\n| 调度器 | 挑选节点 |\n-- a.md --\n# A\n\n调度器在这里。\n")
	pr := load.NewParser(load.WithWorkers(1))
	defer pr.Close()
	s, err := pr.Site(load.Options{Content: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Glossary.Terms()) != 0 {
		t.Errorf("words.md is no source without configuration")
	}
	cfg := s.Config
	cfg.Glossary = []string{"notes/words.md"}
	s, err = pr.Site(load.Options{Content: dir, Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	if ts := s.Glossary.Terms(); len(ts) != 1 || ts[0].Term != "调度器" {
		t.Errorf("terms %v", ts)
	}
}

package index_test

import (
	"fmt"
	"math/rand/v2"
	"sync/atomic"
	"testing"
	"time"

	"github.com/yuin/goldmark/ast"

	"docsite/internal/glossary"
	"docsite/internal/index"
	"docsite/internal/load"
	"docsite/internal/site"
	"docsite/internal/sitetest"
)

// BenchmarkGlossaryShare builds ../shared/corpus-dev as the build does
// (parse, annotate, render, index) with a glossary of 500 terms, and
// reports the glossary's share of the time: annotating every page, making
// the glossary and writing its list page. The parse is warm: the math
// engine's cache is the one the build keeps.
func BenchmarkGlossaryShare(b *testing.B) {
	corpus := sitetest.Shared(b, "corpus-dev")
	g := glossary500()
	pr := load.NewParser(load.WithWorkers(2))
	defer pr.Close()
	var share float64
	for range b.N {
		var annotate atomic.Int64
		start := time.Now()
		s, err := pr.Site(load.Options{Content: corpus, Page: func(s *site.Site, p *site.Page, doc ast.Node) {
			t := time.Now()
			p.Terms = glossary.Annotate(doc, p.Source, g, "/glossary/", p.Lang)
			annotate.Add(int64(time.Since(t)))
			if _, err := pr.Converter.Render(p, doc, func(string) (string, bool) { return "", false }); err != nil {
				b.Error(err)
			}
		}})
		if err != nil {
			b.Fatal(err)
		}
		t := time.Now()
		s.Glossary, _ = glossary.New(entries500())
		index.Lists(s)
		lists := time.Since(t)
		total := time.Since(start)
		// Annotate runs on two workers: its wall time is half its sum.
		share = (float64(annotate.Load())/2 + float64(lists)) / float64(total)
		b.Logf("annotate %v (sum over workers), lists %v, total %v", time.Duration(annotate.Load()), lists, total)
	}
	b.ReportMetric(100*share, "glossary-%")
}

func entries500() []glossary.Entry {
	r := rand.New(rand.NewPCG(1, 2))
	es := []glossary.Entry{}
	seen := map[string]bool{}
	for _, t := range []string{"K8s", "K3s", "CRI", "OCI", "OPA", "Rego", "Wasm", "WASI", "HPA", "API", "CNCF", "IoT", "CI", "YAML", "容器", "镜像", "调度"} {
		seen[t] = true
		es = append(es, glossary.Entry{Term: t, Expansion: "expansion of " + t})
	}
	for len(es) < 500 {
		n := 2 + r.IntN(4)
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('A' + r.IntN(26))
		}
		if t := string(b); !seen[t] {
			seen[t] = true
			es = append(es, glossary.Entry{Term: t, Expansion: fmt.Sprintf("expansion %d", len(es))})
		}
	}
	return es
}

func glossary500() *glossary.Glossary {
	g, _ := glossary.New(entries500())
	return g
}

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// diagramResult is the cost of drawing diagrams at build time
// (mermaid: {render: build}) and what a reader downloads either way.
type diagramResult struct {
	diagrams       int    // mermaid fences in the corpus
	cold, warm     series // builds with render: build
	page           string // the flowchart page weighed
	client, static weight // that page drawn in the browser / at build time
	err            error
}

// weight is what a page fetched once every diagram on it was drawn:
// the page and every resource, bodies as sent (FileServer sends no gzip).
type weight struct {
	bytes, requests int
	err             error
}

func (b *bench) measureDiagrams(ctx context.Context) *diagramResult {
	o := b.opts
	r := &diagramResult{diagrams: countFences(o.corpus)}
	cfg := b.path("diagrams.yaml")
	if err := os.WriteFile(cfg, []byte("mermaid:\n  render: build\n"), 0o644); err != nil {
		r.err = err
		return r
	}
	site, cache := b.path("diagrams-site"), b.path("diagrams-cache")
	build := b.docsiteJob("docsite build, render: build (cold)", nil,
		"build", "--content", o.corpus, "--out", site, "--cache-dir", cache, "--config", cfg)
	// A cold build starts Chromium and draws every diagram twice: one run
	// is minutes, so it runs once, with room to finish.
	build.timeout = 30 * time.Minute
	b.interleave(ctx, 1, task{j: build, s: &r.cold, before: b.aside(site, cache)})
	if r.cold.err == nil {
		build.name = "docsite build, render: build (warm)"
		b.interleave(ctx, o.runs, task{j: build, s: &r.warm})
	}
	page, err := flowchartPage(b.path("site"))
	if err != nil {
		r.err = err
		return r
	}
	r.page = page
	r.client = weigh(ctx, b.path("site"), page)
	if r.cold.err == nil {
		r.static = weigh(ctx, site, page)
	}
	return r
}

// countFences counts the opening ```mermaid fences of the corpus.
func countFences(dir string) int {
	files, _ := markdownFiles(dir)
	n := 0
	for _, f := range files {
		data, _ := os.ReadFile(filepath.Join(dir, f))
		n += strings.Count(string(data), "```mermaid\n")
	}
	return n
}

// flowchartPage picks the built page (client mode) with the most
// flowcharts and no other kind of diagram: the page the budget is about.
func flowchartPage(site string) (string, error) {
	best, most := "", 0
	err := filepath.WalkDir(site, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "index.html" {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		html := string(data)
		all := strings.Count(html, `<pre class="mermaid">`)
		flow := strings.Count(html, `<pre class="mermaid">graph `) + strings.Count(html, `<pre class="mermaid">flowchart `)
		if all == flow && flow > most && !strings.Contains(html, `class="diagram-error"`) {
			rel, _ := filepath.Rel(site, filepath.Dir(p))
			best, most = "/"+filepath.ToSlash(rel)+"/", flow
		}
		return nil
	})
	if err == nil && best == "" {
		err = fmt.Errorf("no page with flowcharts only in %s", site)
	}
	return best, err
}

// weigh opens page of the site in headless Chromium, scrolls it through
// so every diagram nears the viewport, waits until all are drawn, and
// sums what was fetched.
func weigh(ctx context.Context, site, page string) weight {
	chrome := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			chrome = p
			break
		}
	}
	if chrome == "" {
		return weight{err: fmt.Errorf("no Chromium on PATH")}
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(site)))
	defer srv.Close()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chrome), chromedp.NoSandbox,
		chromedp.Flag("disable-component-update", true))
	actx, cancel := chromedp.NewExecAllocator(ctx, opts...)
	defer cancel()
	tctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	tctx, cancel = context.WithTimeout(tctx, 2*time.Minute)
	defer cancel()
	if err := chromedp.Do(tctx, chromedp.Navigate(srv.URL+page)); err != nil {
		return weight{err: err}
	}
	const scroll = `(async () => {
	  for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) { scrollTo(0, y); await new Promise(r => setTimeout(r, 30)); }
	  const deadline = Date.now() + 60000;
	  while ([...document.querySelectorAll("pre.mermaid")].some(e => !e.dataset.scheme) && Date.now() < deadline) await new Promise(r => setTimeout(r, 100));
	  await new Promise(r => setTimeout(r, 500));
	  const es = [performance.getEntriesByType("navigation")[0], ...performance.getEntriesByType("resource")];
	  return JSON.stringify({bytes: es.reduce((n, e) => n + e.encodedBodySize, 0), requests: es.length});
	})()`
	out, err := chromedp.Run(tctx, chromedp.Evaluate[string](scroll, chromedp.EvalAwaitPromise))
	if err != nil {
		return weight{err: err}
	}
	var w struct{ Bytes, Requests int }
	if err := json.Unmarshal([]byte(out), &w); err != nil {
		return weight{err: err}
	}
	return weight{bytes: w.Bytes, requests: w.Requests}
}

func (w weight) String() string {
	if w.err != nil {
		return "failed: " + trimErr(w.err)
	}
	return fmt.Sprintf("%s in %d requests", fmtBytes(int64(w.bytes)), w.requests)
}

// rows are the diagram lines of the table.
func (r *diagramResult) rows(b *bench) []row {
	out := []row{{measure: "diagrams: corpus", ours: fmt.Sprintf("%d mermaid blocks", r.diagrams)}}
	out = append(out, b.durRow("diagrams, render: build, cold build: time", r.cold, nil, "", nil))
	if r.cold.ok() && b.cold.ok() && r.diagrams > 0 {
		// what drawing adds to a cold build, per 100 diagrams
		d := max(r.cold.wall()-b.cold.wall(), 0) * 100 / time.Duration(r.diagrams)
		out = append(out, row{measure: "diagrams, render: build, cold: per 100 diagrams", ours: fmtDur(d)})
	}
	out = append(out, b.durRow("diagrams, render: build, warm build: time", r.warm, nil, "≤ 1.5 s",
		func(d time.Duration, _ *time.Duration) bool { return d <= 1500*time.Millisecond }))
	if r.err != nil {
		return append(out, row{measure: "diagrams: page weight", ours: "failed: " + trimErr(r.err)})
	}
	out = append(out,
		row{measure: "diagrams: flowchart page " + r.page + ", drawn in the browser", ours: r.client.String()},
		row{measure: "diagrams: the same page drawn at build time", ours: r.static.String()})
	return out
}

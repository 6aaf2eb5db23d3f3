package graph_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"docsite/internal/browsertest"
	"docsite/render/graph"
)

// TestBrowserGraphCorpus draws the 1,200-page corpus graph and measures
// frames while panning: the time between animation frames and the time the
// draw itself takes. Set GRAPH_SCREENSHOT=file.png to keep a picture.
func TestBrowserGraphCorpus(t *testing.T) {
	s := corpusSite(t)
	ctx := browsertest.Start(t)
	dir := t.TempDir()
	lang := s.Langs[0]
	g := graph.Build(s, lang)
	graph.Layout(g)
	writeFile(t, dir, graph.DataFile(lang), graph.JSON(g))
	for _, a := range []string{"js/graph.js", "css/graph.css", "css/site.css"} {
		b, err := os.ReadFile(filepath.Join("../../themes/default/assets", a))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, dir, "assets/"+a, b)
	}
	page := `<!DOCTYPE html><html lang="zh-CN" data-base="/" data-theme="light"><head><meta charset="utf-8">
<link rel="stylesheet" href="/assets/css/site.css"><link rel="stylesheet" href="/assets/css/graph.css"></head>
<body><main class="content"><article class="markdown-body">` + string(graph.PageBody(s, lang)) + `</article></main>
<script src="/assets/js/graph.js"></script></body></html>`
	writeFile(t, dir, "graph/index.html", []byte(page))
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	t.Cleanup(srv.Close)

	do(t, ctx, chromedp.EmulateViewport(1280, 1000), chromedp.Navigate(srv.URL+"/graph/"))
	if !browsertest.WaitFor(t, ctx, `window.__graph && window.__graph.drawn > 0`, 20*time.Second) {
		t.Fatal("corpus graph never drawn")
	}
	if n := eval[int](t, ctx, `window.__graph.drawn`); n != len(g.Nodes) {
		t.Errorf("drew %d of %d nodes", n, len(g.Nodes))
	}
	if shot := os.Getenv("GRAPH_SCREENSHOT"); shot != "" {
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(shot, png, 0o644)
	}
	res, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]float64](`window.__graph.bench(120)`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d nodes, %d edges: %.1f ms between frames, %.1f ms drawing a frame", len(g.Nodes), len(g.Edges), res["frame"], res["draw"])
	if res["draw"] > 50 {
		t.Errorf("a frame takes %.1f ms to draw", res["draw"])
	}
}

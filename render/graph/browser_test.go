package graph_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"docsite/internal/browsertest"
	"docsite/internal/config"
	"docsite/internal/site"
	"docsite/render/build"
	"docsite/render/graph"
	"docsite/render/html"
)

// serveSite builds content with the real pipeline and adds what this
// package provides the way the build is meant to, unless the build already
// does: data files, backlinks and the local graph at the end of each page
// body, the graph page, and the stylesheet and scripts in every page.
func serveSite(t *testing.T, content string) (*httptest.Server, *site.Site) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	res, err := build.Build(build.Options{Content: content, Out: out, Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	s := res.Site
	for name, b := range graph.Files(s) {
		writeFile(t, out, name, b)
	}
	// Spread the previews over 8 shards, more than so small a site gets,
	// so the browser must find each with the same hash as graph.Shard.
	const shards = 8
	parts := make([]map[string]graph.Preview, shards)
	for i := range parts {
		parts[i] = map[string]graph.Preview{}
	}
	for k, pv := range graph.Previews(s) {
		page, _, _ := strings.Cut(k, "#")
		parts[graph.Shard(page, shards)][k] = pv
	}
	writeFile(t, out, "assets/previews/index.json", []byte(`{"shards":8}`))
	for i, m := range parts {
		b, _ := json.Marshal(m)
		writeFile(t, out, "assets/previews/"+strconv.Itoa(i)+".json", b)
	}
	bl := graph.Backlinks(s)
	for _, p := range s.Pages {
		if s.ByURL[p.URL] != p {
			continue
		}
		file := filepath.Join(out, filepath.FromSlash(build.PageFile(p.URL)))
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(b), `class="local-graph"`) || strings.Contains(string(b), "assets/js/graph.js") {
			continue // the build wires this package in itself
		}
		extra := string(graph.BacklinksHTML(bl[p], s, p.Lang)) + string(graph.LocalHTML(s, p))
		page := strings.Replace(string(b), "</article>", extra+"</article>", 1)
		page = wire(page)
		writeFile(t, out, build.PageFile(p.URL), []byte(page))
	}
	// The graph page, through the theme's own page template.
	pl, err := build.NewPipeline(build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	layout := html.NewLayout(s)
	for _, lang := range s.Langs {
		gp := graph.NewPage(s, lang)
		if b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(build.PageFile(gp.URL)))); err == nil && strings.Contains(string(b), "assets/js/graph.js") {
			continue
		}
		b, err := pl.Theme.Page(layout, gp, html.Options{})
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, out, build.PageFile(gp.URL), []byte(wire(string(b))))
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	return srv, s
}

// wire adds the stylesheet and the two scripts, as the theme's page
// template will.
func wire(page string) string {
	page = strings.Replace(page, "</head>", `<link rel="stylesheet" href="/assets/css/graph.css"></head>`, 1)
	return strings.Replace(page, "</body>", `<script src="/assets/js/preview.js" defer></script>
<script src="/assets/js/graph.js" defer></script></body>`, 1)
}

func writeFile(t *testing.T, dir, name string, b []byte) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// do and eval are the shared browser helpers, under short names.
func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	browsertest.Do(t, ctx, steps...)
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	return browsertest.Value[T](t, ctx, js)
}

// TestBrowserGraph opens the graph page: every node is drawn, a click on a
// node opens its page, and the page's local graph draws its neighbourhood.
func TestBrowserGraph(t *testing.T) {
	ctx := browsertest.Start(t)
	srv, s := serveSite(t, "testdata/site")
	g := graph.Build(s, s.Langs[0])
	do(t, ctx, chromedp.EmulateViewport(1200, 900), chromedp.Navigate(srv.URL+"/graph/"))
	if !browsertest.WaitFor(t, ctx, `window.__graph && window.__graph.drawn > 0`, 10*time.Second) {
		t.Fatalf("graph never drawn: %s", browsertest.Eval(t, ctx, `JSON.stringify(window.__graph || null)`))
	}
	if n := eval[int](t, ctx, `window.__graph.drawn`); n != len(g.Nodes) {
		t.Errorf("drew %d nodes, the graph has %d", n, len(g.Nodes))
	}
	if legend := eval[string](t, ctx, `document.querySelector(".graph-legend").textContent`); !strings.Contains(legend, "理念层") {
		t.Errorf("legend %q", legend)
	}
	// Wheel zooms about the pointer; a drag on empty canvas pans and opens
	// nothing.
	box := eval[map[string]float64](t, ctx, `(function(){var r=document.querySelector(".graph-full canvas").getBoundingClientRect();return {x:r.left,y:r.top,w:r.width,h:r.height}})()`)
	k0 := eval[float64](t, ctx, `window.__graph.views[0].k`)
	do(t, ctx, chromedp.MouseEvent("mouseWheel", box["x"]+box["w"]/2, box["y"]+box["h"]/2, func(p *input.DispatchMouseEventParams) { p.DeltaX, p.DeltaY = 1e-9, -300 }))
	if k1 := eval[float64](t, ctx, `window.__graph.views[0].k`); !(k1 > k0*1.2) {
		t.Errorf("wheel up: scale %v → %v", k0, k1)
	}
	tx0 := eval[float64](t, ctx, `window.__graph.views[0].tx`)
	x, y := box["x"]+10, box["y"]+box["h"]-10
	do(t, ctx, chromedp.MouseEvent("mousePressed", x, y, chromedp.ButtonLeft),
		chromedp.MouseEvent("mouseMoved", x+30, y, chromedp.ButtonLeft),
		chromedp.MouseEvent("mouseMoved", x+60, y, chromedp.ButtonLeft),
		chromedp.MouseEvent("mouseReleased", x+60, y, chromedp.ButtonLeft))
	if tx1 := eval[float64](t, ctx, `window.__graph.views[0].tx`); tx1-tx0 < 50 {
		t.Errorf("drag by 60px moved the view by %v", tx1-tx0)
	}
	if p := eval[string](t, ctx, `location.pathname`); p != "/graph/" {
		t.Fatalf("a drag opened %s", p)
	}

	browsertest.Eval(t, ctx, `document.querySelector(".graph-controls [data-act=reset]").click(); ""`)
	if k := eval[float64](t, ctx, `window.__graph.views[0].k`); k != k0 {
		t.Errorf("reset left the scale at %v, not %v", k, k0)
	}
	pt := eval[map[string]float64](t, ctx, `window.__graph.screen("/02-principles/")`)
	do(t, ctx, chromedp.MouseEvent("mouseMoved", pt["x"], pt["y"]), chromedp.MouseClickXY(pt["x"], pt["y"]))
	if !browsertest.WaitFor(t, ctx, `location.pathname === "/02-principles/"`, 5*time.Second) {
		t.Fatalf("click on the node left the page at %s", browsertest.Eval(t, ctx, `location.href`))
	}

	// The local graph: the page and the pages linked to or from it.
	if !browsertest.WaitFor(t, ctx, `document.readyState === "complete" && !!document.querySelector(".local-graph canvas")`, 10*time.Second) {
		t.Fatal("the linked page has no local graph")
	}
	browsertest.Eval(t, ctx, `document.querySelector(".local-graph canvas").scrollIntoView(); ""`)
	if !browsertest.WaitFor(t, ctx, `window.__graph.drawn > 0`, 10*time.Second) {
		t.Fatal("local graph never drawn")
	}
	p := s.ByURL["/02-principles/"]
	near := map[int]bool{}
	for _, e := range g.Edges {
		if g.Nodes[e.From].Page == p || g.Nodes[e.To].Page == p {
			near[e.From], near[e.To] = true, true
		}
	}
	want := len(near)
	if n := eval[int](t, ctx, `window.__graph.drawn`); n != want {
		t.Errorf("local graph drew %d nodes, want %d", n, want)
	}
	// Its "open the whole graph" link highlights the page there.
	browsertest.Eval(t, ctx, `document.querySelector(".graph-open a").click(); ""`)
	if !browsertest.WaitFor(t, ctx, `location.pathname === "/graph/" && window.__graph.views.length > 0 && window.__graph.views[0].current >= 0 && window.__graph.drawn > 0`, 10*time.Second) {
		t.Fatalf("the whole graph opened from a page highlights nothing (%s)", browsertest.Eval(t, ctx, `location.href`))
	}
	if u := eval[string](t, ctx, `(function(v){return v.g.nodes[v.current].url})(window.__graph.views[0])`); u != "/02-principles/" {
		t.Errorf("highlighted %s", u)
	}
	// Dark theme redraws with the theme's colours.
	frames := eval[int](t, ctx, `window.__graph.frames`)
	browsertest.Eval(t, ctx, `document.documentElement.dataset.theme = "dark"; document.dispatchEvent(new CustomEvent("docsite:themechange")); ""`)
	if !browsertest.WaitFor(t, ctx, `window.__graph.frames > `+strconv.Itoa(frames), 5*time.Second) {
		t.Error("theme change did not redraw")
	}
}

// TestBrowserPreview focuses and hovers links: the card shows the target's
// title and section, Escape hides it, a link to the page itself shows none.
func TestBrowserPreview(t *testing.T) {
	ctx := browsertest.Start(t)
	srv, _ := serveSite(t, "testdata/site")
	// A headless tab is never the focused window; without this, focus()
	// moves activeElement but fires no focus events.
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.EmulateViewport(1200, 900), chromedp.Navigate(srv.URL+"/01-overview/"),
		chromedp.WaitReady(chromedp.CSS(".markdown-body")))
	const link = `.markdown-body a[href^="/02-principles/#"]`
	do(t, ctx, chromedp.Focus(chromedp.CSS(link)))
	if !browsertest.WaitFor(t, ctx, `!document.getElementById("docsite-link-preview").hidden`, 5*time.Second) {
		t.Fatalf("focusing a link showed no preview: %s", browsertest.Eval(t, ctx, `JSON.stringify({links: Array.from(document.querySelectorAll(".markdown-body a")).map(a => a.getAttribute("href")), active: document.activeElement.outerHTML, p: window.__preview || null})`))
	}
	card := eval[string](t, ctx, `document.getElementById("docsite-link-preview").innerText`)
	t.Logf("card: %q", card)
	for _, want := range []string{"理念层", "2.1 声明式", "声明式 API 描述期望状态"} {
		if !strings.Contains(card, want) {
			t.Errorf("card lacks %q", want)
		}
	}
	if d := eval[string](t, ctx, `document.querySelector('`+link+`').getAttribute("aria-describedby") || ""`); d != "docsite-link-preview" {
		t.Errorf("aria-describedby = %q", d)
	}
	do(t, ctx, chromedp.KeyEvent(kb.Escape))
	if !eval[bool](t, ctx, `document.getElementById("docsite-link-preview").hidden`) {
		t.Error("Escape left the card open")
	}

	// A link to this very page shows nothing.
	do(t, ctx, chromedp.Focus(chromedp.CSS(`.markdown-body a[href="/01-overview/"]`)), chromedp.Sleep(900*time.Millisecond))
	if !eval[bool](t, ctx, `document.getElementById("docsite-link-preview").hidden`) {
		t.Error("a link to the page itself showed a preview")
	}

	// Hovering with the mouse: the page preview of the backlink entry.
	do(t, ctx, chromedp.ScrollIntoView(chromedp.CSS(`.backlinks a[href="/"]`)))
	r := eval[map[string]float64](t, ctx, `(function(){var r=document.querySelector('.backlinks a[href="/"]').getBoundingClientRect();return {x:r.left+r.width/2,y:r.top+r.height/2}})()`)
	do(t, ctx, chromedp.MouseEvent("mouseMoved", r["x"]-40, r["y"]-40), chromedp.MouseEvent("mouseMoved", r["x"], r["y"]))
	if !browsertest.WaitFor(t, ctx, `!document.getElementById("docsite-link-preview").hidden`, 5*time.Second) {
		t.Fatal("hovering a link showed no preview")
	}
	if text := eval[string](t, ctx, `document.querySelector("#docsite-link-preview .preview-text").textContent`); !strings.Contains(text, "本知识库从总览开始") {
		t.Errorf("home page preview text %q", text)
	}
}

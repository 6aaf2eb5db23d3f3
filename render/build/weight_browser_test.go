package build

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"docsite/internal/browsertest"
	"docsite/internal/config"
)

// resources lists what the page fetched so far, as paths.
func resources(t *testing.T, ctx context.Context) []string {
	t.Helper()
	raw := browsertest.Eval(t, ctx, `JSON.stringify(performance.getEntriesByType("resource").map(e => new URL(e.name).pathname))`)
	var out []string
	if err := json.Unmarshal([]byte(raw), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func under(paths []string, prefix string) []string {
	var out []string
	for _, p := range paths {
		if strings.HasPrefix(p, prefix) {
			out = append(out, p)
		}
	}
	return out
}

// TestBrowserLoadsOnDemand: a page loads no sidebar pieces, graph code or
// graph data until the reader asks. Opening a closed folder fetches that
// folder's piece and shows it (by click and by keyboard), the local graph
// fetches graph.js and the page's own piece when it scrolls into view, and
// a hover preview fetches one shard.
func TestBrowserLoadsOnDemand(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir,
		"README.md", "# 首页\n\n见 [第一章](01-ch1/README.md)。\n",
		"01-ch1/README.md", "# 第一章\n\n第一章讲基础。\n",
		"01-ch1/01-a.md", "# 甲\n\n甲页的第一段，讲容器运行时的来历。\n\n链接到 [乙](../02-ch2/01-b.md)。\n",
		"01-ch1/02-c.md", "# 丙\n\n丙页。\n",
		"02-ch2/README.md", "# 第二章\n\n第二章。\n",
		"02-ch2/01-b.md", "# 乙\n\n乙页正文。\n\n"+strings.Repeat("填充的段落，让页面足够长。\n\n", 80)+"回到 [甲](../01-ch1/01-a.md)。\n",
		"03-ch3/README.md", "# 第三章\n\n第三章。\n",
		"03-ch3/01-d.md", "# 丁\n\n丁页。\n",
	)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Content: dir, Out: out, Config: config.Default()}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	ctx := browsertest.Start(t)
	browsertest.Do(t, ctx, chromedp.EmulateViewport(1200, 800), chromedp.Navigate(srv.URL+"/02-ch2/01-b/"))
	if !browsertest.WaitFor(t, ctx, `document.readyState === "complete" && !!window.__nav`, 10*time.Second) {
		t.Fatal("page never loaded")
	}
	got := resources(t, ctx)
	for _, lazy := range []string{"/assets/nav/", "/assets/graph/", "/assets/js/graph.js", "/assets/css/graph.css", "/assets/css/glossary.css", "/assets/previews/"} {
		if u := under(got, lazy); len(u) > 0 {
			t.Errorf("loaded before anyone asked: %v", u)
		}
	}

	// Open chapter 1 with a click: its piece is fetched and its three
	// entries shown; closing and opening again fetches nothing more.
	fold := `document.querySelector('#sidebar button[aria-label="第一章"]')`
	browsertest.Eval(t, ctx, fold+`.click(); ""`)
	if !browsertest.WaitFor(t, ctx, fold+`.closest("li").querySelectorAll(":scope > ul a").length === 2`, 5*time.Second) {
		t.Fatalf("chapter 1 did not open: %s", browsertest.Eval(t, ctx, fold+`.closest("li").outerHTML`))
	}
	if e := browsertest.Eval(t, ctx, fold+`.getAttribute("aria-expanded")`); e != "true" {
		t.Errorf("aria-expanded %s after opening", e)
	}
	browsertest.Eval(t, ctx, fold+`.click(); ""`)
	if browsertest.Eval(t, ctx, fold+`.getAttribute("aria-expanded") + " " + `+fold+`.closest("li").querySelector(":scope > ul").hidden`) != "false true" {
		t.Error("a second click did not close chapter 1")
	}
	browsertest.Eval(t, ctx, fold+`.click(); ""`)
	// Chapter 3 by keyboard: focus its button, press Enter.
	fold3 := `document.querySelector('#sidebar button[aria-label="第三章"]')`
	browsertest.Eval(t, ctx, fold3+`.focus(); ""`)
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Enter))
	if !browsertest.WaitFor(t, ctx, fold3+`.closest("li").querySelectorAll(":scope > ul a").length === 1`, 5*time.Second) {
		t.Error("Enter on chapter 3's button did not open it")
	}
	if n := len(under(resources(t, ctx), "/assets/nav/")); n != 2 {
		t.Errorf("%d sidebar pieces fetched, want 2 (one per folder opened)", n)
	}

	// The local graph: graph.js and the page's own piece, never the whole graph.
	browsertest.Eval(t, ctx, `document.querySelector(".local-graph").scrollIntoView(); ""`)
	if !browsertest.WaitFor(t, ctx, `window.__graph && window.__graph.drawn > 0`, 10*time.Second) {
		t.Fatal("local graph never drawn")
	}
	data := under(resources(t, ctx), "/assets/graph/")
	want := browsertest.Eval(t, ctx, `new URL(document.querySelector(".graph-local").dataset.graph, location.href).pathname`)
	if len(data) != 1 || data[0] != want || !strings.HasPrefix(want, "/assets/graph/zh-CN/") {
		t.Errorf("graph data fetched: %v, want only %s", data, want)
	}
	if n := browsertest.Eval(t, ctx, `String(window.__graph.drawn)`); n != "2" {
		t.Errorf("local graph drew %s nodes, want 2 (乙 and 甲)", n)
	}

	// A hover preview on the link to 甲.
	browsertest.Eval(t, ctx, `document.querySelector('.markdown-body p a[href="/01-ch1/01-a/"]').scrollIntoView({block: "center"}); ""`)
	box := browsertest.Value[map[string]float64](t, ctx, `(function(){var r=document.querySelector('.markdown-body p a[href="/01-ch1/01-a/"]').getBoundingClientRect();return {x:r.left+r.width/2,y:r.top+r.height/2}})()`)
	browsertest.Do(t, ctx, chromedp.MouseEvent("mouseMoved", box["x"], box["y"]))
	if !browsertest.WaitFor(t, ctx, `!!(window.__preview && window.__preview.shown)`, 5*time.Second) {
		t.Fatal("no preview card on hover")
	}
	if text := browsertest.Eval(t, ctx, `document.querySelector(".link-preview").innerText`); !strings.Contains(text, "甲页的第一段") {
		t.Errorf("preview card says %q", text)
	}
	if n := len(under(resources(t, ctx), "/assets/previews/")); n != 2 {
		t.Errorf("%d preview files fetched, want the index and one shard", n)
	}
}

// TestBrowserLongPage: on a long page, whose far blocks the browser lays
// out only near the screen, the first screen never moves as it paints and
// a link to the last section lands on it.
func TestBrowserLongPage(t *testing.T) {
	var long strings.Builder
	long.WriteString("# 长页\n\n")
	for i := 1; i <= 120; i++ {
		fmt.Fprintf(&long, "## 第 %d 节\n\n%s\n\n", i, strings.Repeat("- 列表项，写得长一些，让它在手机上折成两行也不奇怪。\n", 12))
	}
	dir := t.TempDir()
	writeFiles(t, dir, "long.md", long.String())
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Content: dir, Out: out, Config: config.Default()}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	ctx := browsertest.Start(t)
	browsertest.Do(t, ctx, chromedp.EmulateViewport(390, 800), chromedp.Navigate(srv.URL+"/long/"))
	if !browsertest.WaitFor(t, ctx, `document.readyState === "complete"`, 10*time.Second) {
		t.Fatal("page never loaded")
	}
	if c := browsertest.Eval(t, ctx, `document.querySelector("article").className`); c != "markdown-body long" {
		t.Fatalf("article class %q", c)
	}
	browsertest.Eval(t, ctx, `window.__shift = 0; window.__frames = 0;
		new PerformanceObserver(function (l) { l.getEntries().forEach(function (e) { window.__shift += e.value; }); })
			.observe({type: "layout-shift", buffered: true});
		requestAnimationFrame(function () { requestAnimationFrame(function () { window.__frames = 2; }); }); ""`)
	browsertest.WaitFor(t, ctx, `window.__frames === 2`, 5*time.Second)
	shift := browsertest.Value[float64](t, ctx, `window.__shift`)
	if shift > 0.01 {
		t.Errorf("layout shift %.3f while the page painted", shift)
	}
	last := browsertest.Eval(t, ctx, `(function(){var h=document.querySelectorAll("article > h2");return h[h.length-1].id})()`)
	browsertest.Do(t, ctx, chromedp.Navigate(srv.URL+"/long/#"+last))
	ok := browsertest.WaitFor(t, ctx, `(function(){var r=document.getElementById(`+"`"+last+"`"+`).getBoundingClientRect();return r.top >= -2 && r.top < 200})()`, 5*time.Second)
	if !ok {
		t.Errorf("the link to #%s left its heading at %s", last, browsertest.Eval(t, ctx, `String(document.getElementById(`+"`"+last+"`"+`).getBoundingClientRect().top)`))
	}
}

// TestBrowserLongFolder: a folder of 80 pages shows its ends and the
// entries around the page, with a "…" row for each gap; the row fetches
// the folder's piece and shows every entry, the page still marked and its
// branch still open.
func TestBrowserLongFolder(t *testing.T) {
	out := treeSite(t, 2, 1, 80)
	page := "/01-ch1/01-sec1/40-page40/"
	nav := sidebarOf(t, out, strings.Trim(page, "/"))
	if n, more := len(navLinkRE.FindAllString(nav, -1)), strings.Count(nav, `class="nav-more"`); n != 2+1+41 || more != 2 {
		t.Fatalf("long folder: %d links and %d gaps in the sidebar, want 44 and 2", n, more)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	ctx := browsertest.Start(t)
	browsertest.Do(t, ctx, chromedp.EmulateViewport(1200, 800), chromedp.Navigate(srv.URL+page))
	if !browsertest.WaitFor(t, ctx, `document.readyState === "complete" && !!window.__nav`, 10*time.Second) {
		t.Fatal("page never loaded")
	}
	browsertest.Eval(t, ctx, `document.querySelector("#sidebar .nav-more button").click(); ""`)
	list := `document.querySelector('#sidebar a[aria-current="page"]').closest("ul")`
	if !browsertest.WaitFor(t, ctx, list+`.querySelectorAll(":scope > li > a").length === 80`, 5*time.Second) {
		t.Fatalf("the gap did not fill: %s entries", browsertest.Eval(t, ctx, `String(`+list+`.children.length)`))
	}
	if n := browsertest.Eval(t, ctx, `String(document.querySelectorAll("#sidebar .nav-more").length)`); n != "0" {
		t.Errorf("%s gaps left after the folder's piece came", n)
	}
	if e := browsertest.Eval(t, ctx, `document.querySelector('#sidebar button[aria-label="节 1.1"]').getAttribute("aria-expanded")`); e != "true" {
		t.Errorf("the page's folder is no longer open: %s", e)
	}
}

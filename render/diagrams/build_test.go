package diagrams_test

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"docsite/internal/browsertest"
	"docsite/internal/config"
	"docsite/internal/sitetest"
	"docsite/render/build"
	"docsite/render/diagrams"
)

// TestBrowserBuildTime: with mermaid: {render: build} every diagram is SVG
// in the page, light and dark, and the page carries and fetches no
// mermaid; the shown drawing keeps its size across the theme toggle and
// passes AA in dark; a warm build draws nothing.
func TestBrowserBuildTime(t *testing.T) {
	browsertest.Start(t) // skips without Chromium, as Draw would fail
	content := sitetest.Tree(t, pages())
	cfg := config.Default()
	cfg.Mermaid.Render = "build"
	cacheDir := t.TempDir()
	out := filepath.Join(t.TempDir(), "public")
	res, err := build.Build(build.Options{Content: content, Out: out, CacheDir: cacheDir, Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	if st := res.Diagrams; st.Diagrams != 2 || st.Drawn != 2 || st.Cached != 0 || st.Failed != 0 {
		t.Errorf("cold build: %+v", st)
	}
	t.Logf("cold: %+v", res.Diagrams)
	res, err = build.Build(build.Options{Content: content, Out: out, CacheDir: cacheDir, Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	if st := res.Diagrams; st.Drawn != 0 || st.Cached != 2 {
		t.Errorf("warm build drew again: %+v", st)
	}
	t.Logf("warm: %+v", res.Diagrams)
	page, err := os.ReadFile(filepath.Join(out, "flow", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(page)
	if strings.Contains(html, "mermaid-init.js") || strings.Contains(html, `class="mermaid"`) || strings.Count(html, "<svg") != 2 {
		t.Errorf("the built page is not two drawings without script")
	}
	broken, _ := os.ReadFile(filepath.Join(out, "broken", "index.html"))
	if !strings.Contains(string(broken), "Diagram error, line 5:") {
		t.Error("a broken diagram is not shown as its source in build mode")
	}

	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	ctx := browsertest.Start(t)
	navigate(t, ctx, srv.URL+"/flow/")
	browsertest.Eval(t, ctx, `document.querySelector(".diagram").scrollIntoView(), ""`)
	time.Sleep(300 * time.Millisecond)
	rs := resources(t, ctx)
	bytes, n := weight(rs)
	t.Logf("flowchart page drawn at build time: %d bytes in %d requests", bytes, len(rs))
	if n != 0 {
		t.Errorf("fetched mermaid: %v", rs)
	}
	height := `document.querySelector(".diagram").getBoundingClientRect().height`
	h0 := browsertest.Eval(t, ctx, `String(`+height+`)`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".theme-toggle"))); err != nil {
		t.Fatal(err)
	}
	shown := browsertest.Eval(t, ctx, `[...document.querySelectorAll(".diagram > div")].filter(e => e.offsetHeight > 0).map(e => e.className).join()`)
	if h := browsertest.Eval(t, ctx, `String(`+height+`)`); h != h0 || shown == "" {
		t.Errorf("after the toggle the box is %s px (was %s), showing %q", h, h0, shown)
	}
	checkContrast(t, ctx)
}

// TestNoChromium: drawing with no browser anywhere is an error that says
// what to install or configure.
func TestNoChromium(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	cfg := config.Default()
	cfg.Mermaid.Render = "build"
	_, err := build.Build(build.Options{Content: sitetest.Tree(t, pages()), Out: filepath.Join(t.TempDir(), "public"), Config: cfg})
	if !errors.Is(err, diagrams.ErrNoChromium) || !strings.Contains(err.Error(), "mermaid: {chromium:") {
		t.Errorf("got %v", err)
	}
}

package search

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"docsite/internal/browsertest"
)

// TestBrowser drives the real client in headless Chromium over the fixture
// index: "/" focuses the box, a Chinese query typed without spaces finds its
// section, arrows and Enter open it, and markup in titles stays text.
func TestBrowser(t *testing.T) {
	srv, ctx := browse(t)
	do := func(steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatal(err)
		}
	}
	eval := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
	do(chromedp.Navigate(srv.URL+"/01-overview/"), chromedp.WaitReady(chromedp.CSS("#search-input")),
		chromedp.KeyEvent("/"))
	if f := eval(`document.activeElement.id`); f != "search-input" {
		t.Errorf(`"/" focused %q`, f)
	}
	do(chromedp.KeyEvent("核心理念"), chromedp.WaitVisible(chromedp.CSS("#search-hit-0 .search-heading")))
	if href := eval(`document.querySelector("#search-hit-0").getAttribute("href")`); href != "/01-overview/#"+urlEscape("121-核心理念演进") {
		t.Errorf("first hit links to %q", href)
	}
	heading := eval(`document.querySelector("#search-hit-0 .search-heading").textContent`)
	marks := eval(`Array.from(document.querySelectorAll("#search-hit-0 mark")).map(m => m.textContent).join("|")`)
	t.Logf("核心理念: %s § %s, marks %s", eval(`document.querySelector("#search-hit-0 .search-title").textContent`), heading, marks)
	if heading != "1.2.1 核心理念演进" || !strings.Contains(marks, "核心理念") {
		t.Errorf("heading %q, marks %q", heading, marks)
	}

	do(chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent("\r"), chromedp.Sleep(300*time.Millisecond))
	if loc := eval(`decodeURIComponent(location.pathname + location.hash)`); loc != "/01-overview/#121-核心理念演进" {
		t.Errorf("Enter opened %q", loc)
	}

	do(chromedp.Navigate(srv.URL+"/10-orchestration/"), chromedp.WaitReady(chromedp.CSS("#search-input")),
		chromedp.Focus(chromedp.CSS("#search-input")), chromedp.KeyEvent("script alert "),
		chromedp.WaitVisible(chromedp.CSS("#search-hit-0 .search-heading")))
	title := eval(`document.querySelector("#search-hit-0 .search-title").textContent`)
	pwned := eval(`String(!!window.pwned || !!document.querySelector("#search-results img, #search-results script"))`)
	t.Logf("markup query: title %q", title)
	if !strings.Contains(title, "<script>alert(1)</script>") || pwned != "false" {
		t.Errorf("title shown as %q; markup ran or was inserted: %s", title, pwned)
	}

	do(chromedp.KeyEvent(kb.Escape))
	if hidden := eval(`String(document.getElementById("search-results").hidden)`); hidden != "true" {
		t.Errorf("Escape left the results open")
	}
}

// browse serves the fixture index with two bare pages that carry the
// search markup, and starts a headless Chromium, or skips the test.
func browse(t *testing.T) (*httptest.Server, context.Context) {
	return browseIndex(t, buildFixtures(t), "")
}

// browseIndex serves index files with the two bare pages; boxAttrs are
// added to the search box's element.
func browseIndex(t *testing.T, files map[string][]byte, boxAttrs string) (*httptest.Server, context.Context) {
	site := t.TempDir()
	page := `<!DOCTYPE html><html lang="%s" data-base="/"><head><meta charset="utf-8">
<link rel="stylesheet" href="/assets/css/search.css"></head><body>
<header style="display:flex;justify-content:flex-end;padding:.5rem"><div id="search" role="search"%s>
<input id="search-input" type="search" placeholder="搜索" aria-label="搜索" autocomplete="off" spellcheck="false">
<div id="search-results" role="listbox" hidden></div></div></header>
<main><h1>page</h1></main>
<script>window.alert = function () { window.pwned = true; };</script>
<script src="/assets/js/search.js" defer></script></body></html>`
	page = strings.Replace(page, "%s>", boxAttrs+">", 1)
	files["01-overview/index.html"] = []byte(strings.Replace(page, "%s", "zh-CN", 1))
	files["10-orchestration/index.html"] = []byte(strings.Replace(page, "%s", "en", 1))
	for _, a := range []string{"js/search.js", "css/search.css"} {
		b, err := os.ReadFile("../../themes/default/assets/" + a)
		if err != nil {
			t.Fatal(err)
		}
		files["assets/"+a] = b
	}
	for name, b := range files {
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(site)))
	t.Cleanup(srv.Close)

	ctx := browsertest.Start(t)
	return srv, ctx
}

func urlEscape(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c < 0x80 && c != '%' {
			b.WriteByte(c)
		} else {
			b.WriteString("%" + strings.ToUpper(string("0123456789abcdef"[c>>4])+string("0123456789abcdef"[c&15])))
		}
	}
	return b.String()
}

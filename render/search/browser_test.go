package search

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowser drives the real client in headless Chromium over the fixture
// index: "/" focuses the box, a Chinese query typed without spaces finds its
// section, arrows and Enter open it, and markup in titles stays text.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test in -short mode")
	}
	var chrome string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			chrome = p
			break
		}
	}
	if chrome == "" {
		t.Skip("no Chromium installed")
	}
	site := t.TempDir()
	files := buildFixtures(t)
	page := `<!DOCTYPE html><html lang="%s" data-base="/"><head><meta charset="utf-8">
<link rel="stylesheet" href="/assets/css/search.css"></head><body>
<header><div id="search" role="search">
<input id="search-input" type="search" placeholder="搜索" aria-label="搜索" autocomplete="off" spellcheck="false">
<div id="search-results" role="listbox" hidden></div></div></header>
<main><h1>page</h1></main>
<script>window.alert = function () { window.pwned = true; };</script>
<script src="/assets/js/search.js" defer></script></body></html>`
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
	defer srv.Close()

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chrome), chromedp.NoSandbox)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 60*time.Second)
	defer cancel()

	var focused, href, heading, marks, loc string
	err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/01-overview/"),
		chromedp.WaitReady("#search-input"),
		chromedp.KeyEvent("/"),
		chromedp.Evaluate(`document.activeElement.id`, &focused),
		chromedp.KeyEvent("核心理念"),
		chromedp.WaitVisible(`#search-hit-0 .search-heading`),
		chromedp.Evaluate(`document.querySelector("#search-hit-0").getAttribute("href")`, &href),
		chromedp.Evaluate(`document.querySelector("#search-hit-0 .search-heading").textContent`, &heading),
		chromedp.Evaluate(`Array.from(document.querySelectorAll("#search-hit-0 mark")).map(m => m.textContent).join("|")`, &marks),
		chromedp.KeyEvent("\u0301"), // ArrowDown is sent below; this is a no-op mark key
	)
	if err != nil {
		t.Fatal(err)
	}
	if focused != "search-input" {
		t.Errorf(`"/" focused %q`, focused)
	}
	if href != "/01-overview/#"+urlEscape("121-核心理念演进") {
		t.Errorf("first hit links to %q", href)
	}
	if heading != "1.2.1 核心理念演进" || !strings.Contains(marks, "核心理念") {
		t.Errorf("heading %q, marks %q", heading, marks)
	}

	err = chromedp.Run(ctx,
		chromedp.Focus("#search-input"),
		chromedp.KeyEvent("\ue015"), // ArrowDown
		chromedp.KeyEvent("\r"),
		chromedp.Sleep(300*time.Millisecond),
		chromedp.Evaluate(`decodeURIComponent(location.pathname + location.hash)`, &loc),
	)
	if err != nil {
		t.Fatal(err)
	}
	if loc != "/01-overview/#121-核心理念演进" {
		t.Errorf("Enter opened %q", loc)
	}

	var title string
	var pwned bool
	err = chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/10-orchestration/"),
		chromedp.WaitReady("#search-input"),
		chromedp.Focus("#search-input"),
		chromedp.KeyEvent("script alert onerror "),
		chromedp.WaitVisible(`#search-hit-0 .search-heading`),
		chromedp.Evaluate(`document.querySelector("#search-hit-0 .search-title").textContent`, &title),
		chromedp.Evaluate(`!!window.pwned || !!document.querySelector("#search-results img, #search-results script")`, &pwned),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(title, "<script>alert(1)</script>") || pwned {
		t.Errorf("title shown as %q, markup ran or was inserted: %v", title, pwned)
	}
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

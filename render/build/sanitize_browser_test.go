package build

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"docsite/internal/browsertest"
	"docsite/internal/config"
	"docsite/internal/sitetest"
)

// payloads is a page of raw HTML that runs script in a browser unless it
// is sanitized: each vector calls alert. evil.svg beside it is a
// same-origin SVG with script of its own.
const payloads = `
-- evil.svg --
<svg xmlns="http://www.w3.org/2000/svg" onload="alert('svg-onload')"><script>alert('svg-script')</script></svg>
-- payloads.md --
# 载荷

<script>alert('script')</script>

<img src=x onerror="alert('img')">

<svg onload="alert('svg')"></svg>

<iframe src="javascript:alert('iframe-js')"></iframe>

<iframe srcdoc="<script>parent.alert('srcdoc')</script>"></iframe>

<iframe src="data:text/html,<script>alert('iframe-data')</script>"></iframe>

<object data="data:text/html,<script>alert('object-data')</script>"></object>

<embed src="../evil.svg">

<object data="../evil.svg"></object>

<iframe src="../evil.svg"></iframe>

<noscript><p title="</noscript><img src=x onerror=alert('noscript')>"></noscript>

<details open ontoggle="alert('details')"><summary>x</summary>y</details>

<input autofocus onfocus="alert('focus')">

<video><source onerror="alert('video')"></video>

<math><mtext><table><mglyph><style><img src=x onerror="alert('mglyph')">

<a id="js" href="javascript:alert('link')">click</a> and <a id="js2" href="&#x6A;avascript:alert('link2')">click</a>

<form><button id="btn" formaction="javascript:alert('form')">b</button></form>

<style>@import "javascript:alert('css')";</style>

<meta http-equiv="refresh" content="0;url=javascript:alert('meta')">

Inline <img src=y onerror="alert('inline')"> and <b onmouseover="alert('hover')">bold</b>.
`

// TestBrowserSanitize loads the page of payloads in headless Chromium,
// clicks what can be clicked and counts the dialogs script opened: none
// with the default sanitize: true, and some with sanitize: false, which
// shows that the page would run script and the count is real.
func TestBrowserSanitize(t *testing.T) {
	ctx := browsertest.Start(t)
	for _, tc := range []struct {
		sanitize bool
		atMost   int64 // dialogs allowed
		atLeast  int64
	}{{true, 0, 0}, {false, 1 << 20, 3}} {
		dir := sitetest.Tree(t, payloads)
		out := filepath.Join(t.TempDir(), "public")
		cfg := config.Default()
		cfg.Sanitize = tc.sanitize
		if _, err := Build(Options{Content: dir, Out: out, Config: cfg}); err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(http.FileServer(http.Dir(out)))
		var dialogs atomic.Int64
		tab, cancel := chromedp.NewContext(ctx)
		if err := chromedp.Do(tab); err != nil {
			t.Fatal(err)
		}
		go func() {
			for _, err := range chromedp.Events(tab, page.JavascriptDialogOpening) {
				if err != nil {
					return
				}
				dialogs.Add(1)
				_, _ = chromedp.Call(tab, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
			}
		}()
		// Page.navigate without waiting for the load: an alert holds the
		// load up until the listener answers it.
		if _, err := chromedp.Call(tab, page.Navigate, page.NavigateParams{URL: srv.URL + "/payloads/"}); err != nil {
			t.Fatal(err)
		}
		// Give onload, onerror, autofocus and the frames their turn, then
		// click the links and the button.
		_ = chromedp.Do(tab, chromedp.Sleep(1500*time.Millisecond))
		if tc.sanitize {
			for _, sel := range []string{"#js", "#js2", "#btn"} {
				_, _ = chromedp.Run(tab, chromedp.Evaluate[any](`(e => { if (e) e.click(); return null })(document.querySelector("`+sel+`"))`))
			}
		}
		// The control must see its dialogs however busy the machine is; the
		// sanitized page has had the same time to open any.
		for deadline := time.Now().Add(30 * time.Second); tc.atLeast > 0 && dialogs.Load() < tc.atLeast && time.Now().Before(deadline); {
			time.Sleep(100 * time.Millisecond)
		}
		_ = chromedp.Do(tab, chromedp.Sleep(500*time.Millisecond))
		n := dialogs.Load()
		cancel()
		srv.Close()
		if n > tc.atMost || n < tc.atLeast {
			t.Errorf("sanitize: %v: %d dialogs, want between %d and %d", tc.sanitize, n, tc.atLeast, tc.atMost)
		}
		t.Logf("sanitize: %v: %d dialogs", tc.sanitize, n)
	}
}

package serve

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"docsite/internal/browsertest"
)

// TestBrowserReloadKeepsScroll opens a page in headless Chromium, scrolls
// down, saves the file, and sees the new text at the same scroll position.
func TestBrowserReloadKeepsScroll(t *testing.T) {
	long := "# 页面\n\n## 1 开头\n\n" + strings.Repeat("很长的一段文字，用来让页面可以滚动。\n\n", 200) + "## 2 结尾\n"
	h := start(t, "page.md", long)
	ctx := browsertest.Start(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(h.http.URL+"/page/")); err != nil {
		t.Fatal(err)
	}
	if !browsertest.WaitFor(t, ctx, `document.readyState === "complete"`, 10*time.Second) {
		t.Fatal("page did not load")
	}
	// Give the EventSource a moment to connect before saving.
	if !browsertest.WaitFor(t, ctx, `(window.scrollTo(0, 1500), window.scrollY > 1000)`, 5*time.Second) {
		t.Fatal("page does not scroll")
	}
	time.Sleep(300 * time.Millisecond)
	edited := strings.Replace(long, "## 1 开头", "## 1 新的开头", 1)
	if err := os.WriteFile(filepath.Join(h.dir, "page.md"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if !browsertest.WaitFor(t, ctx, `document.body.innerText.includes("1 新的开头")`, 10*time.Second) {
		t.Fatal("the open page did not reload with the saved heading")
	}
	if !browsertest.WaitFor(t, ctx, `Math.abs(window.scrollY - 1500) < 50`, 3*time.Second) {
		t.Errorf("scroll position not kept: %s", browsertest.Eval(t, ctx, `String(window.scrollY)`))
	}
}

package build

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"docsite/internal/browsertest"
)

// TestBrowserAxe runs axe-core on the pages a reader meets most (home, a
// hundred formulas, the biggest page, the glossary, the graph, the
// references and the 404 page) in the three ways a page can be coloured:
// light, dark by the toggle, and dark because the system prefers it (also
// at a phone's width).
// Every violation is reported, the sidebar's included.
func TestBrowserAxe(t *testing.T) {
	base, pages := uiServer(t)
	browsertest.RequireAxe(t)
	targets := []string{"/", "/zz-ui/01-formulas/", biggestPage(t, pages), "/glossary/", "/graph/", "/REFERENCES/", "/404.html"}
	for _, mode := range []string{"light", "dark-toggle", "dark-system", "phone-dark"} {
		ctx := browsertest.Start(t) // one browser per mode: each has its own time limit
		for _, path := range targets {
			t.Run(mode+path, func(t *testing.T) {
				openInMode(t, ctx, base+path, mode)
				for _, v := range browsertest.Axe(t, ctx) {
					t.Errorf("%s", v)
				}
			})
		}
	}
}

// openInMode opens url with no remembered theme, the system preferring
// light or dark, and for dark-toggle the reader pressing the toggle.
func openInMode(t *testing.T, ctx context.Context, url, mode string) {
	t.Helper()
	scheme, width := "light", 1280
	if mode == "dark-system" || mode == "phone-dark" {
		scheme = "dark"
	}
	if strings.HasPrefix(mode, "phone") {
		width = phoneWidth
	}
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	}); err != nil {
		t.Fatal(err)
	}
	browsertest.Do(t, ctx, chromedp.EmulateViewport(int64(width), 900), chromedp.Navigate(url))
	browsertest.Eval(t, ctx, `localStorage.clear(), ""`)
	browsertest.Do(t, ctx, chromedp.Reload())
	if !browsertest.WaitFor(t, ctx, `document.readyState === "complete"`, 20*time.Second) {
		t.Fatal("the page did not finish loading")
	}
	if mode == "dark-toggle" {
		if browsertest.Value[bool](t, ctx, `!!document.querySelector(".theme-toggle")`) {
			browsertest.Do(t, ctx, chromedp.Click(chromedp.CSS(".theme-toggle")))
		} else { // a page without the toggle shows what it remembered
			browsertest.Eval(t, ctx, `localStorage.setItem("docsite-theme", "dark"), ""`)
			browsertest.Do(t, ctx, chromedp.Reload())
			browsertest.WaitFor(t, ctx, `document.readyState === "complete"`, 20*time.Second)
		}
	}
	want := "light"
	if mode != "light" {
		want = "dark"
	}
	if got := browsertest.Eval(t, ctx, `document.documentElement.dataset.theme`); got != want {
		t.Fatalf("theme is %q, want %q", got, want)
	}
	if strings.HasSuffix(url, "/graph/") && !browsertest.WaitFor(t, ctx, `!!document.querySelector(".graph-legend li")`, 20*time.Second) {
		t.Log("the graph drew nothing to check")
	}
}

// biggestPage is the page whose HTML is largest.
func biggestPage(t *testing.T, pages []string) string {
	t.Helper()
	best, size := "", int64(-1)
	for _, p := range pages {
		if !strings.Contains(p, "-") {
			continue // the generated pages are numbered; skip glossary, graph...
		}
		fi, err := os.Stat(filepath.Join(uiSite.out, filepath.FromSlash(p), "index.html"))
		if err == nil && fi.Size() > size {
			best, size = p, fi.Size()
		}
	}
	return best
}

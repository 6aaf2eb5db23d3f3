package graph_test

import (
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"docsite/internal/browsertest"
)

func TestShot(t *testing.T) {
	if os.Getenv("GRAPH_SHOT") == "" {
		t.Skip()
	}
	ctx := browsertest.Start(t)
	srv, _ := serveSite(t, "testdata/site")
	do(t, ctx, chromedp.EmulateViewport(1200, 900), chromedp.Navigate(srv.URL+"/01-overview/"),
		chromedp.WaitReady(chromedp.CSS(".local-graph canvas")), chromedp.ScrollIntoView(chromedp.CSS(".local-graph canvas")), chromedp.Sleep(time.Second))
	png, _ := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	os.WriteFile("/tmp/shot-local.png", png, 0o644)
	browsertest.Eval(t, ctx, `document.documentElement.dataset.theme = "dark"; document.dispatchEvent(new CustomEvent("docsite:themechange")); ""`)
	do(t, ctx, chromedp.Sleep(300*time.Millisecond))
	png, _ = chromedp.Run(ctx, chromedp.CaptureScreenshot())
	os.WriteFile("/tmp/shot-local-dark.png", png, 0o644)
}

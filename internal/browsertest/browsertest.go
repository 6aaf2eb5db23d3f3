// Package browsertest starts headless Chromium for the tests of what only a
// browser shows: diagrams drawn, formulas laid out, search answers, live
// reload. Without Chromium a test is skipped on a developer's machine and
// fails in CI, where .ci/run installs it: a browser test must never pass by
// not running.
package browsertest

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Start returns a browser tab's context, closed when the test ends; its
// work must end within 90 seconds.
func Start(t *testing.T) context.Context {
	t.Helper()
	return StartWithin(t, 90*time.Second)
}

// StartWithin is Start for a test that visits many pages.
func StartWithin(t *testing.T, limit time.Duration) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	var chrome string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			chrome = p
			break
		}
	}
	if chrome == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no Chromium installed; .ci/run installs Debian's chromium")
		}
		t.Skip("no Chromium installed (make chromium)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome), chromedp.NoSandbox,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	bctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("starting %s: %v", chrome, err)
	}
	ctx, cancel := context.WithTimeout(bctx, limit)
	t.Cleanup(cancel)
	return ctx
}

// Eval runs JavaScript in the page and returns its string result.
func Eval(t *testing.T, ctx context.Context, js string) string {
	t.Helper()
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return out
}

// WaitFor polls a JavaScript condition until it is true or the time is up.
func WaitFor(t *testing.T, ctx context.Context, js string, limit time.Duration) bool {
	t.Helper()
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js)); err == nil && ok {
			return true
		}
		time.Sleep(50 * time.Millisecond)
	}
	return false
}

// Do runs browser actions and ends the test on the first that fails.
func Do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// Value runs JavaScript in the page and returns its result as a T.
func Value[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

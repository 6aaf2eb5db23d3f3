package diagrams_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"docsite/internal/browsertest"
	"docsite/internal/config"
	"docsite/internal/sitetest"
	"docsite/render/build"
)

// pages: a flowchart below a long page, a mindmap, a broken diagram.
func pages() string {
	filler := strings.Repeat("一段很长的正文，用来把图推到首屏以外。\n\n", 120)
	return `-- flow.md --
# 流程

` + filler + "```mermaid" + `
graph TD
  A[开始] -->|是| B{判断}
  B --> C[结束]
  subgraph 集群
    C --> D((圆))
  end
` + "```" + `

尾部。
-- mind.md --
# 脑图

` + "```mermaid" + `
mindmap
  root((根))
    分支一
      叶子
    分支二
    分支三
` + "```" + `
-- broken.md --
# 坏图

` + "```mermaid" + `
graph TD
  A[f(x)] --> B
` + "```" + `
`
}

func serveBuilt(t *testing.T, content string, cfg *config.Config) *httptest.Server {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(build.Options{Content: content, Out: out, Config: cfg}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	t.Cleanup(srv.Close)
	return srv
}

type resource struct {
	Name  string
	Bytes int
}

// resources lists what the page fetched, with the bytes of each body.
func resources(t *testing.T, ctx context.Context) []resource {
	t.Helper()
	js := browsertest.Eval(t, ctx, `JSON.stringify([{name: location.href, bytes: performance.getEntriesByType("navigation")[0].encodedBodySize}].concat(
		performance.getEntriesByType("resource").map(e => ({name: e.name, bytes: e.encodedBodySize}))))`)
	var rs []resource
	if err := json.Unmarshal([]byte(js), &rs); err != nil {
		t.Fatal(err)
	}
	return rs
}

func weight(rs []resource) (bytes int, mermaid int) {
	for _, r := range rs {
		bytes += r.Bytes
		if strings.Contains(r.Name, "vendor/mermaid") {
			mermaid++
		}
	}
	return bytes, mermaid
}

func fetched(rs []resource, part string) bool {
	for _, r := range rs {
		if strings.Contains(r.Name, part) {
			return true
		}
	}
	return false
}

func navigate(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, ctx, `document.readyState === "complete"`, 10*time.Second)
}

// TestBrowserLazy: mermaid is fetched only once a diagram nears the
// viewport, and then only the flowchart's chunks; the box keeps its size
// when the theme toggles; dark colours reach WCAG AA; a broken diagram is
// its source and the message, never mermaid's error picture.
func TestBrowserLazy(t *testing.T) {
	srv := serveBuilt(t, sitetest.Tree(t, pages()), config.Default())
	ctx := browsertest.Start(t)

	navigate(t, ctx, srv.URL+"/flow/")
	time.Sleep(500 * time.Millisecond)
	rs := resources(t, ctx)
	before, n := weight(rs)
	if n != 0 {
		t.Errorf("mermaid fetched before any diagram is near the viewport: %v", rs)
	}
	browsertest.Eval(t, ctx, `document.querySelector("pre.mermaid").scrollIntoView(), ""`)
	if !browsertest.WaitFor(t, ctx, `!!document.querySelector("pre.mermaid[data-scheme] svg g")`, 30*time.Second) {
		t.Fatal("the flowchart was not drawn when scrolled to")
	}
	rs = resources(t, ctx)
	after, n := weight(rs)
	t.Logf("flowchart page: %d bytes before the diagram is near, %d bytes in %d requests (%d of mermaid) once drawn", before, after, len(rs), n)
	if !fetched(rs, "flowDiagram-") {
		t.Error("no flowchart chunk fetched")
	}
	for _, other := range []string{"mindmap-definition-", "sequenceDiagram-", "ganttDiagram-", "elk-", "katex-", "cose-bilkent-"} {
		if fetched(rs, other) {
			t.Errorf("a flowchart page fetched %s", other)
		}
	}

	// Watch the box's height through the redraw, frame by frame.
	browsertest.Eval(t, ctx, `window.heights = []; new ResizeObserver(es => es.forEach(e => heights.push(e.borderBoxSize[0].blockSize))).observe(document.querySelector("pre.mermaid")); window.h0 = document.querySelector("pre.mermaid").getBoundingClientRect().height; ""`)
	for _, scheme := range []string{"dark", "light", "dark"} {
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".theme-toggle"))); err != nil {
			t.Fatal(err)
		}
		if !browsertest.WaitFor(t, ctx, `document.querySelector("pre.mermaid").dataset.scheme === "`+scheme+`"`, 10*time.Second) {
			t.Fatalf("not redrawn in %s", scheme)
		}
	}
	time.Sleep(200 * time.Millisecond)
	if got := browsertest.Eval(t, ctx, `JSON.stringify({h0, now: document.querySelector("pre.mermaid").getBoundingClientRect().height, heights: heights.slice(1)})`); !sameHeights(got) {
		t.Errorf("the diagram's box changed size across the theme toggle: %s", got)
	}
	checkContrast(t, ctx)

	navigate(t, ctx, srv.URL+"/mind/")
	if !browsertest.WaitFor(t, ctx, `!!document.querySelector("pre.mermaid[data-scheme] svg g")`, 30*time.Second) {
		t.Fatal("the mindmap was not drawn")
	}
	if !fetched(resources(t, ctx), "mindmap-definition-") {
		t.Error("no mindmap chunk fetched")
	}
	checkContrast(t, ctx)

	navigate(t, ctx, srv.URL+"/broken/")
	time.Sleep(500 * time.Millisecond)
	got := browsertest.Eval(t, ctx, `document.querySelector(".diagram-error") ? document.querySelector(".diagram-error").innerText : "none"`)
	if !strings.Contains(got, "line 5") || !strings.Contains(got, "A[f(x)] --> B") || !strings.Contains(got, "quote the label") {
		t.Errorf("broken diagram shows %q", got)
	}
	if _, n := weight(resources(t, ctx)); n != 0 || browsertest.Eval(t, ctx, `String(document.querySelectorAll("svg[aria-roledescription=error], .error-icon").length)`) != "0" {
		t.Error("a page with only a broken diagram fetched mermaid or shows its error picture")
	}
}

// sameHeights: every height the box had through the redraws is its first.
func sameHeights(js string) bool {
	var v struct {
		H0, Now float64
		Heights []float64
	}
	if json.Unmarshal([]byte(js), &v) != nil || v.H0 == 0 {
		return false
	}
	for _, h := range append(v.Heights, v.Now) {
		if h-v.H0 > 0.5 || v.H0-h > 0.5 {
			return false
		}
	}
	return true
}

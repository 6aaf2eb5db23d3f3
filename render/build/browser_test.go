package build

import (
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"docsite/internal/browsertest"
	"docsite/internal/config"
)

// TestBrowserMathAndMermaid opens built pages in headless Chromium: the
// mermaid diagram is drawn as SVG (and again after the theme toggles), the
// formulas are laid out as MathML with real size, the traps stay
// text, and a page without diagrams never loads mermaid.
func TestBrowserMathAndMermaid(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir,
		"math.md", "# 公式\n\n价格是 $5 和 $10，还有 \\$100 与 `$x$`。\n\n- 列表里 $E = mc^2$\n\n$$\n\\sum_{i=1}^n i = \\frac{n(n+1)}{2}\n$$\n\n"+
			"```math\n资源 = R(T)\n```\n\n坏的 $\\frac{1}{$ 公式\n\n```mermaid\ngraph LR\n  A[wasm-app] --> B[Kubernetes]\n```\n",
		"plain.md", "# 无图\n\n只有文字。\n",
	)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Content: dir, Out: out, Config: config.Default()}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(out)))
	defer srv.Close()
	ctx := browsertest.Start(t)

	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/math/")); err != nil {
		t.Fatal(err)
	}
	if !browsertest.WaitFor(t, ctx, `!!document.querySelector("pre.mermaid svg g")`, 20*time.Second) {
		t.Fatal("mermaid drew no SVG")
	}
	boxes := browsertest.Eval(t, ctx, `Array.from(document.querySelectorAll("article math")).map(e => {
		const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 ? "ok" : "empty" }).join(",")`)
	if n := strings.Count(boxes, "ok"); n != 3 || strings.Contains(boxes, "empty") {
		t.Errorf("MathML boxes: %s", boxes)
	}
	text := browsertest.Eval(t, ctx, `document.querySelector("article").innerText`)
	for _, trap := range []string{"$5 和 $10", "$100", "$x$"} {
		if !strings.Contains(text, trap) {
			t.Errorf("trap %q is not shown as text", trap)
		}
	}
	if browsertest.Eval(t, ctx, `String(document.querySelectorAll(".math-error").length)`) != "1" {
		t.Errorf("the broken formula is not marked")
	}
	before := browsertest.Eval(t, ctx, `document.querySelector("pre.mermaid svg").outerHTML.length + ":" + document.documentElement.dataset.theme`)
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(".theme-toggle"))); err != nil {
		t.Fatal(err)
	}
	if !browsertest.WaitFor(t, ctx, `!!document.querySelector("pre.mermaid svg") && document.querySelector("pre.mermaid svg").outerHTML.length + ":" + document.documentElement.dataset.theme !== `+"`"+before+"`", 10*time.Second) {
		t.Errorf("diagram not redrawn after the theme toggle")
	}

	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/plain/")); err != nil {
		t.Fatal(err)
	}
	browsertest.WaitFor(t, ctx, `document.readyState === "complete"`, 10*time.Second)
	loaded := browsertest.Eval(t, ctx, `performance.getEntriesByType("resource").map(e => e.name).join(" ")`)
	if strings.Contains(loaded, "mermaid") || strings.Contains(loaded, "katex") {
		t.Errorf("a page without diagrams or math loaded: %s", loaded)
	}
}

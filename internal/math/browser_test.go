package math

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"docsite/internal/browsertest"
	"docsite/internal/sitetest"
	theme "docsite/themes/default"
)

// TestBrowserMathML lays out 40 formulas of the dev set in headless
// Chromium, our MathML (with the theme's math.css and font) beside KaTeX's
// HTML rendering: every box has a size, and at 390 px no inline formula
// sticks out of its line and nothing widens the page. MATH_SCREENSHOT=dir
// keeps screenshots of both widths there.
func TestBrowserMathML(t *testing.T) {
	katexDist := filepath.Join("..", "..", "themes", "default", "node_modules", "katex", "dist")
	if _, err := os.Stat(filepath.Join(katexDist, "katex.min.css")); err != nil {
		t.Skip("KaTeX's stylesheet is not installed (make assets)")
	}
	formulas := browserSet(t)
	ctx := browsertest.Start(t)

	k := newEngine(t, WithWorkers(1))
	n := NewNative(nil)
	var page bytes.Buffer
	page.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/assets/css/math.css"><link rel="stylesheet" href="/katex/katex.min.css">
<style>body{font:16px/1.6 system-ui,sans-serif;margin:0 12px;color:#1f2328}
.row{display:grid;grid-template-columns:1fr 1fr;gap:16px;border-bottom:1px solid #d0d7de;padding:4px 0}.row>*{min-width:0}
@media (max-width:600px){.row{grid-template-columns:1fr}.katex-side{display:none}}
p{margin:.3em 0;min-width:0}h1{font-size:18px}</style></head><body>
<h1>MathML (docsite) | KaTeX HTML</h1>`)
	for i, f := range formulas {
		ours, err := n.Render(f.TeX, f.Display)
		if err != nil {
			t.Fatalf("%q: %v", f.TeX, err)
		}
		theirs, err := k.Render(f.TeX, f.Display)
		if err != nil {
			t.Fatalf("KaTeX %q: %v", f.TeX, err)
		}
		fmt.Fprintf(&page, `<div class="row" id="f%d">`, i)
		for side, out := range []string{ours, theirs} {
			class := []string{"ours", "katex-side"}[side]
			if f.Display {
				fmt.Fprintf(&page, `<div class="%s"><div class="math math-display">%s</div></div>`, class, out)
			} else {
				fmt.Fprintf(&page, `<p class="%s">设 <span class="math math-inline">%s</span> 成立。</p>`, class, out)
			}
		}
		page.WriteString("</div>\n")
	}
	page.WriteString("</body></html>")

	assets, _ := fs.Sub(theme.FS, "assets")
	mux := http.NewServeMux()
	mux.Handle("/assets/", http.StripPrefix("/assets/", http.FileServer(http.FS(assets))))
	mux.Handle("/katex/", http.StripPrefix("/katex/", http.FileServer(http.Dir(katexDist))))
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(page.Bytes())
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	for _, width := range []int64{1000, 390} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800), chromedp.Navigate(srv.URL+"/")); err != nil {
			t.Fatal(err)
		}
		if !browsertest.WaitFor(t, ctx, `document.readyState === "complete" && document.fonts.status === "loaded"`, 20*time.Second) {
			t.Fatal("page or fonts did not load")
		}
		fonts := browsertest.Eval(t, ctx, `Array.from(document.fonts).filter(f => f.status === "loaded").map(f => f.family).join(",")`)
		if !strings.Contains(fonts, "Noto Sans Math") {
			t.Errorf("the math font did not load (loaded: %s)", fonts)
		}
		empty := browsertest.Eval(t, ctx, `Array.from(document.querySelectorAll(".ours math, .katex-side .katex-html")).filter(e => {
			if (e.closest(".katex-side") && getComputedStyle(e.closest(".katex-side")).display === "none") return false;
			const r = e.getBoundingClientRect(); return !(r.width > 0 && r.height > 0) }).map(e => e.closest(".row").id).join(" ")`)
		if empty != "" {
			t.Errorf("at %d px, formulas without a box: %s", width, empty)
		}
		over := browsertest.Eval(t, ctx, `Array.from(document.querySelectorAll(".ours .math-inline")).filter(e => {
			const r = e.getBoundingClientRect(), p = e.parentElement.getBoundingClientRect();
			return r.left < p.left - 0.5 || r.right > p.right + 0.5 }).map(e => e.closest(".row").id).join(" ")`)
		if over != "" {
			t.Errorf("at %d px, inline formulas overflow their line: %s", width, over)
		}
		if w := browsertest.Eval(t, ctx, `String(document.documentElement.scrollWidth)`); w != fmt.Sprint(width) {
			t.Errorf("at %d px the page is %s px wide", width, w)
		}
		// An inline formula short enough to share its line with the text
		// before it sits on that line: the two boxes overlap.
		off := browsertest.Eval(t, ctx, `Array.from(document.querySelectorAll(".ours .math-inline")).filter(e => {
			const r = e.getBoundingClientRect(), range = document.createRange();
			range.selectNodeContents(e.parentElement.firstChild); const t = range.getBoundingClientRect();
			return r.width < e.parentElement.clientWidth / 2 && (r.bottom < t.top || r.top > t.bottom) }).map(e => e.closest(".row").id).join(" ")`)
		if off != "" {
			t.Errorf("at %d px, inline formulas off their line: %s", width, off)
		}
		if dir := os.Getenv("MATH_SCREENSHOT"); dir != "" {
			png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, fmt.Sprintf("mathml-%d.png", width))
			if err := os.WriteFile(path, png, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("screenshot: %s", path)
		}
	}
}

type devFormula struct {
	TeX     string `json:"tex"`
	Display bool   `json:"display"`
}

// browserSet picks 40 formulas of the dev set: the 8 longest inline ones,
// which would widen a phone's page first, and 32 spread over the rest.
func browserSet(t *testing.T) []devFormula {
	raw, err := os.ReadFile(sitetest.Shared(t, "fixtures", "formulas-dev.json"))
	if err != nil {
		t.Fatal(err)
	}
	var set struct{ Formulas []devFormula }
	if err := json.Unmarshal(raw, &set); err != nil {
		t.Fatal(err)
	}
	all := set.Formulas
	byLength := make([]int, len(all))
	for i := range byLength {
		byLength[i] = i
	}
	sort.SliceStable(byLength, func(a, b int) bool { return len(all[byLength[a]].TeX) > len(all[byLength[b]].TeX) })
	picked := map[int]bool{}
	var out []devFormula
	for _, i := range byLength {
		if len(out) == 8 {
			break
		}
		if !all[i].Display {
			picked[i] = true
			out = append(out, all[i])
		}
	}
	for i := 0; len(out) < 40 && i < len(all); i += len(all) / 32 {
		if !picked[i] {
			out = append(out, all[i])
		}
	}
	return out
}

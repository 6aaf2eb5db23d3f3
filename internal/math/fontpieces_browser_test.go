package math

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"docsite/internal/browsertest"
	theme "docsite/themes/default"
)

// fetchLog counts what a test server sent, by path.
type fetchLog struct {
	mu    sync.Mutex
	bytes map[string]int
}

func (l *fetchLog) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cw := &countingWriter{ResponseWriter: w}
		h.ServeHTTP(cw, r)
		l.mu.Lock()
		l.bytes[r.URL.Path] += cw.n
		l.mu.Unlock()
	})
}

// under returns the files fetched under prefix whose names end in ext.
func (l *fetchLog) under(prefix, ext string) map[string]int {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := map[string]int{}
	for p, n := range l.bytes {
		if strings.HasPrefix(p, prefix) && strings.HasSuffix(p, ext) {
			out[path.Base(p)] = n
		}
	}
	return out
}

type countingWriter struct {
	http.ResponseWriter
	n int
}

func (w *countingWriter) Write(b []byte) (int, error) {
	n, err := w.ResponseWriter.Write(b)
	w.n += n
	return n, err
}

// mathPage is a page of formulas, each in a numbered box, that loads the
// stylesheets at css.
func mathPage(css []string, formulas []string, display []bool) []byte {
	var b bytes.Buffer
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8">`)
	for _, c := range css {
		fmt.Fprintf(&b, `<link rel="stylesheet" href="%s">`, c)
	}
	b.WriteString(`<style>body{font:16px/1.6 sans-serif;margin:0 12px}</style></head><body>`)
	for i, f := range formulas {
		if display[i] {
			fmt.Fprintf(&b, `<div class="math math-display" id="f%d">%s</div>`+"\n", i, f)
		} else {
			fmt.Fprintf(&b, `<p>设 <span class="math math-inline" id="f%d">%s</span> 成立。</p>`+"\n", i, f)
		}
	}
	b.WriteString(`</body></html>`)
	return b.Bytes()
}

// hundredFormulas picks 100 formulas of the dev set, spread over it.
func hundredFormulas(t *testing.T) []devFormula {
	all := devFormulas(t)
	var out []devFormula
	for i := 0; len(out) < 100 && i < len(all); i += len(all) / 100 {
		out = append(out, all[i])
	}
	return out
}

// TestBrowserMathFontPieces opens a page of 100 dev-set formulas in
// headless Chromium and checks that it fetches exactly the pieces of the
// math font whose ranges hold a character its formulas draw, and that every
// formula has a box. It logs the bytes of math assets the page fetched,
// beside what the single font and KaTeX's stylesheet and fonts (for the
// same formulas in KaTeX's HTML rendering) cost.
func TestBrowserMathFontPieces(t *testing.T) {
	formulas := hundredFormulas(t)
	pieces := mathFontPieces(t)
	ctx := browsertest.Start(t)

	native := NewNative(nil)
	var ours []string
	var display []bool
	want := map[string]bool{}
	for _, f := range formulas {
		out, err := native.Render(f.TeX, f.Display)
		if err != nil {
			t.Fatalf("%q: %v", f.TeX, err)
		}
		ours = append(ours, out)
		display = append(display, f.Display)
		for c := range drawnCodePoints(t, out, false) {
			for _, p := range pieces {
				if p.covers(c) {
					want[p.File] = true
				}
			}
		}
	}

	log := &fetchLog{bytes: map[string]int{}}
	assets, _ := fs.Sub(theme.FS, "assets")
	mux := http.NewServeMux()
	mux.Handle("/assets/", http.StripPrefix("/assets/", http.FileServer(http.FS(assets))))
	css, err := fs.ReadFile(theme.FS, "assets/css/math.css")
	if err != nil {
		t.Fatal(err)
	}
	mux.HandleFunc("/assets/css/split.css", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/css")
		_, _ = w.Write(testedFontSheet(css, ""))
	})
	pages := map[string][]byte{"/page/ours": mathPage([]string{"/assets/css/split.css"}, ours, display)}
	katexDist := filepath.Join(themeModules, "katex", "dist")
	if _, err := os.Stat(filepath.Join(katexDist, "katex.min.css")); err == nil {
		k := newEngine(t, WithWorkers(1))
		var theirs []string
		for _, f := range formulas {
			out, err := k.Render(f.TeX, f.Display)
			if err != nil {
				t.Fatalf("KaTeX %q: %v", f.TeX, err)
			}
			theirs = append(theirs, out)
		}
		mux.Handle("/katex/", http.StripPrefix("/katex/", http.FileServer(http.Dir(katexDist))))
		pages["/page/katex"] = mathPage([]string{"/katex/katex.min.css"}, theirs, display)
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		page, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(page)
	})
	srv := httptest.NewServer(log.wrap(mux))
	defer srv.Close()

	load := func(page string) {
		browsertest.Do(t, ctx, chromedp.EmulateViewport(1000, 800), chromedp.Navigate(srv.URL+page))
		if !browsertest.WaitFor(t, ctx, `document.readyState === "complete" && document.fonts.status === "loaded"`, 30*time.Second) {
			t.Fatalf("%s: the page or its fonts did not load", page)
		}
	}

	load("/page/ours")
	got := log.under("/assets/vendor/math-font/", ".woff2")
	var missing, extra []string
	for f := range want {
		if _, ok := got[f]; !ok {
			missing = append(missing, f)
		}
	}
	for f := range got {
		if !want[f] {
			extra = append(extra, f)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing)+len(extra) > 0 {
		t.Errorf("the page fetched %v; it needs %v: missing %v, extra %v", keys(got), keys(want), missing, extra)
	}
	if empty := browsertest.Eval(t, ctx, `Array.from(document.querySelectorAll("math")).filter(m => {
		const r = m.getBoundingClientRect(); return !(r.width > 0 && r.height > 0) }).map(m => m.parentElement.id).join(" ")`); empty != "" {
		t.Errorf("formulas without a box: %s", empty)
	}

	fontBytes := 0
	for _, n := range got {
		fontBytes += n
	}
	report := fmt.Sprintf("math assets of a page of 100 dev-set formulas: split font: math.css %s + %d of %d pieces %d B (%v) = %d B",
		cssSizes(css), len(got), len(pieces), fontBytes, got, len(css)+fontBytes)
	if whole, err := os.ReadFile(filepath.Join(themeModules, "@fontsource", "noto-sans-math", "files", "noto-sans-math-latin-400-normal.woff2")); err == nil {
		report += fmt.Sprintf("; the whole font alone: %d B", len(whole))
	}
	if _, ok := pages["/page/katex"]; ok {
		load("/page/katex")
		kcss := log.under("/katex/", ".css")["katex.min.css"]
		kfonts := log.under("/katex/", ".woff2")
		kbytes := 0
		for _, n := range kfonts {
			kbytes += n
		}
		raw, _ := os.ReadFile(filepath.Join(katexDist, "katex.min.css"))
		report += fmt.Sprintf("; KaTeX 0.19.1: katex.min.css %s + %d fonts %d B (%v) = %d B",
			cssSizes(raw), len(kfonts), kbytes, kfonts, kcss+kbytes)
	}
	t.Log(report)
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// cssSizes gives a stylesheet's bytes, plain and gzipped (fonts in WOFF2
// are compressed already).
func cssSizes(css []byte) string {
	var z bytes.Buffer
	w, _ := gzip.NewWriterLevel(&z, gzip.BestCompression)
	_, _ = w.Write(css)
	_ = w.Close()
	return fmt.Sprintf("%d B (gzip %d B)", len(css), z.Len())
}

// stretchProbe is a character drawn at its normal size in one formula and
// stretched or enlarged in another.
type stretchProbe struct {
	name       string
	small, big string // TeX; small is inline, big is display
	char       string // the operator whose box is measured
	horizontal bool   // it grows in width, not height
	minGrowth  float64
}

var stretchProbes = []stretchProbe{
	{"parenthesis", `(`, `\left( \frac{a}{b} \right)`, "(", false, 1.5},
	{"brace", `\{`, `\left\{ \frac{a}{b} \right.`, "{", false, 1.5},
	{"angle bracket", `\langle`, `\left\langle \frac{a}{b} \right\rangle`, "⟨", false, 1.5},
	{"double bar", `\left\| a \right\|`, `\left\| \frac{a}{b} \right\|`, "‖", false, 1.5},
	{"floor", `\lfloor`, `\left\lfloor \frac{a}{b} \right\rfloor`, "⌊", false, 1.5},
	{"sum", `\sum x`, `\sum_{i=1}^n x`, "∑", false, 1.2},
	{"integral", `\int x`, `\int_0^1 x`, "∫", false, 1.2},
	{"big circled plus", `\bigoplus x`, `\bigoplus_{i} x`, "⨁", false, 1.2},
	// Chromium 156 draws these at one width, with the whole font too; they
	// are held to the whole font's sizes only.
	{"arrow over", `\overrightarrow{a}`, `\overrightarrow{abcdef}`, "→", true, 0},
	{"extensible arrow", `\xrightarrow{}`, `\xrightarrow{abcdefgh}`, "→", true, 0},
	{"overbrace", `\overbrace{a}`, `\overbrace{a+b+c+d}`, "⏞", true, 0},
}

// TestBrowserMathStretches checks in headless Chromium, with the split math
// font, that delimiters stretch and big operators grow in display style,
// and that every probe (horizontal ones and the radical included) has the
// very size it has with the whole font: the split loses no glyph variant.
func TestBrowserMathStretches(t *testing.T) {
	ctx := browsertest.Start(t)
	native := NewNative(nil)
	var formulas []string
	var display []bool
	add := func(tex string, block bool) {
		out, err := native.Render(tex, block)
		if err != nil {
			t.Fatalf("%q: %v", tex, err)
		}
		formulas = append(formulas, out)
		display = append(display, block)
	}
	for _, p := range stretchProbes {
		add(p.small, false)
		add(p.big, true)
	}
	radical := len(formulas)
	add(`\sqrt{a}`, false)
	add(`\sqrt{\frac{\frac{a}{b}}{\frac{c}{d}}}`, true)

	css, err := fs.ReadFile(theme.FS, "assets/css/math.css")
	if err != nil {
		t.Fatal(err)
	}
	wholeFont := filepath.Join(themeModules, "@fontsource", "noto-sans-math", "files", "noto-sans-math-latin-400-normal.woff2")
	if _, err := os.Stat(wholeFont); err != nil {
		t.Skip("the theme's npm packages are not installed (make assets)")
	}
	assets, _ := fs.Sub(theme.FS, "assets")
	mux := http.NewServeMux()
	mux.Handle("/assets/", http.StripPrefix("/assets/", http.FileServer(http.FS(assets))))
	mux.HandleFunc("/whole.woff2", func(w http.ResponseWriter, r *http.Request) { http.ServeFile(w, r, wholeFont) })
	sheets := map[string][]byte{
		"/assets/css/split.css": testedFontSheet(css, ""),
		"/assets/css/whole.css": testedFontSheet(css, `@font-face { font-family: "Noto Sans Math"; src: url("/whole.woff2") format("woff2"); }`),
	}
	for name, sheet := range sheets {
		mux.HandleFunc(name, func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/css")
			_, _ = w.Write(sheet)
		})
	}
	for _, font := range []string{"split", "whole"} {
		page := mathPage([]string{"/assets/css/" + font + ".css"}, formulas, display)
		mux.HandleFunc("/"+font, func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write(page)
		})
	}
	srv := httptest.NewServer(mux)
	defer srv.Close()

	// sizes measures, for each probe, the operator's box in its small and
	// its big formula, and the radical's box.
	sizes := func(font string) []float64 {
		browsertest.Do(t, ctx, chromedp.EmulateViewport(1000, 800), chromedp.Navigate(srv.URL+"/"+font))
		if !browsertest.WaitFor(t, ctx, `document.readyState === "complete" && document.fonts.status === "loaded"`, 30*time.Second) {
			t.Fatalf("%s: the page or its fonts did not load", font)
		}
		var out []float64
		for i, p := range stretchProbes {
			for _, id := range []int{2 * i, 2*i + 1} {
				js := fmt.Sprintf(`(() => { const mo = Array.from(document.querySelectorAll("#f%d mo")).find(m => m.textContent === %q);
					if (!mo) return -1; const r = mo.getBoundingClientRect(); return %s })()`, id, p.char, map[bool]string{false: "r.height", true: "r.width"}[p.horizontal])
				out = append(out, browsertest.Value[float64](t, ctx, js))
			}
		}
		for _, id := range []int{radical, radical + 1} {
			out = append(out, browsertest.Value[float64](t, ctx, fmt.Sprintf(`(() => { const r = document.querySelector("#f%d msqrt").getBoundingClientRect();
				return r.width * 1000 + r.height })()`, id)))
		}
		return out
	}
	split, whole := sizes("split"), sizes("whole")
	for i, p := range stretchProbes {
		small, big := split[2*i], split[2*i+1]
		t.Logf("%s: %.1f → %.1f px (whole font: %.1f → %.1f)", p.name, small, big, whole[2*i], whole[2*i+1])
		if small <= 0 || big <= 0 {
			t.Errorf("%s: no box for %q", p.name, p.char)
			continue
		}
		if small != whole[2*i] || big != whole[2*i+1] {
			t.Errorf("%s: %.1f → %.1f px with the split font, %.1f → %.1f with the whole font", p.name, small, big, whole[2*i], whole[2*i+1])
		}
		if p.minGrowth > 0 && big < p.minGrowth*small {
			t.Errorf("%s: %q is %.1f px in %s and %.1f px in %s; want at least %.1f×", p.name, p.char, small, p.small, big, p.big, p.minGrowth)
		}
	}
	n := 2 * len(stretchProbes)
	for _, i := range []int{n, n + 1} {
		if split[i] != whole[i] {
			t.Errorf("radical %d: box %.0f (width×1000 + height) with the split font, %.0f with the whole font", i-n, split[i], whole[i])
		}
	}
	if h := func(v float64) float64 { return v - 1000*float64(int(v/1000)) }; h(split[n+1]) < 2*h(split[n]) {
		t.Errorf("a radical over a nested fraction is %.1f px high, over a letter %.1f", h(split[n+1]), h(split[n]))
	}
}

// testedFontSheet is math.css as the browser tests load it: without local()
// sources, so that a machine with Noto Sans Math installed still fetches
// the pieces, and with its @font-face rules replaced by face when face is
// not empty.
func testedFontSheet(css []byte, face string) []byte {
	out := regexp.MustCompile(`local\("[^"]*"\),\s*`).ReplaceAll(css, nil)
	if face != "" {
		out = faceRule.ReplaceAll(out, nil)
		out = append([]byte(face+"\n"), out...)
	}
	return out
}

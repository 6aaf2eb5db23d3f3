package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"docsite/internal/browsertest"
)

// stubClipboard records what the page copies in window.__copied: the
// test checks what the theme hands the clipboard, not the OS clipboard.
const stubClipboard = `Object.defineProperty(navigator.clipboard, "writeText", {configurable: true,
	value: t => { window.__copied = t; return Promise.resolve(); }}), ""`

// TestBrowserReaderTools exercises the theme's controls on a built page:
// CJK–Latin autospacing, code-language labels, heading anchors that copy
// their link, copy page as Markdown, back to top and the folded outline.
func TestBrowserReaderTools(t *testing.T) {
	base, _ := uiServer(t)
	ctx := browsertest.Start(t)
	open := func(t *testing.T, path string) {
		t.Helper()
		browsertest.Do(t, ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+path))
		browsertest.Eval(t, ctx, stubClipboard)
	}

	t.Run("autospace", func(t *testing.T) {
		open(t, "/zz-ui/02-features/")
		if !browsertest.Value[bool](t, ctx, `CSS.supports("text-autospace", "normal")`) {
			t.Skip("this Chromium has no text-autospace; the rule sits behind @supports")
		}
		got := browsertest.Eval(t, ctx, `["article p", "article pre", "article pre code", "article .math"].map(s => {
			const e = document.querySelector(s); return s + "=" + (e ? getComputedStyle(e).textAutospace : "missing") }).join(" ")`)
		if want := "article p=normal article pre=no-autospace article pre code=no-autospace article .math=no-autospace"; got != want {
			t.Errorf("text-autospace: %s, want %s", got, want)
		}
	})

	t.Run("link underlines", func(t *testing.T) {
		open(t, "/")
		got := browsertest.Eval(t, ctx, `["article p a:not(.term):not(.anchor)", "article a.term"].map(s => {
			const e = document.querySelector(s); if (!e) return s + " missing";
			const st = getComputedStyle(e); return st.textDecorationLine + " " + st.textDecorationStyle }).join(", ")`)
		if want := "underline solid, underline dotted"; got != want {
			t.Errorf("text link, glossary term decorations: %s, want %s", got, want)
		}
	})

	t.Run("code labels", func(t *testing.T) {
		open(t, "/zz-ui/02-features/")
		got := browsertest.Eval(t, ctx, `[...document.querySelectorAll("article pre.chroma")].map(p => {
			const label = getComputedStyle(p, "::before").content;
			const code = p.querySelector("code").getBoundingClientRect().top - p.getBoundingClientRect().top;
			const btn = p.querySelector(".copy-code");
			return label + (code >= 24 ? "" : " overlapping the code") + (btn && getComputedStyle(btn).opacity === "1" ? "" : " copy button faint");
		}).join(", ")`)
		if want := `"go", "yaml", none`; got != want {
			t.Errorf("code block labels: %s, want %s", got, want)
		}
	})

	t.Run("heading anchors", func(t *testing.T) {
		open(t, "/zz-ui/02-features/")
		a := browsertest.Eval(t, ctx, `(() => { const a = document.querySelector("h2 a.anchor");
			return [a.getAttribute("href"), a.getAttribute("aria-hidden"), a.tabIndex, a.getAttribute("aria-label")].join("|") })()`)
		if a != "#代码||0|本节链接" {
			t.Errorf("anchor href|aria-hidden|tabIndex|name = %s", a)
		}
		browsertest.Do(t, ctx, chromedp.Focus(chromedp.CSS("h2 a.anchor")), chromedp.KeyEvent(kb.Enter))
		if !browsertest.WaitFor(t, ctx, `window.__copied === location.origin + location.pathname + "#" + encodeURIComponent("代码")`, 5*time.Second) {
			t.Errorf("the anchor copied %q", browsertest.Eval(t, ctx, `String(window.__copied)`))
		}
		if h := browsertest.Eval(t, ctx, `decodeURIComponent(location.hash)`); h != "#代码" {
			t.Errorf("the anchor did not navigate to its section: hash %q", h)
		}
		if !browsertest.WaitFor(t, ctx, `document.querySelector("[role=status]").textContent === "已复制本节链接"`, 5*time.Second) {
			t.Errorf("no feedback after copying the link")
		}
	})

	t.Run("copy page as Markdown", func(t *testing.T) {
		want, err := os.ReadFile(filepath.Join(uiSite.out, "zz-ui", "02-features", "index.md"))
		if err != nil {
			t.Fatal(err)
		}
		open(t, "/graph/")
		if n := browsertest.Value[int](t, ctx, `document.querySelectorAll(".copy-page").length`); n != 0 {
			t.Errorf("the graph page, which has no Markdown copy, shows %d copy-page buttons", n)
		}
		open(t, "/zz-ui/02-features/")
		browsertest.Do(t, ctx, chromedp.Click(chromedp.CSS(".copy-page")))
		if !browsertest.WaitFor(t, ctx, `window.__copied === `+jsString(string(want)), 5*time.Second) {
			t.Errorf("copied %q, want the page's index.md", browsertest.Eval(t, ctx, `String(window.__copied)`))
		}
		if got := browsertest.Eval(t, ctx, `document.querySelector(".copy-page").textContent`); got != "已复制" {
			t.Errorf("the button says %q after copying", got)
		}
	})

	t.Run("back to top", func(t *testing.T) {
		open(t, "/zz-ui/03-long-outline/")
		if !browsertest.Value[bool](t, ctx, `document.querySelector(".back-to-top").hidden`) {
			t.Errorf("back-to-top shows at the top of the page")
		}
		browsertest.Eval(t, ctx, `window.scrollTo(0, 5000), ""`)
		if !browsertest.WaitFor(t, ctx, `!document.querySelector(".back-to-top").hidden`, 5*time.Second) {
			t.Fatal("back-to-top did not appear after scrolling down")
		}
		if tab := browsertest.Value[int](t, ctx, `document.querySelector(".back-to-top").tabIndex`); tab != 0 {
			t.Errorf("back-to-top tabIndex %d: the keyboard cannot reach it", tab)
		}
		browsertest.Do(t, ctx, chromedp.Focus(chromedp.CSS(".back-to-top")), chromedp.KeyEvent(kb.Enter))
		if !browsertest.WaitFor(t, ctx, `scrollY === 0 && document.activeElement.id === "content"`, 5*time.Second) {
			t.Errorf("after back-to-top: scrollY %s, focus on %s", browsertest.Eval(t, ctx, `String(scrollY)`), browsertest.Eval(t, ctx, `document.activeElement.tagName`))
		}
	})

	t.Run("long outline", func(t *testing.T) {
		open(t, "/zz-ui/03-long-outline/")
		shown := func() (l2, l3 int) {
			v := browsertest.Value[[]int](t, ctx, `[".outline li.l2 > a", ".outline li.l3 > a"].map(s => [...document.querySelectorAll(s)].filter(a => a.offsetParent).length)`)
			return v[0], v[1]
		}
		if l2, l3 := shown(); l2 != 60 || l3 > 3 {
			t.Errorf("folded outline shows %d chapters and %d sections, want 60 and at most the current chapter's 3", l2, l3)
		}
		browsertest.Do(t, ctx, chromedp.Click(chromedp.CSS(".outline li.l2:nth-child(10) .outline-toggle")))
		if exp := browsertest.Eval(t, ctx, `document.querySelector(".outline li.l2:nth-child(10) .outline-toggle").getAttribute("aria-expanded")`); exp != "true" {
			t.Errorf("the chapter's toggle says aria-expanded=%s after a click", exp)
		}
		if _, l3 := shown(); l3 < 3 {
			t.Errorf("opening a chapter shows %d sections", l3)
		}
		browsertest.Eval(t, ctx, `document.getElementById(decodeURIComponent(document.querySelector(".outline li.l2:nth-child(40) > a").hash.slice(1))).scrollIntoView(), ""`)
		if !browsertest.WaitFor(t, ctx, `document.querySelector(".outline li.l2:nth-child(40) .outline-toggle").getAttribute("aria-expanded") === "true"`, 5*time.Second) {
			t.Errorf("the chapter being read did not open in the outline")
		}
	})
}

func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "`", "\\`", "$", `\$`)
	return "`" + r.Replace(s) + "`"
}

// TestBrowserLocalGraphLabels opens the local graphs of the best-linked
// pages: the labels drawn never overlap one another, and stay on the
// canvas; a label with no room is left out (hovering its dot shows it).
func TestBrowserLocalGraphLabels(t *testing.T) {
	base, pages := uiServer(t)
	ctx := browsertest.Start(t)
	checked, crowded := 0, 0
	for _, path := range pages {
		if checked == 12 {
			break
		}
		browsertest.Do(t, ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+path))
		if !browsertest.Value[bool](t, ctx, `!!document.querySelector(".graph-local")`) {
			continue
		}
		browsertest.Eval(t, ctx, `document.querySelector(".graph-local").scrollIntoView(), ""`)
		ready := `(() => { const v = (window.__graph && window.__graph.views || []).find(v => v.local); return !!(v && v.ids && window.__graph.labels) })()`
		if !browsertest.WaitFor(t, ctx, ready, 10*time.Second) {
			t.Errorf("%s: the local graph drew no labels", path)
			continue
		}
		checked++
		res := browsertest.Value[map[string]int](t, ctx, `(() => {
			const v = window.__graph.views.find(v => v.local), L = window.__graph.labels;
			let overlaps = 0, off = 0;
			for (let i = 0; i < L.length; i++) {
				const a = L[i];
				if (a.x < 0 || a.y < 0 || a.x + a.w > v.w + 0.5 || a.y + a.h > v.h + 0.5) off++;
				for (let j = i + 1; j < L.length; j++) {
					const b = L[j];
					if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h) overlaps++;
				}
			}
			return {nodes: v.ids.length, labels: L.length, overlaps, off};
		})()`)
		if res["overlaps"] > 0 || res["off"] > 0 || res["labels"] == 0 {
			t.Errorf("%s: %d nodes, %d labels, %d overlapping pairs, %d off the canvas", path, res["nodes"], res["labels"], res["overlaps"], res["off"])
		}
		if res["labels"] < res["nodes"] {
			crowded++
		}
	}
	if checked == 0 {
		t.Fatal("no page had a local graph")
	}
	t.Logf("%d local graphs checked, %d crowded enough to leave labels out", checked, crowded)
}

package search

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"docsite/internal/browsertest"
)

// manyHits is a site where one phrase is on 23 pages: three screens of ten.
func manyHits(t *testing.T) map[string][]byte {
	var docs []Doc
	for i := range 23 {
		docs = append(docs, Doc{URL: fmt.Sprintf("/p%02d/", i), Title: fmt.Sprintf("第 %d 页", i), Lang: "zh-CN",
			Sections: []Section{{Heading: "调度", Anchor: "s", Level: 2, Text: strings.Repeat("调度器把容器放到节点上。", 1+i%3)}}})
	}
	files, _, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestBrowserMoreResults: the panel says how many hits there are and how
// many it shows; "more" shows the next ten, by mouse, by Tab and Enter, and
// by the down arrow past the last hit, and goes away when all are shown.
func TestBrowserMoreResults(t *testing.T) {
	srv, ctx := browseIndex(t, manyHits(t), "")
	state := func() (shown, total int, count string, moreHidden bool) {
		t.Helper()
		v := browsertest.Value[[]string](t, ctx, `(l => [l.dataset.shown, l.dataset.total,
		  l.querySelector(".search-count").textContent, String(l.querySelector(".search-more").hidden),
		  String(l.querySelectorAll("#search-options > [role=option]").length)])(document.getElementById("search-results"))`)
		fmt.Sscan(v[0], &shown)
		fmt.Sscan(v[1], &total)
		if n := fmt.Sprint(shown); v[4] != n {
			t.Errorf("%s options in the listbox, data-shown %s", v[4], n)
		}
		return shown, total, v[2], v[3] == "true"
	}
	waitDone := func(what string) {
		t.Helper()
		if !browsertest.WaitFor(t, ctx, `document.getElementById("search-results").dataset.state === "done"`, 10*time.Second) {
			t.Fatalf("%s: results never done", what)
		}
	}
	browsertest.Do(t, ctx, chromedp.Navigate(srv.URL+"/01-overview/"), chromedp.WaitReady(chromedp.CSS("#search-input")),
		chromedp.Focus(chromedp.CSS("#search-input")), chromedp.KeyEvent("调度器"),
		chromedp.WaitVisible(chromedp.CSS("#search-hit-0")))
	waitDone("query")
	shown, total, count, hidden := state()
	if shown != 10 || total != 23 || count != "显示 10 条，共 23 条结果" || hidden {
		t.Fatalf("first screen: %d of %d, count %q, more hidden %v", shown, total, count, hidden)
	}

	// Tab from the box goes straight to "more" (hits are reached by the
	// arrows), and Enter on it shows the next ten with the first selected.
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Tab))
	if f := browsertest.Eval(t, ctx, `document.activeElement.className`); f != "search-more" {
		t.Fatalf("Tab from the box focused %q", f)
	}
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.Enter))
	if !browsertest.WaitFor(t, ctx, `document.getElementById("search-results").dataset.shown === "20"`, 10*time.Second) {
		t.Fatal("Enter on more did not show twenty")
	}
	waitDone("more")
	if sel := browsertest.Eval(t, ctx, `document.getElementById("search-input").getAttribute("aria-activedescendant") + " " + document.activeElement.id`); sel != "search-hit-10 search-input" {
		t.Errorf("after more: selected and focused %q, want the eleventh hit and the box", sel)
	}

	// The down arrow past the last shown hit shows the rest.
	for range 9 {
		browsertest.Do(t, ctx, chromedp.KeyEvent(kb.ArrowDown))
	}
	browsertest.Do(t, ctx, chromedp.KeyEvent(kb.ArrowDown))
	if !browsertest.WaitFor(t, ctx, `document.getElementById("search-results").dataset.shown === "23"`, 10*time.Second) {
		t.Fatal("the down arrow past the last hit did not show the rest")
	}
	waitDone("arrow")
	shown, total, count, hidden = state()
	if shown != 23 || count != "显示 23 条，共 23 条结果" || !hidden {
		t.Errorf("all shown: %d of %d, count %q, more hidden %v", shown, total, count, hidden)
	}
	if sel := browsertest.Eval(t, ctx, `document.getElementById("search-input").getAttribute("aria-activedescendant")`); sel != "search-hit-20" {
		t.Errorf("after the arrow: selected %q", sel)
	}
	// Every hit is a distinct page.
	if n := browsertest.Eval(t, ctx, `String(new Set(Array.from(document.querySelectorAll(".search-hit")).map(a => a.getAttribute("href"))).size)`); n != "23" {
		t.Errorf("%s distinct hits shown", n)
	}

	// A new query starts again at ten; a click on "more" keeps the panel open.
	browsertest.Value[bool](t, ctx, `document.getElementById("search-input").value = "", true`)
	browsertest.Do(t, ctx, chromedp.KeyEvent("容器"), chromedp.WaitVisible(chromedp.CSS("#search-hit-0")))
	if !browsertest.WaitFor(t, ctx, `(l => l.dataset.state === "done" && l.dataset.query === "容器")(document.getElementById("search-results"))`, 10*time.Second) {
		t.Fatal("second query never done")
	}
	if shown, _, _, _ = state(); shown != 10 {
		t.Errorf("a new query shows %d", shown)
	}
	browsertest.Do(t, ctx, chromedp.Click(chromedp.CSS(".search-more")))
	if !browsertest.WaitFor(t, ctx, `document.getElementById("search-results").dataset.shown === "20"`, 10*time.Second) {
		t.Fatal("a click on more did not show twenty")
	}
	if hidden := browsertest.Eval(t, ctx, `String(document.getElementById("search-results").hidden)`); hidden != "false" {
		t.Error("a click on more closed the panel")
	}
}

// TestBrowserFromPath: a box marked data-from-path (the 404 page's) starts
// with the words of the address, searched.
func TestBrowserFromPath(t *testing.T) {
	srv, ctx := browseIndex(t, manyHits(t), " data-from-path")
	browsertest.Do(t, ctx, chromedp.Navigate(srv.URL+"/01-overview/"))
	if !browsertest.WaitFor(t, ctx, `document.getElementById("search-results").dataset.state === "done" && !document.getElementById("search-results").hidden`, 10*time.Second) {
		t.Fatal("no results for the address")
	}
	if q := browsertest.Eval(t, ctx, `document.getElementById("search-input").value`); q != "overview" {
		t.Errorf("the box holds %q, want the address's words", q)
	}
}

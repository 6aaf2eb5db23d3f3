package build

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"docsite/internal/browsertest"
)

const phoneWidth = 390

// TestBrowserPhoneNoOverflow opens every page of the shared site at a
// phone's width: none may be wider than the screen (the whole page would
// pan sideways); wide formulas, tables and code scroll in their own boxes.
func TestBrowserPhoneNoOverflow(t *testing.T) {
	base, pages := uiServer(t)
	ctx := browsertest.StartWithin(t, time.Minute+time.Duration(len(pages))*time.Second)
	browsertest.Do(t, ctx, chromedp.EmulateViewport(phoneWidth, 844))
	// The elements that stick out, outermost first, to say what to fix.
	const culprits = `(() => {
		const clipped = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
			if (getComputedStyle(a).overflowX !== "visible") return true } return false };
		const out = [];
		for (const e of document.querySelectorAll("body *")) {
			const r = e.getBoundingClientRect();
			if (r.right > innerWidth + 1 && !clipped(e)) {
				out.push(e.tagName.toLowerCase() + "." + [...e.classList].join(".") + " right=" + Math.round(r.right) + " " + e.textContent.slice(0, 30));
				if (out.length >= 4) break;
			}
		}
		return "innerWidth=" + innerWidth + " " + out.join("; ");
	})()`
	wide := 0
	for _, path := range pages {
		browsertest.Do(t, ctx, chromedp.Navigate(base+path))
		w := browsertest.Value[int](t, ctx, `document.documentElement.scrollWidth`)
		if w > phoneWidth {
			wide++
			if wide <= 20 {
				t.Errorf("%s is %d px wide at %d px: %s", path, w, phoneWidth, browsertest.Eval(t, ctx, culprits))
			}
		}
	}
	if wide > 20 {
		t.Errorf("… %d pages in all are wider than %d px", wide, phoneWidth)
	}
	t.Logf("%d pages measured at %d px", len(pages), phoneWidth)
}

// TestBrowserPhoneLayout checks what a phone reader sees of the chrome
// around the text: the site title whole, tables that scroll in a box
// that shows there is more, CJK columns wider than one character, and the
// sidebar's folder arrows inside the drawer and on a row's first line.
func TestBrowserPhoneLayout(t *testing.T) {
	base, _ := uiServer(t)
	ctx := browsertest.Start(t)
	browsertest.Do(t, ctx, chromedp.EmulateViewport(phoneWidth, 844), chromedp.Navigate(base+"/zz-ui/02-features/"))

	if cut := browsertest.Value[bool](t, ctx, `(() => { const e = document.querySelector(".site-title"); return e.scrollWidth > e.clientWidth + 1 })()`); cut {
		t.Errorf("the site title is cut: %q shows %d of %d px", browsertest.Eval(t, ctx, `document.querySelector(".site-title").textContent`),
			browsertest.Value[int](t, ctx, `document.querySelector(".site-title").clientWidth`),
			browsertest.Value[int](t, ctx, `document.querySelector(".site-title").scrollWidth`))
	}

	table := browsertest.Eval(t, ctx, `(() => {
		const t = document.querySelector("article table");
		const box = t.closest(".table-wrap");
		if (!box) return "no .table-wrap around the table";
		if (box.scrollWidth <= box.clientWidth) return "the table fits; the test needs a wide one";
		if (!box.classList.contains("more-right")) return "the wrapper does not show there is more to the right";
		const narrow = [...t.querySelectorAll("td, th")].map(c => c.getBoundingClientRect().width).filter(w => w < 4 * 16);
		if (narrow.length) return narrow.length + " cells narrower than four characters";
		box.scrollLeft = box.scrollWidth;
		return "scrolled";
	})()`)
	if table != "scrolled" {
		t.Errorf("wide table: %s", table)
	} else if !browsertest.WaitFor(t, ctx, `(() => { const b = document.querySelector(".table-wrap"); return b.classList.contains("more-left") && !b.classList.contains("more-right") })()`, 5*time.Second) {
		t.Errorf("scrolled to its end, the wrapper still shows more to the right (or none to the left): %s",
			browsertest.Eval(t, ctx, `document.querySelector(".table-wrap").className`))
	}

	browsertest.Do(t, ctx, chromedp.Click(chromedp.CSS(".nav-toggle")))
	browsertest.WaitFor(t, ctx, `document.querySelector(".sidebar").getBoundingClientRect().left >= 0`, 5*time.Second)
	rows := browsertest.Eval(t, ctx, `(() => {
		const bad = [];
		const side = document.querySelector(".sidebar").getBoundingClientRect();
		for (const s of document.querySelectorAll(".sidebar summary")) {
			const r = s.getBoundingClientRect();
			if (!r.width) continue;
			const first = s.firstElementChild ? s.firstElementChild.getClientRects()[0] : null;
			if (r.left < side.left) bad.push("arrow left of the drawer: " + s.textContent.trim().slice(0, 30));
			else if (first && first.left - r.left < 8) bad.push("no room for the arrow before: " + s.textContent.trim().slice(0, 30));
			else if (first && first.top - r.top > 8) bad.push("the row's text does not start on the arrow's line: " + s.textContent.trim().slice(0, 30));
		}
		return bad.slice(0, 5).join("; ");
	})()`)
	if rows != "" {
		t.Errorf("sidebar rows: %s", rows)
	}
}

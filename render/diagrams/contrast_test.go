package diagrams_test

import (
	"context"
	"encoding/json"
	"testing"

	"docsite/internal/browsertest"
)

// contrastJS measures, for every piece of text in the page's diagrams,
// the WCAG contrast ratio of its colour against what lies behind it: the
// nearest HTML box with a background, or the nearest SVG group's filled
// shape (a node, a cluster, a mindmap branch), else the page.
const contrastJS = `(() => {
  const rgb = c => { const m = c.match(/[\d.]+/g); return m ? m.map(Number) : null; };
  const opaque = c => { const v = rgb(c); return v && (v.length < 4 || v[3] > 0.5) ? v : null; };
  const lum = v => { const f = x => (x /= 255) <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4);
    return 0.2126 * f(v[0]) + 0.7152 * f(v[1]) + 0.0722 * f(v[2]); };
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const page = opaque(getComputedStyle(document.body).backgroundColor);
  const behind = el => {
    for (let e = el.parentElement; e && e.tagName.toLowerCase() !== "svg"; e = e.parentElement) {
      if (!(e instanceof SVGElement)) { const b = opaque(getComputedStyle(e).backgroundColor); if (b) return b; continue; }
      if (e.tagName.toLowerCase() !== "g") continue;
      for (const s of e.children) {
        if (!/^(rect|polygon|circle|ellipse|path)$/.test(s.tagName.toLowerCase())) continue;
        const st = getComputedStyle(s);
        if (st.fill === "none" || Number(st.fillOpacity) < 0.5) continue;
        const b = opaque(st.fill); if (b) return b;
      }
    }
    return page;
  };
  const out = [];
  document.querySelectorAll("pre.mermaid svg, .diagram svg").forEach(svg => {
    if (svg.getBoundingClientRect().width === 0) return;
    svg.querySelectorAll("text, tspan, span, p, div").forEach(el => {
      if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) return;
      const st = getComputedStyle(el);
      const fg = opaque(el instanceof SVGElement ? st.fill : st.color);
      if (!fg) return;
      out.push({text: el.textContent.trim().slice(0, 20), ratio: Math.round(ratio(fg, behind(el)) * 100) / 100, fg: String(fg), bg: String(behind(el))});
    });
  });
  return JSON.stringify(out);
})()`

// checkContrast fails on any diagram text below WCAG AA (4.5:1) in the
// dark scheme.
func checkContrast(t *testing.T, ctx context.Context) {
	t.Helper()
	if browsertest.Eval(t, ctx, `document.documentElement.dataset.theme`) != "dark" {
		browsertest.Eval(t, ctx, `document.querySelector(".theme-toggle").click(), ""`)
	}
	browsertest.WaitFor(t, ctx, `[...document.querySelectorAll("pre.mermaid")].every(e => e.dataset.scheme === "dark") || !!document.querySelector(".diagram")`, 10e9)
	var texts []struct {
		Text   string
		Ratio  float64
		Fg, Bg string
	}
	if err := json.Unmarshal([]byte(browsertest.Eval(t, ctx, contrastJS)), &texts); err != nil {
		t.Fatal(err)
	}
	if len(texts) == 0 {
		t.Fatal("no diagram text found to measure")
	}
	low := 99.0
	for _, x := range texts {
		low = min(low, x.Ratio)
		if x.Ratio < 4.5 {
			t.Errorf("dark: %q is %v:1 (%s on %s), below WCAG AA", x.Text, x.Ratio, x.Fg, x.Bg)
		}
	}
	t.Logf("dark: %d texts, lowest contrast %.2f:1", len(texts), low)
}

package search_test

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/chromedp"

	"docsite/internal/browsertest"
	"docsite/internal/config"
	"docsite/internal/sitetest"
	"docsite/render/build"
	"docsite/render/search"
)

// The figures TestSearchEval must reach on ../shared/corpus-dev.
const (
	minPrecision5 = 0.97
	minSuccess1   = 0.98
	maxFirstBytes = 300 << 10
	maxNextBytes  = 100 << 10
)

// TestSearchEval types the queries of testdata/eval-corpus-dev.tsv into the
// real search box of the built ../shared/corpus-dev in headless Chromium,
// two to a fresh page (the first costs the index's entry, the second what a
// query alone costs), and computes precision in the top five and success at
// one from relevance the test derives itself. When Pagefind is installed
// (make peers puts it in bench/node_modules; PAGEFIND names another) the
// same queries go to Pagefind's API over the same site.
func TestSearchEval(t *testing.T) {
	content := sitetest.Shared(t, "corpus-dev")
	queries := readQueries(t, "testdata/eval-corpus-dev.tsv")
	r := evaluate(t, content, queries)
	if r.docsite.p5 < minPrecision5 || r.docsite.s1 < minSuccess1 {
		t.Errorf("precision@5 %.2f (want ≥ %.2f), success@1 %.2f (want ≥ %.2f)", r.docsite.p5, minPrecision5, r.docsite.s1, minSuccess1)
	}
	if r.docsite.first.raw > maxFirstBytes || r.docsite.next.raw > maxNextBytes {
		t.Errorf("bytes per query: first %d, second %d (budgets %d, %d)", r.docsite.first.raw, r.docsite.next.raw, maxFirstBytes, maxNextBytes)
	}
}

// TestSearchEvalBench measures the same on the generated 1,200-page bench
// corpus (make corpus; DOCSITE_BENCH_CORPUS names another), its headings as
// the queries.
func TestSearchEvalBench(t *testing.T) {
	content := os.Getenv("DOCSITE_BENCH_CORPUS")
	if content == "" {
		content = "../../.cache/bench-corpus"
	}
	if _, err := os.Stat(content); err != nil {
		t.Skip("no bench corpus (make corpus)")
	}
	r := evaluate(t, content, nil)
	if r.docsite.first.raw > maxFirstBytes || r.docsite.next.raw > maxNextBytes {
		t.Errorf("bytes per query: first %d, second %d (budgets %d, %d)", r.docsite.first.raw, r.docsite.next.raw, maxFirstBytes, maxNextBytes)
	}
}

type evalQuery struct {
	kind, q  string
	relevant map[string]bool // pages
	sections map[string]bool // url#anchor, for headings
}

func readQueries(t *testing.T, name string) []evalQuery {
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []evalQuery
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		kind, q, _ := strings.Cut(line, "\t")
		out = append(out, evalQuery{kind: kind, q: q})
	}
	return out
}

var numberPrefix = regexp.MustCompile(`^[\d.]+\s*`)

// judge fills in what is relevant to each query: pages whose text holds
// every part of it, and for a heading the sections it heads.
func judge(docs []search.Doc, qs []evalQuery) {
	for i := range qs {
		q := &qs[i]
		q.relevant, q.sections = map[string]bool{}, map[string]bool{}
		match := partsMatcher(q.q)
		for _, d := range docs {
			var all strings.Builder
			all.WriteString(d.Title + "\n")
			for _, s := range d.Sections {
				h := strings.TrimSpace(numberPrefix.ReplaceAllString(s.Heading, ""))
				if q.kind == "heading" && h == q.q {
					q.sections[d.URL+"#"+s.Anchor] = true
				}
				all.WriteString(s.Heading + "\n" + s.Text + "\n")
			}
			if match(strings.ToLower(all.String())) {
				q.relevant[d.URL] = true
			}
		}
	}
}

// partsMatcher: a run of Han characters must occur as it is, a Latin word
// as a word (with or without a plural ending), a version right after the
// word before it.
func partsMatcher(q string) func(string) bool {
	var res []*regexp.Regexp
	var subs []string
	fields := strings.Fields(strings.ToLower(q))
	for i := 0; i < len(fields); i++ {
		f := fields[i]
		if !isLatin(f) {
			subs = append(subs, f)
			continue
		}
		word := regexp.QuoteMeta(strings.TrimSuffix(f, "s")) + `(s|es)?`
		if strings.HasSuffix(f, "ies") {
			word = regexp.QuoteMeta(f[:len(f)-3]) + `(y|ies)`
		}
		for i+1 < len(fields) && isLatin(fields[i+1]) && regexp.MustCompile(`^v?\d`).MatchString(fields[i+1]) {
			word += `\W{0,2}` + regexp.QuoteMeta(fields[i+1])
			i++
		}
		res = append(res, regexp.MustCompile(`(^|[^a-z0-9])`+word+`($|[^a-z0-9])`))
	}
	return func(text string) bool {
		for _, s := range subs {
			if !strings.Contains(text, s) {
				return false
			}
		}
		for _, re := range res {
			if !re.MatchString(text) {
				return false
			}
		}
		return true
	}
}

func isLatin(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII {
			return false
		}
	}
	return true
}

type bytesUsed struct{ raw, gz int }

type figures struct {
	p5, s1         float64
	headPage1      float64   // heading queries: the heading's page first
	headS1         float64   // heading queries: the heading's section first
	answered       int       // queries with at least one hit
	first, next    bytesUsed // means
	maxFirst       bytesUsed
	noSnippet, tex int
	hits, before   int
}

type evalResult struct{ docsite, pagefind figures }

func evaluate(t *testing.T, content string, qs []evalQuery) evalResult {
	out := filepath.Join(t.TempDir(), "public")
	start := time.Now()
	res, err := build.Build(build.Options{Content: content, Out: out, Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("built %s in %v", content, time.Since(start).Round(time.Millisecond))
	docs := build.SearchDocs(res.Site)
	if qs == nil { // the bench corpus: thirty of its headings
		seen := map[string]bool{}
		for i, d := range docs {
			for _, s := range d.Sections {
				h := strings.TrimSpace(numberPrefix.ReplaceAllString(s.Heading, ""))
				if i%37 == 0 && len([]rune(h)) >= 4 && !seen[h] && len(qs) < 30 {
					seen[h] = true
					qs = append(qs, evalQuery{kind: "heading", q: h})
				}
			}
		}
	}
	judge(docs, qs)
	for _, q := range qs {
		if len(q.relevant) == 0 || q.kind == "heading" && len(q.sections) == 0 {
			t.Fatalf("%q: nothing in %s is relevant", q.q, content)
		}
	}
	sv := newServed()
	srv := httptest.NewServer(sv.handler(http.FileServer(http.Dir(out))))
	t.Cleanup(srv.Close)
	page := firstPage(out, docs)

	var r evalResult
	r.docsite = runQueries(t, qs, func(t *testing.T, ctx chromeCtx, q string, fresh bool) ([][2]string, map[string]int) {
		return docsiteQuery(t, ctx, sv, srv.URL+page, q, fresh)
	})
	report := fmt.Sprintf("%d queries over %s (%d pages)\n%s", len(qs), content, len(docs), row("docsite", r.docsite))
	if bin := pagefindBin(); bin != "" {
		if b, err := runPagefind(t, bin, out); err != nil {
			t.Errorf("pagefind did not run: %v\n%s", err, b)
		} else {
			t.Logf("pagefind: %s", b[max(0, len(b)-400):])
			r.pagefind = runQueries(t, qs, func(t *testing.T, ctx chromeCtx, q string, fresh bool) ([][2]string, map[string]int) {
				return pagefindQuery(t, ctx, sv, srv.URL+page, q, fresh)
			})
			report += row("Pagefind", r.pagefind)
			// Every query has relevant pages, so a Pagefind that answers
			// few of them was asked wrongly (another language's index, a
			// page without <html lang>), not outranked.
			if r.pagefind.answered < len(qs)*9/10 {
				t.Errorf("Pagefind answered %d of %d queries: the comparison is broken", r.pagefind.answered, len(qs))
			}
		}
	} else {
		report += "Pagefind: not installed (make peers installs it into bench/node_modules)\n"
	}
	t.Log("\n" + report)
	fmt.Print(report)
	return r
}

func row(name string, f figures) string {
	kb := func(b bytesUsed) string { return fmt.Sprintf("%d KB (%d KB gzip)", b.raw>>10, b.gz>>10) }
	return fmt.Sprintf("%-8s precision@5 %.2f  success@1 %.2f  headings: page first %.2f, section first %.2f  answered %d  "+
		"first query %s, max %s  second %s  hits without snippet %d/%d, TeX in snippets %d, fetched before typing %d\n",
		name, f.p5, f.s1, f.headPage1, f.headS1, f.answered, kb(f.first), kb(f.maxFirst), kb(f.next),
		f.noSnippet, f.hits, f.tex, f.before)
}

// firstPage is where the reader types: the first page whose <html lang> is
// the language most pages are written in. Pagefind searches only the index
// of the page's own <html lang>, and a page's text can be in another
// language than its place in the site (an English page in a Chinese site),
// so the built file is read, not the model's language.
func firstPage(out string, docs []search.Doc) string {
	langs := make([]string, len(docs))
	count := map[string]int{}
	for i, d := range docs {
		langs[i] = htmlLang(filepath.Join(out, filepath.FromSlash(d.URL), "index.html"))
		count[langs[i]]++
	}
	best := ""
	for _, l := range langs {
		if count[l] > count[best] {
			best = l
		}
	}
	for i, d := range docs {
		if langs[i] == best && strings.HasPrefix(d.URL, "/") {
			return d.URL
		}
	}
	return "/"
}

var htmlLangRE = regexp.MustCompile(`<html[^>]*\slang="([^"]*)"`)

func htmlLang(file string) string {
	f, err := os.Open(file)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := f.Read(head)
	if m := htmlLangRE.FindSubmatch(head[:n]); m != nil {
		return strings.ToLower(string(m[1]))
	}
	return ""
}

type chromeCtx = context.Context

// do and eval are the shared browser helpers, under short names.
func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	browsertest.Do(t, ctx, steps...)
}

func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	return browsertest.Value[T](t, ctx, js)
}

// runQueries asks each query, two to a fresh page, and scores the answers.
func runQueries(t *testing.T, qs []evalQuery, ask func(*testing.T, chromeCtx, string, bool) ([][2]string, map[string]int)) figures {
	var f figures
	var ctx chromeCtx
	var sumFirst, sumNext bytesUsed
	nFirst, nNext, heads := 0, 0, 0
	for i, q := range qs {
		if i%20 == 0 { // a browser's context lives 90 s
			ctx = browsertest.Start(t)
		}
		fresh := i%2 == 0
		hits, st := ask(t, ctx, q.q, fresh)
		b := bytesUsed{st["raw"], st["gz"]}
		if fresh {
			sumFirst.raw, sumFirst.gz = sumFirst.raw+b.raw, sumFirst.gz+b.gz
			f.maxFirst.raw, f.maxFirst.gz = max(f.maxFirst.raw, b.raw), max(f.maxFirst.gz, b.gz)
			nFirst++
		} else {
			sumNext.raw, sumNext.gz = sumNext.raw+b.raw, sumNext.gz+b.gz
			nNext++
		}
		f.before += st["before"]
		f.noSnippet += st["nosnippet"]
		f.tex += st["tex"]
		f.hits += min(len(hits), 10)
		if len(hits) > 0 {
			f.answered++
		}
		rel := 0
		for _, h := range hits[:min(5, len(hits))] {
			if q.relevant[h[0]] {
				rel++
			}
		}
		f.p5 += float64(rel) / float64(min(5, len(q.relevant)))
		ok := len(hits) > 0 && q.relevant[hits[0][0]]
		if q.kind == "heading" {
			if anySectionOf(q.sections, hits0(hits)) {
				f.headPage1++
			}
			ok = len(hits) > 0 && q.sections[hits[0][1]]
			heads++
			if ok {
				f.headS1++
			}
		}
		if ok {
			f.s1++
		} else if testing.Verbose() {
			var got []string
			for _, h := range hits[:min(3, len(hits))] {
				got = append(got, h[1])
			}
			t.Logf("miss %s %q: got %v, want one of %v", q.kind, q.q, got, slices.Collect(keys(q.sections, q.relevant)))
		}
	}
	n := float64(len(qs))
	f.p5, f.s1 = f.p5/n, f.s1/n
	if heads > 0 {
		f.headS1 /= float64(heads)
		f.headPage1 /= float64(heads)
	}
	if nFirst > 0 {
		f.first = bytesUsed{sumFirst.raw / nFirst, sumFirst.gz / nFirst}
	}
	if nNext > 0 {
		f.next = bytesUsed{sumNext.raw / nNext, sumNext.gz / nNext}
	}
	return f
}

func hits0(hits [][2]string) string {
	if len(hits) == 0 {
		return ""
	}
	return hits[0][0]
}

// anySectionOf reports whether one of the sections is on the page.
func anySectionOf(sections map[string]bool, page string) bool {
	for s := range sections {
		if p, _, _ := strings.Cut(s, "#"); p == page && page != "" {
			return true
		}
	}
	return false
}

func keys(a, b map[string]bool) func(func(string) bool) {
	return func(yield func(string) bool) {
		m := a
		if len(m) == 0 {
			m = b
		}
		n := 0
		for k := range m {
			if n++; n > 3 || !yield(k) {
				return
			}
		}
	}
}

func docsiteQuery(t *testing.T, ctx chromeCtx, sv *served, page, q string, fresh bool) ([][2]string, map[string]int) {
	cctx := ctx
	st := map[string]int{}
	if fresh {
		do(t, cctx, chromedp.Navigate(page), chromedp.WaitReady(chromedp.CSS("#search-input")))
		do(t, cctx, chromedp.KeyEvent("/"), chromedp.Sleep(100*time.Millisecond))
		st["before"] = sv.take("/search/").raw
		// chromedp's "/" also arrives as a character, which a real key press does not.
		eval[bool](t, cctx, `document.getElementById("search-input").value = "", true`)
	} else {
		eval[bool](t, cctx, `document.getElementById("search-input").value = "", true`)
		sv.take("/search/")
	}
	do(t, cctx, chromedp.KeyEvent(q))
	cond := fmt.Sprintf(`(l => l.dataset.state === "done" && l.dataset.query === %q)(document.getElementById("search-results"))`, q)
	if !browsertest.WaitFor(t, cctx, cond, 20*time.Second) {
		t.Fatalf("%q: no results shown: %s", q, eval[string](t, cctx, `(l => document.getElementById("search-input").value + " " + JSON.stringify(l.dataset))(document.getElementById("search-results"))`))
	}
	b := sv.take("/search/")
	st["raw"], st["gz"] = b.raw, b.gz
	rows := eval[[][]string](t, cctx, `Array.from(document.querySelectorAll("#search-results .search-hit")).map(a =>
	  [a.getAttribute("href"), (a.querySelector(".search-snippet") || {}).textContent || ""])`)
	var hits [][2]string
	for _, r := range rows {
		u, _ := url.PathUnescape(r[0])
		path, _, _ := strings.Cut(u, "#")
		hits = append(hits, [2]string{path, u})
		if strings.TrimSpace(r[1]) == "" {
			st["nosnippet"]++
		}
		if texRE.MatchString(r[1]) {
			st["tex"]++
		}
	}
	return hits, st
}

var texRE = regexp.MustCompile(`\\[a-zA-Z]+|[_^]\{`)

func pagefindQuery(t *testing.T, ctx chromeCtx, sv *served, page, q string, fresh bool) ([][2]string, map[string]int) {
	cctx := ctx
	if fresh {
		do(t, cctx, chromedp.Navigate(page), chromedp.WaitReady(chromedp.CSS("body")))
	}
	sv.take("/pagefind/")
	// The section Pagefind's own UI puts forward is the sub-result with the
	// most matches, the page's top (no heading) only when it is alone.
	js := fmt.Sprintf(`(async () => { try { window.pf = window.pf || await import("/pagefind/pagefind.js");
	  const r = await pf.search(%q); const top = await Promise.all(r.results.slice(0, 5).map(x => x.data()));
	  return top.map(d => { let subs = d.sub_results || [];
	    if (subs.length > 1 && subs[0].url === d.url) subs = subs.slice(1);
	    const best = subs.reduce((a, b) => b.locations.length > a.locations.length ? b : a, subs[0] || d);
	    const text = document.createElement("div"); text.innerHTML = best.excerpt || d.excerpt || "";
	    return [d.url, best.url, text.textContent]; });
	  } catch (e) { return [["error", String(e)]]; } })()`, q)
	rows, err := chromedp.Run(cctx, chromedp.Evaluate[[][]string](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("pagefind %q: %v", q, err)
	}
	if len(rows) == 1 && rows[0][0] == "error" {
		t.Fatalf("pagefind %q: %s", q, rows[0][1])
	}
	st := map[string]int{}
	b := sv.take("/pagefind/")
	st["raw"], st["gz"] = b.raw, b.gz
	var hits [][2]string
	for _, r := range rows {
		u, _ := url.PathUnescape(strings.Replace(r[1], "index.html", "", 1))
		path, _, _ := strings.Cut(u, "#")
		hits = append(hits, [2]string{path, u})
		if strings.TrimSpace(r[2]) == "" {
			st["nosnippet"]++
		}
		if texRE.MatchString(r[2]) {
			st["tex"]++
		}
	}
	return hits, st
}

// runPagefind indexes the built site as make bench does, from bench/,
// whose pagefind.json tells Pagefind to index what docsite's index holds:
// the article, without the theme's chrome (sidebar, breadcrumbs, outline,
// pager), the backlinks and local graph the build appends, and code blocks
// (docsite indexes code only with search.includeCode). Without it every
// page holds every title of the sidebar, and Pagefind's answers point at
// the local graph's heading.
func runPagefind(t *testing.T, bin, site string) ([]byte, error) {
	abs, err := filepath.Abs(site)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "--site", abs)
	cmd.Dir = "../../bench"
	return cmd.CombinedOutput()
}

func pagefindBin() string {
	if p := os.Getenv("PAGEFIND"); p != "" {
		return p
	}
	for _, name := range []string{"pagefind_extended", "pagefind"} {
		if m, _ := filepath.Glob("../../bench/node_modules/@pagefind/*/bin/" + name); len(m) > 0 {
			abs, _ := filepath.Abs(m[0])
			return abs
		}
	}
	return ""
}

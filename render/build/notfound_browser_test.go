package build

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"docsite/internal/browsertest"
	"docsite/internal/config"
)

// TestBrowserNotFoundPage opens a missing address as a static host serves
// it (404.html with status 404): the reader can search from there and
// open a folder of the sidebar, and no request but the page's own ends in
// a 404 (the favicon above all, which browsers ask for on their own).
func TestBrowserNotFoundPage(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir,
		"README.md", "# 首页\n\n知识库。\n",
		"01-guide/README.md", "# 指南\n\n入门。\n",
		"01-guide/setup.md", "# 安装容器运行时\n\n先安装 containerd。\n",
	)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Content: dir, Out: out, Config: config.Default()}); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var missing []string
	files := http.FileServer(http.Dir(out))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := path.Clean(r.URL.Path)
		st, err := os.Stat(filepath.Join(out, filepath.FromSlash(p)))
		if err == nil && st.IsDir() {
			_, err = os.Stat(filepath.Join(out, filepath.FromSlash(p), "index.html"))
		}
		if err != nil {
			mu.Lock()
			missing = append(missing, r.URL.Path)
			mu.Unlock()
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			b, _ := os.ReadFile(filepath.Join(out, "404.html"))
			_, _ = w.Write(b)
			return
		}
		files.ServeHTTP(w, r)
	}))
	defer srv.Close()
	ctx := browsertest.Start(t)

	const gone = "/old/%E5%AE%89%E8%A3%85/" // /old/安装/
	for _, page := range []string{"/01-guide/setup/", gone} {
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+page)); err != nil {
			t.Fatal(err)
		}
		browsertest.WaitFor(t, ctx, `document.readyState === "complete"`, 10*time.Second)
	}
	if got := browsertest.Eval(t, ctx, `document.querySelector("main h1").textContent + " " + document.documentElement.lang`); got != "404 zh-CN" {
		t.Fatalf("the 404 page shows %q", got)
	}
	// The box starts searched with the missing address's words.
	if !browsertest.WaitFor(t, ctx, `[...document.querySelectorAll("#search-results [role=option]")].some(a => a.getAttribute("href").includes("/01-guide/setup/"))`, 15*time.Second) {
		t.Errorf("the 404 page does not search for the missing address's words: %s", browsertest.Eval(t, ctx, `document.getElementById("search-results").outerHTML`))
	}
	if got := browsertest.Eval(t, ctx, `document.getElementById("search-input").value`); got != "安装" {
		t.Errorf("the 404 search box holds %q, want the words of %s", got, gone)
	}
	browsertest.Eval(t, ctx, `document.querySelector('.sidebar details[data-url="/01-guide/"]').open = true; ""`)
	if !browsertest.WaitFor(t, ctx, `!!document.querySelector('.sidebar details[data-url="/01-guide/"] a[href="/01-guide/setup/"]')`, 10*time.Second) {
		t.Errorf("opening a folder on the 404 page shows none of its pages: %s", browsertest.Eval(t, ctx, `document.getElementById("sidebar").innerHTML`))
	}
	mu.Lock()
	defer mu.Unlock()
	if strings.Join(missing, " ") != "/old/安装/" {
		t.Errorf("requests that ended in 404: %v (want only the missing page)", missing)
	}
}

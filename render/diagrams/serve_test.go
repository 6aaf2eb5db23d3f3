package diagrams_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"docsite/internal/config"
	"docsite/internal/sitetest"
	"docsite/serve"
)

// TestServeBrokenDiagram: the preview shows a broken diagram as build
// does, its source with the message and its line in the page; and serves
// mermaid's ESM files as JavaScript, which module scripts require.
func TestServeBrokenDiagram(t *testing.T) {
	srv, err := serve.New(serve.Options{Content: sitetest.Tree(t, pages()), Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	h := httptest.NewServer(srv.Handler())
	defer h.Close()
	get := func(path string) (string, string) {
		t.Helper()
		res, err := http.Get(h.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return string(b), res.Header.Get("Content-Type")
	}
	body, _ := get("/broken/")
	for _, want := range []string{`<div class="diagram-error">`, "Diagram error, line 5:", `<mark class="diagram-error-line">  A[f(x)] --&gt; B</mark>`} {
		if !strings.Contains(body, want) {
			t.Errorf("the preview's broken diagram lacks %q", want)
		}
	}
	if strings.Contains(body, `class="mermaid"`) {
		t.Error("the broken diagram is left for mermaid to draw")
	}
	if _, ct := get("/assets/vendor/mermaid/mermaid.esm.min.mjs"); !strings.Contains(ct, "javascript") {
		t.Errorf("mermaid's ESM entry served as %q", ct)
	}
}

package serve

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestMarkdownCopies: a page's Markdown copy, llms.txt and the favicon are
// served with their own types (a copy as UTF-8 Markdown, never sniffed as
// HTML), and a saved page's copy follows the edit.
func TestMarkdownCopies(t *testing.T) {
	h := start(t, "README.md", "# 首页\n", "a.md", "---\ntitle: A\n---\n# A <b>x</b>\n\n正文。\n")
	get := func(path string) (string, string) {
		t.Helper()
		resp, err := http.Get(h.http.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d", path, resp.StatusCode)
		}
		return resp.Header.Get("Content-Type"), string(b)
	}
	ct, body := get("/a/index.md")
	if ct != "text/markdown; charset=utf-8" || body != "# A <b>x</b>\n\n正文。\n" {
		t.Errorf("/a/index.md: %s %q", ct, body)
	}
	if ct, body := get("/llms.txt"); ct != "text/plain; charset=utf-8" || !strings.Contains(body, "(/a/index.md)") {
		t.Errorf("/llms.txt: %s %q", ct, body)
	}
	if ct, body := get("/favicon.ico"); ct != "image/x-icon" && ct != "image/vnd.microsoft.icon" || len(body) < 30 {
		t.Errorf("/favicon.ico: %s, %d bytes", ct, len(body))
	}
	write(t, h.dir, "a.md", "# A\n\n改过了。\n")
	h.waitEvent()
	if _, body := get("/a/index.md"); body != "# A\n\n改过了。\n" {
		t.Errorf("after the edit: %q", body)
	}
}

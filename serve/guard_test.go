package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"docsite/internal/config"
)

// request sends one request to the server's handler as a browser would.
func request(t *testing.T, srv *Server, target string, header map[string]string, host string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, target, nil)
	r.Host = host
	for k, v := range header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	srv.Handler().ServeHTTP(w, r)
	return w
}

func newServer(t *testing.T, cfg *config.Config, files ...string) (*Server, string) {
	t.Helper()
	dir := t.TempDir()
	for i := 0; i+1 < len(files); i += 2 {
		write(t, dir, files[i], files[i+1])
	}
	srv, err := New(Options{Content: dir, Addr: "127.0.0.1:8080", Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	return srv, dir
}

// TestPreviewAnswersOnlyItself: the Host check (DNS rebinding), the origin
// check on the event stream and diagnostics, redirects that stay on the
// site, and paths with control characters.
func TestPreviewAnswersOnlyItself(t *testing.T) {
	srv, _ := newServer(t, nil, "README.md", "# 首页\n", "guide/intro.md", "# Intro\n")
	for _, tc := range []struct {
		name, target, host string
		header             map[string]string
		code               int
		location           string // "" when not a redirect
	}{
		{"own address", "/", "127.0.0.1:8080", nil, 200, ""},
		{"localhost", "/", "localhost:8080", nil, 200, ""},
		{"loopback v6", "/", "[::1]:8080", nil, 200, ""},
		{"rebound name", "/", "attacker.example:8080", nil, http.StatusMisdirectedRequest, ""},
		{"rebound name, events", "/_docsite/events", "attacker.example:8080", nil, http.StatusMisdirectedRequest, ""},
		{"other port", "/", "127.0.0.1:9999", nil, http.StatusMisdirectedRequest, ""},
		{"cross-origin diagnostics", "/_docsite/diagnostics?path=/", "127.0.0.1:8080", map[string]string{"Origin": "http://evil.example"}, 403, ""},
		{"cross-site events", "/_docsite/events", "127.0.0.1:8080", map[string]string{"Sec-Fetch-Site": "cross-site"}, 403, ""},
		{"same-origin diagnostics", "/_docsite/diagnostics?path=/", "127.0.0.1:8080", map[string]string{"Origin": "http://127.0.0.1:8080", "Sec-Fetch-Site": "same-origin"}, 200, ""},
		{"slash-slash redirect", "/%2fevil.example/x", "127.0.0.1:8080", nil, 301, "/evil.example/x/"},
		{"backslash redirect", "/%5cevil.example/x", "127.0.0.1:8080", nil, 301, "/"},
		{"page without slash", "/guide/intro", "127.0.0.1:8080", nil, 301, "/guide/intro/"},
		{"NUL", "/%00", "127.0.0.1:8080", nil, 400, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := request(t, srv, tc.target, tc.header, tc.host)
			if w.Code != tc.code {
				t.Fatalf("%s: %d, want %d", tc.target, w.Code, tc.code)
			}
			if loc := w.Header().Get("Location"); loc != tc.location {
				t.Errorf("%s: Location %q, want %q", tc.target, loc, tc.location)
			}
		})
	}
}

// TestPreviewSanitizes: sanitize: true holds in the preview as in a build.
func TestPreviewSanitizes(t *testing.T) {
	cfg := config.Default()
	cfg.Sanitize = true
	srv, _ := newServer(t, cfg, "README.md", "# 首页\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n")
	body := request(t, srv, "/", nil, "127.0.0.1:8080").Body.String()
	if strings.Contains(body, "alert(") {
		t.Errorf("the preview serves script with sanitize: true:\n%s", body)
	}
}

// TestPreviewEscapesItsPages: the 404 page carries the configuration's
// language and base URL escaped.
func TestPreviewEscapesItsPages(t *testing.T) {
	cfg := config.Default()
	cfg.Language = `zh"><script>alert(1)</script>`
	srv, _ := newServer(t, cfg, "README.md", "# 首页\n")
	w := request(t, srv, "/missing/", nil, "127.0.0.1:8080")
	if w.Code != 404 || strings.Contains(w.Body.String(), "<script>alert(1)") {
		t.Errorf("404 page: %d\n%s", w.Code, w.Body.String())
	}
}

// TestPreviewRechecksSwappedFiles: a published file swapped for a link to
// outside the content is not served, and a page swapped for one is
// rebuilt by the loader's rules, as a fresh build would.
func TestPreviewRechecksSwappedFiles(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.txt")
	if err := os.WriteFile(outside, []byte("TOKEN=do-not-serve"), 0o600); err != nil {
		t.Fatal(err)
	}
	srv, dir := newServer(t, nil, "README.md", "# 首页\n\n![图](pic.png)\n", "pic.png", "png", "page.md", "# 页\n")
	for _, name := range []string{"pic.png", "page.md"} {
		p := filepath.Join(dir, name)
		if err := os.Remove(p); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(outside, p); err != nil {
			t.Fatal(err)
		}
	}
	srv.Apply([]string{"page.md", "pic.png"})
	for _, target := range []string{"/pic.png", "/page/"} {
		w := request(t, srv, target, nil, "127.0.0.1:8080")
		b, _ := io.ReadAll(w.Body)
		if strings.Contains(string(b), "do-not-serve") {
			t.Errorf("%s serves the file a link outside the content points to", target)
		}
	}
}

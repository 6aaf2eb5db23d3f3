package main

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestGzipped(t *testing.T) {
	page := strings.Repeat("<p>文档</p>", 200)
	dir := writeTree(t, map[string]string{"a/index.html": page, "logo.png": "PNG", "assets/site.css": "body{}"})
	srv := httptest.NewServer(gzipped(dir))
	defer srv.Close()
	tests := []struct {
		path, accept string
		status       int
		gzip         bool
		body         string
	}{
		{"/a/", "gzip, br", 200, true, page},
		{"/a/", "", 200, false, page},
		{"/assets/site.css", "gzip", 200, true, "body{}"},
		{"/logo.png", "gzip", 200, false, "PNG"},
		{"/missing/", "gzip", 404, false, ""},
	}
	tr := &http.Transport{DisableCompression: true}
	for _, tt := range tests {
		req, _ := http.NewRequest("GET", srv.URL+tt.path, nil)
		if tt.accept != "" {
			req.Header.Set("Accept-Encoding", tt.accept)
		}
		resp, err := tr.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		var r io.Reader = resp.Body
		gz := resp.Header.Get("Content-Encoding") == "gzip"
		if gz {
			if r, err = gzip.NewReader(resp.Body); err != nil {
				t.Fatal(tt.path, err)
			}
		}
		b, _ := io.ReadAll(r)
		resp.Body.Close()
		if resp.StatusCode != tt.status || gz != tt.gzip {
			t.Errorf("%s (%q): status %d gzip %v, want %d %v", tt.path, tt.accept, resp.StatusCode, gz, tt.status, tt.gzip)
		}
		if tt.body != "" && string(b) != tt.body {
			t.Errorf("%s: body %d bytes, want %d", tt.path, len(b), len(tt.body))
		}
	}
}

func TestPick(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"index.html":              "<html>home</html>",
		"a/index.html":            "<math></math><math></math>",
		"b/index.html":            "<math></math>" + strings.Repeat("x", 500),
		"graph/index.html":        strings.Repeat("x", 5000),
		"assets/nav/index.html":   strings.Repeat("<math>", 50),
		"c/d/index.html":          "<math></math><math></math>",
		"c/d/notapage/index.json": "{}",
	})
	got, err := pick(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range got {
		names = append(names, p.Name+"="+p.URL)
	}
	want := "home=/ most formulas=/a/ biggest page=/b/"
	if strings.Join(names, " ") != want {
		t.Errorf("picked %q, want %q", strings.Join(names, " "), want)
	}
}

func TestParse(t *testing.T) {
	b, err := os.ReadFile("testdata/report.json")
	if err != nil {
		t.Fatal(err)
	}
	r, err := parse(b)
	if err != nil {
		t.Fatal(err)
	}
	r.Page = target{Name: "home", URL: "/", Bytes: 2048}
	if r.Scores["performance"] != 88 || r.Scores["seo"] != 100 || r.Metrics["total-blocking-time"] != "250 ms" {
		t.Errorf("scores %v metrics %v", r.Scores, r.Metrics)
	}
	// Only audits that cost points count: the zero-weight one does not.
	if len(r.Failing) != 1 || !strings.Contains(r.Failing[0], "accessibility: color-contrast") {
		t.Errorf("failing %q", r.Failing)
	}
	short := belowBudget([]result{r})
	if strings.Join(short, "; ") != "home performance 88 < 90; home accessibility 95 < 100" {
		t.Errorf("below budget %q", short)
	}
	md := markdown([]result{r})
	if !strings.Contains(md, "| home | 2 KB | 10 KB | 88 | 95 | 100 | 100 | 1.1 s |") {
		t.Errorf("table:\n%s", md)
	}
	if _, err := parse([]byte(`{"runtimeError":{"code":"NO_FCP","message":"no paint"}}`)); err == nil {
		t.Error("a report with a runtime error parsed")
	}
}

func TestMedian(t *testing.T) {
	rs := []result{{Scores: map[string]int{"performance": 95}}, {Scores: map[string]int{"performance": 70}},
		{Scores: map[string]int{"performance": 91}}}
	if got := median(rs).Scores["performance"]; got != 91 {
		t.Errorf("median %d, want 91", got)
	}
}

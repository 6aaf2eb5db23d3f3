package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"docsite/internal/config"
)

func load(t *testing.T, files ...string) *Site {
	t.Helper()
	dir := t.TempDir()
	for i := 0; i+1 < len(files); i += 2 {
		p := filepath.Join(dir, filepath.FromSlash(files[i]))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(files[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Load(dir, config.Default())
	if err != nil {
		t.Fatal(err)
	}
	s.Navigate(false) // without a parse, titles fall back to file names

	return s
}

func TestLandingPagesAndURLs(t *testing.T) {
	s := load(t,
		"README.md", "", "02-principles/principles.md", "", "02-principles/README.md", "",
		"overview/index.md", "", "overview/overview.md", "", "03-x/03-x.md", "", "03-x/README.md", "",
		"a/B/page.md", "", "a/B/page.en.md", "", "_hidden.md", "", ".git/x.md", "", "img/p.png", "",
	)
	want := map[string]string{
		"README.md":                   "/",
		"02-principles/principles.md": "/02-principles/",
		"02-principles/README.md":     "/02-principles/README/",
		"overview/index.md":           "/overview/",
		"overview/overview.md":        "/overview/overview/",
		"03-x/README.md":              "/03-x/",
		"03-x/03-x.md":                "/03-x/03-x/",
		"a/B/page.md":                 "/a/B/page/",
		"a/B/page.en.md":              "/en/a/B/page/",
	}
	for path, url := range want {
		p := s.ByPath[path]
		if p == nil {
			t.Errorf("%s not loaded", path)
			continue
		}
		if p.URL != url {
			t.Errorf("%s: URL %s, want %s", path, p.URL, url)
		}
	}
	if _, ok := s.ByPath["_hidden.md"]; ok {
		t.Error("hidden file published")
	}
	if len(s.Files) != 1 || s.Files[0] != "img/p.png" {
		t.Errorf("files to copy: %v", s.Files)
	}
	if en := s.ByPath["a/B/page.md"].Translations["en"]; en == nil || en.Path != "a/B/page.en.md" {
		t.Error("translation not linked")
	}
}

func TestOrderAndNumbers(t *testing.T) {
	s := load(t, "10-ten.md", "# 1. Ten", "2-two.md", "# Two", "01-one/one.md", "# 1. One", "01-one/01-a.md", "# A", "zeta.md", "# Zeta")
	var got []string
	for _, n := range s.Flat("zh-CN")[1:] {
		got = append(got, n.Number+" "+n.Title)
	}
	want := "1 one|1.1 a|2 two|3 ten| zeta" // a loose root file beside folders takes no position
	if strings.Join(got, "|") != want {
		t.Errorf("sidebar %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestResolve(t *testing.T) {
	s := load(t, "a/x.md", "", "b/Y.md", "", "b/pic.png", "", "c/note.txt", "", "d/e.md", "")
	from := s.ByPath["a/x.md"]
	cases := []struct {
		dest string
		kind TargetKind
	}{
		{"https://example.com", External},
		{"#top", SamePage},
		{"../b/Y.md#%E6%A0%87", PageTarget},
		{"../b/y.md", PageTarget}, // found ignoring case, with CaseOf set
		{"../b/pic.png", FileTarget},
		{"../nope.md", Missing},
		{"../../../etc/passwd", Outside},
		{"/etc/passwd", Outside},
		{"../c/", FolderNoPage},
	}
	for _, c := range cases {
		if got := s.Resolve(from, c.dest); got.Kind != c.kind {
			t.Errorf("Resolve(%q) = %v, want %v", c.dest, got.Kind, c.kind)
		}
	}
	if t2 := s.Resolve(from, "../b/Y.md#%E6%A0%87"); t2.Fragment != "标" {
		t.Errorf("fragment not decoded: %q", t2.Fragment)
	}
	if t3 := s.Resolve(from, "../b/y.md"); t3.CaseOf != "b/Y.md" {
		t.Errorf("CaseOf %q", t3.CaseOf)
	}
	if u, ok := s.LinkURL(from, "../b/Y.md#x"); !ok || u != "/b/Y/#x" {
		t.Errorf("LinkURL %q %v", u, ok)
	}
}

package build

import (
	"docsite/internal/sitetest"

	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"docsite/check/translation"
	"docsite/internal/config"
)

func writeFiles(t *testing.T, dir string, pairs ...string) {
	t.Helper()
	for i := 0; i+1 < len(pairs); i += 2 {
		p := filepath.Join(dir, filepath.FromSlash(pairs[i]))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(pairs[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// bilingual is a small site: a translated pair, a page with no English
// version, and a folder translated only partly.
func bilingual(t *testing.T) string {
	dir := t.TempDir()
	writeFiles(t, dir,
		"README.md", "# 首页\n",
		"README.en.md", "# Home\n",
		"01-overview/overview.md", "# 1. 总览\n\n## 1.1 层次\n\n## 1.2 演进\n",
		"01-overview/overview.en.md", "# 1. Overview\n\n## 1.1 Layers\n",
		"01-overview/01-only-zh.md", "# 1.1 仅中文\n\n[English overview](overview.en.md)\n",
		"02-k3s/k3s.md", "# 2. K3s\n",
		"02-k3s/01-edge.md", "# 2.1 边缘\n",
		"02-k3s/01-edge.en.md", "---\nlang: en\n---\n# 2.1 Edge\n",
		"02-k3s/02-ha.md", "---\ntranslationKey: ha\n---\n# 2.2 高可用\n",
		"02-k3s/ha-english.en.md", "---\ntranslationKey: ha\n---\n# 2.2 High availability\n",
	)
	return dir
}

var alternateRE = regexp.MustCompile(`<html lang="[^"]*"|<link rel="alternate"[^>]*>|<a class="lang-switch"[^>]*>[^<]*</a>`)

func TestBilingualSwitcherAndAlternates(t *testing.T) {
	dir := bilingual(t)
	out := filepath.Join(t.TempDir(), "public")
	cfg := config.Default()
	cfg.BaseURL = "https://example.org/" // a sitemap needs the site's address
	if _, err := Build(Options{Content: dir, Out: out, Config: cfg}); err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	for _, page := range []string{"01-overview/index.html", "en/01-overview/index.html", "01-overview/01-only-zh/index.html",
		"02-k3s/01-edge/index.html", "en/02-k3s/01-edge/index.html", "02-k3s/02-ha/index.html", "en/02-k3s/ha-english/index.html"} {
		b, err := os.ReadFile(filepath.Join(out, page))
		if err != nil {
			t.Fatal(err)
		}
		got.WriteString("== " + page + "\n")
		for _, m := range alternateRE.FindAllString(string(b), -1) {
			got.WriteString(m + "\n")
		}
	}
	sitetest.Golden(t, filepath.Join("testdata", "i18n.golden"), []byte(got.String()))
	// Each language has its own sidebar, numbered in its own order.
	en, _ := os.ReadFile(filepath.Join(out, "assets/nav/en.html"))
	if !strings.Contains(string(en), `<span class="num">2.1</span> Edge`) || strings.Contains(string(en), "仅中文") {
		t.Errorf("English sidebar wrong:\n%s", en)
	}
	sitemap, _ := os.ReadFile(filepath.Join(out, "sitemap.xml"))
	if !strings.Contains(string(sitemap), `hreflang="en" href="https://example.org/en/01-overview/"`) {
		t.Errorf("sitemap lacks alternates:\n%s", sitemap)
	}
}

func TestTranslationChecks(t *testing.T) {
	dir := bilingual(t)
	pl, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := pl.Model(Options{Content: dir, Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range translation.Check(s) {
		got = append(got, d.File+" "+string(d.Rule))
	}
	want := "01-overview/01-only-zh.md translation/cross-link\n01-overview/overview.en.md translation/out-of-sync"
	if strings.Join(got, "\n") != want {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}

// TestConfigNav: docsite.yaml's nav entries rename and reorder sidebar
// entries (search.includeCode is tested with the search index).
func TestConfigNav(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir,
		"a.md", "# Alpha\n\n```go\nfunc uniqueIdentifier() {}\n```\n",
		"b.md", "# Beta\n",
	)
	pl, err := NewPipeline(Options{})
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Parse("docsite.yaml", []byte("nav:\n  - path: b.md\n    title: 先看这个\n    weight: -1\n"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := pl.Model(Options{Content: dir, Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	root := s.Nav[s.Config.Language]
	if len(root.Children) != 2 || root.Children[0].Title != "先看这个" || root.Children[0].Number != "1" {
		t.Errorf("sidebar: %+v %+v", root.Children[0], root.Children[1])
	}
}

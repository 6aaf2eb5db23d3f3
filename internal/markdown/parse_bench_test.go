package markdown

import (
	"docsite/internal/sitetest"

	"os"
	"path/filepath"
	"testing"

	"docsite/internal/config"
	"docsite/internal/site"
)

// benchPage loads the seed page as the overview page of a one-page site,
// unparsed. It skips when the shared folder is not there.
func benchPage(b *testing.B) (*site.Site, site.Page) {
	b.Helper()
	// The real page of the knowledge base the corpus is modelled on.
	src, err := os.ReadFile(sitetest.Shared(b, "seeds", "000_b5dc548fecb8e19d.txt"))
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	p := filepath.Join(dir, "01-overview", "overview.md")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(p, src, 0o644); err != nil {
		b.Fatal(err)
	}
	s, err := site.Load(dir, config.Default())
	if err != nil {
		b.Fatal(err)
	}
	pg := s.ByPath["01-overview/overview.md"]
	if pg == nil {
		b.Fatal("seed page not loaded")
	}
	base := *pg // a copy with the model still empty
	s.Navigate(false)
	return s, base
}

// BenchmarkParse is the one parse every page gets, for build and check
// alike: goldmark with docsite's extensions and the model extraction.
// Formulas are not typeset here (no KaTeX); render/math measures that.
func BenchmarkParse(b *testing.B) { benchParse(b, New()) }

// BenchmarkParseForChecking is the checker's parse (see ForChecking).
func BenchmarkParseForChecking(b *testing.B) { benchParse(b, New(ForChecking())) }

func benchParse(b *testing.B, c *Converter) {
	_, base := benchPage(b)
	b.SetBytes(int64(len(base.Source)))
	b.ReportAllocs()
	for b.Loop() {
		p := base
		c.Parse(&p)
	}
}

// BenchmarkRender renders a parsed page with warm caches (the same
// Converter rendered it before), as serve does on every save.
func BenchmarkRender(b *testing.B) {
	s, base := benchPage(b)
	c := New()
	renderOnce(b, c, s, base) // fills the highlighter's memory cache
	b.SetBytes(int64(len(base.Source)))
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		p := base
		doc := c.Parse(&p)
		b.StartTimer()
		if _, err := c.Render(&p, doc, func(d string) (string, bool) { return s.LinkURL(&p, d) }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRenderCold renders with a fresh Converter each time, so every
// code block goes through chroma: the cost of a cold build per page.
func BenchmarkRenderCold(b *testing.B) {
	s, base := benchPage(b)
	b.SetBytes(int64(len(base.Source)))
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		c := New()
		p := base
		doc := c.Parse(&p)
		b.StartTimer()
		if _, err := c.Render(&p, doc, func(d string) (string, bool) { return s.LinkURL(&p, d) }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseRender is the whole per-page cost of a warm build.
func BenchmarkParseRender(b *testing.B) {
	s, base := benchPage(b)
	c := New()
	renderOnce(b, c, s, base)
	b.SetBytes(int64(len(base.Source)))
	b.ReportAllocs()
	for b.Loop() {
		renderOnce(b, c, s, base)
	}
}

func renderOnce(b *testing.B, c *Converter, s *site.Site, base site.Page) {
	p := base
	doc := c.Parse(&p)
	if _, err := c.Render(&p, doc, func(d string) (string, bool) { return s.LinkURL(&p, d) }); err != nil {
		b.Fatal(err)
	}
}

package numbering

import (
	"docsite/internal/sitetest"

	"os"
	"path/filepath"
	"strings"
	"testing"

	"docsite/internal/numbering"
	"docsite/internal/site"
)

// TestSeedPage checks the real corpus page: its numbering and its TOC are
// right, so nothing may be reported; its TOC spans the 目录 heading through
// the last entry.
func TestSeedPage(t *testing.T) {
	src, err := os.ReadFile(sitetest.Shared(t, "seeds", "000_b5dc548fecb8e19d.txt"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "01-overview.md"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	s := model(t, dir)
	p := s.ByPath["01-overview.md"]
	if p.Nav.Number != "1" {
		t.Fatalf("sidebar number %q, want 1", p.Nav.Number)
	}
	if ds := Check(s); len(ds) != 0 {
		t.Errorf("seed page: %d findings:\n%s", len(ds), strings.Join(render(ds), "\n"))
	}
	start, end, ok := site.FindTOC(p)
	if !ok {
		t.Fatal("no TOC found")
	}
	toc := string(src[start:end])
	if !strings.HasPrefix(toc, "## 目录\n") || !strings.HasSuffix(toc, "- [1.9 参考](#19-参考)\n") {
		t.Errorf("TOC range %d-%d:\n%s", start, end, toc)
	}
	sc := scheme(p)
	if sc.Kind != numbering.Chapter {
		t.Errorf("scheme %v, want chapter", sc.Kind)
	}
	sections := 0
	for _, h := range sc.Heads {
		if h.Role == numbering.Section {
			sections++
		}
	}
	if sections != 18 {
		t.Errorf("%d sections, want 18", sections)
	}
}

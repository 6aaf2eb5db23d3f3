package numbering

import (
	"os"
	"path/filepath"
	"testing"

	"docsite/render/build"
	"docsite/render/config"
)

func TestProbe(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("# 1. 总览\n\n## 目录\n\n- [目录](#目录)\n- [1.1 A](#11-a)\n  - [x](#%E7%9B%AE)\n  - [y](#11-a)\n\n---\n\n## 1.1 A\n\nSetext\n------\n"), 0o644)
	pl, err := build.NewPipeline(build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := pl.Model(build.Options{Content: dir, Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range s.Pages {
		t.Logf("%q gen=%v nav=%v", p.Path, p.Generated, p.Nav != nil)
		for _, h := range p.Headings {
			t.Logf("H %d %q %q %d %q", h.Level, h.Text, h.ID, h.Offset, p.Source[h.Offset:min(h.Offset+8, len(p.Source))])
		}
		for _, l := range p.Links {
			t.Logf("L %q %q", l.Dest, p.Source[l.Start:l.End])
		}
		if p.Nav != nil {
			t.Logf("num %q parent=%v", p.Nav.Number, p.Nav.Parent != nil)
		}
	}
}

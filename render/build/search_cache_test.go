package build

import (
	"os"
	"path/filepath"
	"testing"

	"docsite/internal/config"
)

// TestSearchIndexCached: a build whose pages' text did not change takes its
// search index from the cache a previous build saved; editing one page's
// text makes it again, and only once.
func TestSearchIndexCached(t *testing.T) {
	content, cacheDir := t.TempDir(), t.TempDir()
	page := filepath.Join(content, "a.md")
	write := func(text string) {
		t.Helper()
		if err := os.WriteFile(page, []byte("# 控制平面\n\n"+text+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// builds runs a build in a fresh pipeline (as the command does) and
	// returns how many times that build made the index.
	builds := func() int {
		t.Helper()
		opts := Options{Content: content, CacheDir: cacheDir, Config: config.Default()}
		pl, err := NewPipeline(opts)
		if err != nil {
			t.Fatal(err)
		}
		s, err := pl.Model(opts)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := pl.searchFiles(s); err != nil {
			t.Fatal(err)
		}
		pl.Save()
		return pl.indexBuilds
	}
	write("调度器把容器放到节点上。")
	for i, c := range []struct {
		edit string
		want int
	}{{"", 1}, {"", 0}, {"调度器把容器放到另一个节点上。", 1}, {"", 0}} {
		if c.edit != "" {
			write(c.edit)
		}
		if got := builds(); got != c.want {
			t.Errorf("build %d: the index was made %d times, want %d", i+1, got, c.want)
		}
	}
}

package build

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"docsite/internal/config"
	"docsite/render/search"
)

func TestIndexEncoding(t *testing.T) {
	files := map[string][]byte{"search/zh-CN/meta.json": []byte(`{"v":1}`), "search/en/d/0.json": {}, "search/langs.json": []byte(`["en"]`)}
	stats := search.Stats{Docs: 3, IndexBytes: 42}
	got, st, ok := decodeIndex(encodeIndex(files, stats))
	if !ok || st != stats || len(got) != len(files) {
		t.Fatalf("round trip: %v %+v %v", ok, st, got)
	}
	for k, v := range files {
		if !bytes.Equal(got[k], v) {
			t.Errorf("%s: %q", k, got[k])
		}
	}
	if _, _, ok := decodeIndex([]byte{0xff}); ok {
		t.Error("garbage decoded")
	}
}

// TestWarmBuildSameOutput: a build that takes its search index and graph
// layout from the cache writes the same bytes as the cold one.
func TestWarmBuildSameOutput(t *testing.T) {
	cacheDir := t.TempDir()
	cold, warm := filepath.Join(t.TempDir(), "cold"), filepath.Join(t.TempDir(), "warm")
	for _, out := range []string{cold, warm} {
		if _, err := Build(Options{Content: "../../content", Out: out, CacheDir: cacheDir, Config: config.Default()}); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"search/zh-CN/meta.json", "assets/graph/zh-CN.json", "01-overview/index.html"} {
		a, _ := os.ReadFile(filepath.Join(cold, f))
		b, _ := os.ReadFile(filepath.Join(warm, f))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s differs between the cold and the warm build", f)
		}
	}
	if ents, _ := os.ReadDir(cacheDir); len(ents) < 3 {
		t.Errorf("cache folder holds %d files", len(ents))
	}
}

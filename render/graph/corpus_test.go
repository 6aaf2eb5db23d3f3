package graph_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"docsite/internal/config"
	"docsite/internal/site"
	"docsite/render/build"
)

// The 1,200-page corpus is generated once per test run (about two seconds)
// and parsed once; every corpus test shares the model.
var corpus struct {
	once sync.Once
	dir  string
	site *site.Site
	err  error
}

func corpusSite(t testing.TB) *site.Site {
	t.Helper()
	if testing.Short() {
		t.Skip("corpus test skipped in -short mode")
	}
	corpus.once.Do(func() {
		dir, err := os.MkdirTemp("", "graph-corpus-")
		if err != nil {
			corpus.err = err
			return
		}
		corpus.dir = filepath.Join(dir, "content")
		cmd := exec.Command("go", "run", "../../cmd/gencorpus", "-out", corpus.dir, "-files", "1200")
		if out, err := cmd.CombinedOutput(); err != nil {
			corpus.err = err
			corpus.dir = string(out)
			return
		}
		pl, err := build.NewPipeline(build.Options{})
		if err != nil {
			corpus.err = err
			return
		}
		corpus.site, corpus.err = pl.Model(build.Options{Content: corpus.dir, Config: config.Default()})
	})
	if corpus.err != nil {
		t.Fatalf("corpus: %v %s", corpus.err, corpus.dir)
	}
	return corpus.site
}

func TestMain(m *testing.M) {
	code := m.Run()
	if corpus.dir != "" {
		os.RemoveAll(filepath.Dir(corpus.dir))
	}
	os.Exit(code)
}

// Package benchcorpus gives Go benchmarks the corpus make bench measures
// (go run ./cmd/gencorpus -seed 1 -files 1200), loaded into the page model.
package benchcorpus

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"docsite/internal/config"
	"docsite/internal/markdown"
	"docsite/internal/site"
)

// Dir returns the corpus folder, generating it when it is missing;
// DOCSITE_BENCH_CORPUS names another one. root is the path from the
// calling package to the repository root.
func Dir(b *testing.B, root string) string {
	b.Helper()
	if dir := os.Getenv("DOCSITE_BENCH_CORPUS"); dir != "" {
		return dir
	}
	dir, _ := filepath.Abs(filepath.Join(root, ".cache", "bench-corpus"))
	if _, err := os.Stat(filepath.Join(dir, ".gencorpus")); err == nil {
		return dir
	}
	cmd := exec.Command("go", "run", filepath.Join(root, "cmd", "gencorpus"), "-out", dir, "-seed", "1", "-files", "1200")
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Skipf("cannot generate the corpus: %v\n%s", err, out)
	}
	return dir
}

// Model is what docsite check holds before its rules run: the corpus read,
// parsed (math left untypeset) and indexed.
func Model(b *testing.B, root string) *site.Site {
	b.Helper()
	s, err := site.Load(Dir(b, root), config.Default())
	if err != nil {
		b.Fatal(err)
	}
	c := markdown.New()
	for _, p := range s.Pages {
		c.Parse(p)
	}
	s.Navigate(false)
	return s
}

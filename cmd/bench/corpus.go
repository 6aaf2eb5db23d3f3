package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// stamp is what cmd/gencorpus writes into its .gencorpus marker.
func stamp(seed uint64, files int) string {
	return fmt.Sprintf("gencorpus seed=%d files=%d", seed, files)
}

// corpusCurrent reports whether dir holds the corpus of this seed and size.
func corpusCurrent(dir string, seed uint64, files int) bool {
	b, err := os.ReadFile(filepath.Join(dir, ".gencorpus"))
	return err == nil && strings.TrimSpace(string(b)) == stamp(seed, files)
}

// ensureCorpus makes the corpus unless it is there already. gencorpus is
// run from source (bench lives in the same module) and, with -force, only
// ever replaces a folder it wrote itself.
func ensureCorpus(ctx context.Context, dir string, seed uint64, files int, log io.Writer) error {
	if corpusCurrent(dir, seed, files) {
		return nil
	}
	fmt.Fprintf(log, "bench: generating the corpus (%s) in %s\n", stamp(seed, files), dir)
	cmd := exec.CommandContext(ctx, "go", "run", "./cmd/gencorpus", "-out", dir,
		"-seed", fmt.Sprint(seed), "-files", fmt.Sprint(files), "-force")
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("generating the corpus: %v (run make bench from the repository root)", err)
	}
	if !corpusCurrent(dir, seed, files) {
		return fmt.Errorf("gencorpus left no marker in %s", dir)
	}
	return nil
}

// copyTree copies the regular files and folders of src into dst, which
// must not exist. Serve edits its copy; the cached corpus stays as
// generated.
func copyTree(src, dst string) error {
	if _, err := os.Lstat(dst); err == nil {
		return fmt.Errorf("copying %s: %s is already there", src, dst)
	}
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644)
	})
}

// dirSize is the total size of the regular files under dir.
func dirSize(dir string) (int64, int, error) {
	var size int64
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		size += info.Size()
		n++
		return nil
	})
	return size, n, err
}

// markdownFiles lists the .md files under dir, relative and sorted by walk
// order (lexical), skipping hidden folders.
func markdownFiles(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != dir && strings.HasPrefix(d.Name(), ".") {
			return fs.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(d.Name(), ".md") {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	return out, err
}

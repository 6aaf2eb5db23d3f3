package atomic

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteAll(t *testing.T) {
	dir := t.TempDir()
	journal := filepath.Join(t.TempDir(), "cache", "fix-journal.json")
	a, b := filepath.Join(dir, "a.md"), filepath.Join(dir, "sub", "b.md")
	if err := os.MkdirAll(filepath.Dir(b), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{a, b} {
		if err := os.WriteFile(p, []byte("old"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := WriteAll(journal, map[string][]byte{a: []byte("new a"), b: []byte("new b")}); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]string{a: "new a", b: "new b"} {
		got, _ := os.ReadFile(p)
		st, _ := os.Stat(p)
		if string(got) != want || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: %q mode %v", p, got, st.Mode().Perm())
		}
	}
	onlyFiles(t, dir, "a.md", "sub", "sub/b.md")
	if _, err := os.Stat(journal); !os.IsNotExist(err) {
		t.Errorf("journal left: %v", err)
	}
}

// TestWriteAllNoneOnFailure: when one file cannot be staged, none changes
// and nothing is left beside them.
func TestWriteAllNoneOnFailure(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.md")
	if err := os.WriteFile(a, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteAll(filepath.Join(t.TempDir(), "j.json"), map[string][]byte{a: []byte("new"), filepath.Join(dir, "missing", "b.md"): []byte("x")})
	if err == nil {
		t.Fatal("WriteAll into a missing folder succeeded")
	}
	if got, _ := os.ReadFile(a); string(got) != "old" {
		t.Errorf("a.md is %q after a failed WriteAll", got)
	}
	onlyFiles(t, dir, "a.md")
}

// TestRecover: a run killed after its commit point (journal written, some
// renames done) is finished by the next run's Recover.
func TestRecover(t *testing.T) {
	dir := t.TempDir()
	journal := filepath.Join(t.TempDir(), "j.json")
	a, b := filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md")
	for p, data := range map[string]string{a: "new a", b: "old b", filepath.Join(dir, ".b.md.1.tmp"): "new b"} {
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// a's rename ran before the kill; b's did not.
	if err := writeJournal(journal, []rename{{filepath.Join(dir, ".a.md.1.tmp"), a}, {filepath.Join(dir, ".b.md.1.tmp"), b}}); err != nil {
		t.Fatal(err)
	}
	if err := Recover(journal); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]string{a: "new a", b: "new b"} {
		if got, _ := os.ReadFile(p); string(got) != want {
			t.Errorf("%s: %q, want %q", p, got, want)
		}
	}
	onlyFiles(t, dir, "a.md", "b.md")
	if err := Recover(journal); err != nil {
		t.Errorf("Recover without a journal: %v", err)
	}
}

func onlyFiles(t *testing.T, dir string, want ...string) {
	t.Helper()
	var got []string
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if p != dir {
			rel, _ := filepath.Rel(dir, p)
			got = append(got, filepath.ToSlash(rel))
		}
		return nil
	})
	if len(got) != len(want) {
		t.Fatalf("files %v, want %v", got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("files %v, want %v", got, want)
		}
	}
}

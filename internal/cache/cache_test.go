package cache

import (
	"os"
	"path/filepath"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	s := Open(dir, "code.bin")
	if _, ok := s.Get("a"); ok {
		t.Fatal("empty store answered")
	}
	s.Put("a", []byte("<pre>α</pre>"))
	s.Put("b", nil)
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	s2 := Open(dir, "code.bin")
	if v, ok := s2.Get("a"); !ok || string(v) != "<pre>α</pre>" {
		t.Fatalf("reloaded %q %v", v, ok)
	}
	// Only what this run used is kept: b was not asked for.
	if err := s2.Save(); err != nil {
		t.Fatal(err)
	}
	s3 := Open(dir, "code.bin")
	if _, ok := s3.Get("b"); ok {
		t.Errorf("unused entry survived")
	}
}

func TestDamagedFileStartsEmpty(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "c"), []byte("docsite-cache-1\n\xff\xff\xff"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := Open(dir, "c")
	if _, ok := s.Get("x"); ok {
		t.Fatal("garbage read as an entry")
	}
	s.Put("x", []byte("1"))
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
}

func TestMemoryOnly(t *testing.T) {
	s := Open("", "x")
	s.Put("k", []byte("v"))
	if v, _ := s.Get("k"); string(v) != "v" {
		t.Fatal("memory store lost a value")
	}
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
}

func FuzzLoad(f *testing.F) {
	f.Add([]byte(magic + "\x01a\x01b"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		_ = os.WriteFile(filepath.Join(dir, "c"), data, 0o644)
		Open(dir, "c").Get("a")
	})
}

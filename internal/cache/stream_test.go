package cache

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

func TestStreamRounds(t *testing.T) {
	dir := t.TempDir()
	s := OpenStream(dir, "pages.bin")
	if _, ok := s.Get("a"); ok {
		t.Fatal("an empty stream answered")
	}
	s.Put("a", []byte("α"))
	s.Put("b", []byte("β"))
	s.Put("a", []byte("ignored")) // a key keeps its first value in a round
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "pages.bin")
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}

	// The next round reads what the last one wrote; using every entry and
	// changing none leaves the file alone.
	for _, k := range []string{"a", "b"} {
		if v, ok := s.Get(k); !ok || len(v) == 0 {
			t.Fatalf("%s: %q %v", k, v, ok)
		}
	}
	if v, _ := s.Get("a"); string(v) != "α" {
		t.Errorf("a = %q", v)
	}
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	if st2, _ := os.Stat(path); !os.SameFile(st, st2) {
		t.Error("a round that changed nothing replaced the file")
	}

	// An entry nobody asked for is dropped; a changed value is kept.
	s.Put("a", []byte("α2"))
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	s2 := OpenStream(dir, "pages.bin")
	if v, ok := s2.Get("a"); !ok || string(v) != "α2" {
		t.Errorf("a = %q %v", v, ok)
	}
	if _, ok := s2.Get("b"); ok {
		t.Error("an entry no round used survived")
	}
	if err := s2.Save(); err != nil {
		t.Fatal(err)
	}
}

// TestStreamConcurrent: many goroutines put and get at once (run with
// -race), and every entry put is there in the next round.
func TestStreamConcurrent(t *testing.T) {
	dir := t.TempDir()
	s := OpenStream(dir, "c.bin")
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				k := fmt.Sprintf("%d/%d", g, i)
				s.Get(k)
				s.Put(k, []byte(k))
			}
		})
	}
	wg.Wait()
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
	for g := range 8 {
		for i := range 200 {
			k := fmt.Sprintf("%d/%d", g, i)
			if v, ok := s.Get(k); !ok || string(v) != k {
				t.Fatalf("%s: %q %v", k, v, ok)
			}
		}
	}
	if err := s.Save(); err != nil {
		t.Fatal(err)
	}
}

// TestStreamUnwritable: a cache folder that cannot be written makes Save
// fail; no Put waits for a writer that is gone.
func TestStreamUnwritable(t *testing.T) {
	file := filepath.Join(t.TempDir(), "not-a-folder")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	s := OpenStream(file, "c.bin")
	done := make(chan error)
	go func() {
		for i := range 1000 { // more than the writer's queue holds
			s.Put(fmt.Sprint(i), []byte("x"))
		}
		done <- s.Save()
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Error("Save reported no failure")
		}
	case <-time.After(time.Minute):
		t.Fatal("Put or Save hung on a writer that failed")
	}
}

func TestStreamDamagedFile(t *testing.T) {
	dir := t.TempDir()
	for _, data := range []string{"", "other\n", magic + "\x05ab", magic + "\x01a\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01"} {
		if err := os.WriteFile(filepath.Join(dir, "d.bin"), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		s := OpenStream(dir, "d.bin")
		if v, ok := s.Get("a"); ok {
			t.Errorf("%q: read a = %q", data, v)
		}
		if err := s.Save(); err != nil {
			t.Fatal(err)
		}
	}
}

// Package cache keeps content-addressed results (highlighted code blocks)
// between runs in one file per kind. One file read at start and one write
// at the end cost far less than a file per entry: a corpus has thousands of
// code blocks, and a system call per block was most of a warm build.
package cache

import (
	"docsite/internal/atomic"

	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// Store is safe for concurrent use.
type Store struct {
	path string // "" keeps everything in memory only

	once   sync.Once
	mu     sync.RWMutex
	m      map[string][]byte
	used   map[string]bool
	dirty  bool
	loaded int
}

// Open returns the store kept at dir/name; dir "" gives a memory-only store.
// Nothing is read until the first lookup.
func Open(dir, name string) *Store {
	s := &Store{m: map[string][]byte{}, used: map[string]bool{}}
	if dir != "" {
		s.path = filepath.Join(dir, name)
	}
	return s
}

const magic = "docsite-cache-1\n"

func (s *Store) load() {
	if s.path == "" {
		return
	}
	f, err := os.Open(s.path)
	if err != nil {
		return
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<20)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(r, head); err != nil || string(head) != magic {
		return // another version or a damaged file: start empty
	}
	m := map[string][]byte{}
	for {
		k, err := readBlob(r)
		if err != nil {
			break
		}
		v, err := readBlob(r)
		if err != nil {
			break
		}
		m[string(k)] = v
	}
	s.mu.Lock()
	s.m, s.loaded = m, len(m)
	s.mu.Unlock()
}

func readBlob(r *bufio.Reader) ([]byte, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	if n > 1<<30 {
		return nil, errors.New("cache: entry too large")
	}
	b := make([]byte, n)
	_, err = io.ReadFull(r, b)
	return b, err
}

// Get returns the value stored under key. The caller must not change it:
// values are shared, never copied (highlight hands them out as strings).
func (s *Store) Get(key string) ([]byte, bool) {
	s.once.Do(s.load)
	s.mu.RLock()
	v, ok := s.m[key]
	s.mu.RUnlock()
	if ok {
		s.mu.Lock()
		s.used[key] = true
		s.mu.Unlock()
	}
	return v, ok
}

// Put stores v under key; v is kept as it is, not copied, and never changed.
func (s *Store) Put(key string, v []byte) {
	s.once.Do(s.load)
	s.mu.Lock()
	s.m[key], s.used[key], s.dirty = v, true, true
	s.mu.Unlock()
}

// Save writes the entries this run used, atomically, when anything changed
// or entries went unused (so the file does not grow without bound). A run
// that never looked anything up leaves the file as it is.
func (s *Store) Save() error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.path == "" || len(s.used) == 0 || (!s.dirty && len(s.used) == s.loaded) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(s.path), 0o755); err != nil {
		return err
	}
	// atomic.Write buffers and reports the first write error at its flush.
	return atomic.Write(s.path, func(w io.Writer) error {
		_, _ = io.WriteString(w, magic)
		var n [binary.MaxVarintLen64]byte
		for k := range s.used {
			v := s.m[k]
			_, _ = w.Write(n[:binary.PutUvarint(n[:], uint64(len(k)))])
			_, _ = io.WriteString(w, k)
			_, _ = w.Write(n[:binary.PutUvarint(n[:], uint64(len(v)))])
			_, _ = w.Write(v)
		}
		return nil
	})
}

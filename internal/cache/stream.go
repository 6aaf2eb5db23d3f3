package cache

import (
	"bytes"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"sync"

	"docsite/internal/atomic"
)

// Stream is a cache file for entries too large to hold until the end of a
// run (a build's rendered pages): the file is read whole on the first
// lookup, and the next one is written while the run goes on, each entry as
// it is used or put, from the first that is new or changed. A run that
// changed nothing leaves the file as it was. The file has Store's format.
//
// A round lasts from the first Get or Put to Save; the next lookup starts
// another round from the file the last one wrote. Stream is safe for
// concurrent use.
type Stream struct {
	path string

	// sending is held shared while an entry goes to the round's writer,
	// and whole while Save ends the round, so nothing is sent after.
	sending sync.RWMutex

	mu   sync.Mutex
	cur  *round
	last chan struct{} // closed when the last round's file is written
}

type round struct {
	old  map[string][]byte // what the file held, slices of one buffer
	seen map[string]bool   // sent to the writer this round
	out  chan streamEntry
	done chan error
}

type streamEntry struct {
	key   string
	v     []byte
	fresh bool // not in the file, or another value there
}

// OpenStream returns the stream kept at dir/name; dir "" keeps nothing.
func OpenStream(dir, name string) *Stream {
	s := &Stream{}
	if dir != "" {
		s.path = filepath.Join(dir, name)
	}
	return s
}

func (s *Stream) round() *round {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cur != nil {
		return s.cur
	}
	if s.last != nil {
		<-s.last
	}
	r := &round{old: readStream(s.path), seen: map[string]bool{}, out: make(chan streamEntry, 64), done: make(chan error, 1)}
	s.cur = r
	if s.path == "" {
		go func() {
			for range r.out {
			}
			r.done <- nil
		}()
		return r
	}
	go r.write(s.path)
	return r
}

// write keeps the round's entries until one is new or changed, then puts
// them and every later one in a new file as they come; a round with no
// such entry leaves the file as it is (an entry it did not use stays).
// It drains the entries whatever fails, so that no Get or Put ever waits
// on a dead writer.
func (r *round) write(path string) {
	var pending []streamEntry
	var err error
	for e := range r.out {
		pending = append(pending, e)
		if !e.fresh {
			continue
		}
		if err = os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			break
		}
		err = atomic.Write(path, func(w io.Writer) error {
			_, _ = io.WriteString(w, magic)
			var n [binary.MaxVarintLen64]byte
			put := func(e streamEntry) {
				_, _ = w.Write(n[:binary.PutUvarint(n[:], uint64(len(e.key)))])
				_, _ = io.WriteString(w, e.key)
				_, _ = w.Write(n[:binary.PutUvarint(n[:], uint64(len(e.v)))])
				_, _ = w.Write(e.v)
			}
			for _, e := range pending {
				put(e)
			}
			pending = nil
			for e := range r.out {
				put(e)
			}
			return nil
		})
		break
	}
	for range r.out {
	}
	r.done <- err
}

// readStream reads a stream's file; a missing, foreign or damaged file
// gives what could be read of it (nothing, for the first two).
func readStream(path string) map[string][]byte {
	m := map[string][]byte{}
	if path == "" {
		return m
	}
	b, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(b, []byte(magic)) {
		return m
	}
	b = b[len(magic):]
	next := func() ([]byte, bool) {
		n, k := binary.Uvarint(b)
		if k <= 0 || n > uint64(len(b)-k) {
			return nil, false
		}
		v := b[k : k+int(n) : k+int(n)]
		b = b[k+int(n):]
		return v, true
	}
	for len(b) > 0 {
		k, ok := next()
		if !ok {
			break
		}
		v, ok := next()
		if !ok {
			break
		}
		m[string(k)] = v
	}
	return m
}

// Get returns the value stored under key and keeps it for the next run.
// The caller must not change it.
func (s *Stream) Get(key string) ([]byte, bool) {
	s.sending.RLock()
	defer s.sending.RUnlock()
	r := s.round()
	s.mu.Lock()
	v, ok := r.old[key]
	first := ok && !r.seen[key]
	if first {
		r.seen[key] = true
	}
	s.mu.Unlock()
	if first {
		r.out <- streamEntry{key, v, false}
	}
	return v, ok
}

// Put stores v under key for the next run; v must not change after. A key
// already kept this round keeps its first value.
func (s *Stream) Put(key string, v []byte) {
	s.sending.RLock()
	defer s.sending.RUnlock()
	r := s.round()
	s.mu.Lock()
	first := !r.seen[key]
	var fresh bool
	if first {
		r.seen[key] = true
		old, ok := r.old[key]
		fresh = !ok || !bytes.Equal(old, v)
	}
	s.mu.Unlock()
	if first {
		r.out <- streamEntry{key, v, fresh}
	}
}

// Save ends the round: it waits for the file to be written (or kept) and
// reports the first failure. A round nobody started writes nothing.
func (s *Stream) Save() error {
	s.sending.Lock()
	s.mu.Lock()
	r := s.cur
	s.cur = nil
	var written chan struct{}
	if r != nil {
		written = make(chan struct{})
		s.last = written
		close(r.out)
	}
	s.mu.Unlock()
	s.sending.Unlock()
	if r == nil {
		return nil
	}
	err := <-r.done
	close(written)
	return err
}

package search_test

import (
	"compress/gzip"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// served counts the bytes a test server sends under each top folder
// (/search/, /pagefind/), before compression and as sent. It counts at the
// server, not in the page, because Pagefind fetches its index from a web
// worker, whose requests the page's resource timings never list; and it
// forbids caching, so that every fetch a query needs reaches it.
type served struct {
	mu        sync.Mutex
	raw, wire map[string]int
}

func newServed() *served { return &served{raw: map[string]int{}, wire: map[string]int{}} }

// take returns what was sent under the folder since the last take, and
// starts counting again.
func (s *served) take(folder string) bytesUsed {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := bytesUsed{s.raw[folder], s.wire[folder]}
	s.raw[folder], s.wire[folder] = 0, 0
	return b
}

func (s *served) add(m map[string]int, folder string, n int) {
	s.mu.Lock()
	m[folder] += n
	s.mu.Unlock()
}

// handler serves h, compressed as any real host does, and counts.
func (s *served) handler(h http.Handler) http.Handler {
	inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(counting{w, s, s.raw, topFolder(r.URL.Path)}, r)
	})
	zipped := gzipped(inner)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		r.Header.Del("If-Modified-Since")
		zipped.ServeHTTP(counting{w, s, s.wire, topFolder(r.URL.Path)}, r)
	})
}

func topFolder(path string) string {
	if i := strings.IndexByte(path[1:], '/'); i >= 0 {
		return path[:i+2]
	}
	return path
}

type counting struct {
	http.ResponseWriter
	s      *served
	m      map[string]int
	folder string
}

func (c counting) Write(b []byte) (int, error) {
	c.s.add(c.m, c.folder, len(b))
	return c.ResponseWriter.Write(b)
}

// gzipped compresses text responses. Pagefind's index files are gzip at
// rest, so they pass as they are.
func gzipped(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ext := filepath.Ext(r.URL.Path)
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") || !slices.Contains([]string{".json", ".js", ".html", ".css", ""}, ext) {
			h.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		gz := gzip.NewWriter(w)
		defer gz.Close()
		h.ServeHTTP(gzWriter{w, gz}, r)
	})
}

type gzWriter struct {
	http.ResponseWriter
	gz *gzip.Writer
}

func (g gzWriter) Write(b []byte) (int, error) { return g.gz.Write(b) }
func (g gzWriter) WriteHeader(code int) {
	g.ResponseWriter.Header().Del("Content-Length")
	g.ResponseWriter.WriteHeader(code)
}

package main

import (
	"compress/gzip"
	"io"
	"net/http"
	"path"
	"strings"
	"sync"
)

// compressible are the file types a production server would gzip; images
// and fonts are left as they are, as they are already compressed.
var compressible = map[string]bool{
	".html": true, ".css": true, ".js": true, ".json": true, ".svg": true,
	".xml": true, ".txt": true, ".md": true, ".map": true,
}

var gzipPool = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(io.Discard, gzip.DefaultCompression)
	return w
}}

// gzipped serves the built site the way a static host does: files as they
// are, gzip-compressed when the client accepts it and the type compresses,
// so Lighthouse measures the bytes a reader would download.
func gzipped(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ext := path.Ext(r.URL.Path)
		if strings.HasSuffix(r.URL.Path, "/") {
			ext = ".html"
		}
		if !compressible[ext] || !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			files.ServeHTTP(w, r)
			return
		}
		gz := gzipPool.Get().(*gzip.Writer)
		defer gzipPool.Put(gz)
		gz.Reset(w)
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Add("Vary", "Accept-Encoding")
		gw := &gzipWriter{ResponseWriter: w, gz: gz}
		files.ServeHTTP(gw, r)
		if gw.wrote {
			_ = gz.Close()
		}
	})
}

// gzipWriter compresses the body of a successful response; a redirect, a
// 304 or an error page passes through as the file server wrote it.
type gzipWriter struct {
	http.ResponseWriter
	gz           *gzip.Writer
	status       int
	wrote, plain bool
}

func (g *gzipWriter) WriteHeader(code int) {
	g.status = code
	if code != http.StatusOK {
		g.plain = true
		g.Header().Del("Content-Encoding")
	} else {
		g.Header().Del("Content-Length") // the compressed length is not known yet
	}
	g.ResponseWriter.WriteHeader(code)
}

func (g *gzipWriter) Write(b []byte) (int, error) {
	if g.status == 0 {
		g.WriteHeader(http.StatusOK)
	}
	if g.plain {
		return g.ResponseWriter.Write(b)
	}
	g.wrote = true
	return g.gz.Write(b)
}

// Package live is the preview server: it builds the site in memory, serves
// it on loopback, watches the content and config, rebuilds only what a save
// touched, and tells the open browser tabs to reload through server-sent
// events.
package serve

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"net/http"
	"os"
	"path"
	"strings"
	"sync"
	"time"

	"docsite/check"
	"docsite/internal/config"
	"docsite/internal/diag"
	"docsite/internal/site"
	"docsite/render/build"
)

//go:embed live.js
var liveJS []byte

// Options configure a Server.
type Options struct {
	Content    string
	Addr       string // the address the server listens on, for the Host check ("" allows any loopback port)
	ConfigPath string // watched and re-read on change; "" when there is none
	CacheDir   string
	Config     *config.Config
	Debounce   time.Duration // quiet time before a burst of events is applied
	Logf       func(format string, args ...any)
	// OnReload, when set, is called after each rebuild's event was sent
	// (tests and the latency benchmark use it).
	OnReload func(Event)
}

// Server holds the site in memory between rebuilds.
type Server struct {
	opts Options
	pl   *build.Pipeline
	hub  *hub

	mu     sync.RWMutex
	site   *site.Site
	table  *build.Table      // what the site holds, and how each file is made
	pages  map[string][]byte // rendered pages by output path, filled on request
	seq    int64
	lastOK string // message of the last failed full rebuild, "" when good
	// inbound is built on the first save that changes a page's headings
	// and kept up to date until the next full rebuild.
	inbound *inbound

	diagMu  sync.Mutex
	diagSeq int64
	diags   map[string][]diag.Diagnostic // by source file
	diagOK  *sync.Cond
}

// New builds the site in memory.
func New(opts Options) (*Server, error) {
	if opts.Config == nil {
		opts.Config = config.Default()
	}
	if opts.Debounce == 0 {
		// An editor's save (truncate and write, or write a temporary
		// file and rename it over) makes its events within a millisecond
		// or two; the quiet time is all a reload waits beyond the rebuild,
		// and SPEC §12 gives save → reload 50 ms.
		opts.Debounce = 10 * time.Millisecond
	}
	if opts.Logf == nil {
		opts.Logf = func(string, ...any) {}
	}
	pl, err := build.NewPipeline(build.Options{CacheDir: opts.CacheDir, Config: opts.Config})
	if err != nil {
		return nil, err
	}
	srv := &Server{opts: opts, pl: pl, hub: newHub(), pages: map[string][]byte{}}
	srv.diagOK = sync.NewCond(&srv.diagMu)
	s, err := pl.Load(srv.buildOptions())
	if err != nil {
		return nil, err
	}
	table, err := pl.Table(s)
	if err != nil {
		return nil, err
	}
	srv.site, srv.table = s, table
	srv.recheck(s, 0)
	return srv, nil
}

func (srv *Server) buildOptions() build.Options {
	return build.Options{Content: srv.opts.Content, CacheDir: srv.opts.CacheDir, Config: srv.opts.Config}
}

// Site returns the current site (read-only for the caller).
func (srv *Server) Site() *site.Site {
	srv.mu.RLock()
	defer srv.mu.RUnlock()
	return srv.site
}

// recheck runs the source checks for the panel. It runs after the reload
// event is sent, so checking never delays a reload; it reads the site under
// the read lock, since the next save's rebuild changes it in place, and
// skips a build that a newer one has already replaced.
func (srv *Server) recheck(s *site.Site, seq int64) {
	srv.mu.RLock()
	if seq < srv.seq {
		srv.mu.RUnlock()
		return
	}
	ds := check.Run(s, srv.opts.Config)
	srv.mu.RUnlock()
	byFile := map[string][]diag.Diagnostic{}
	for _, d := range ds {
		byFile[d.File] = append(byFile[d.File], d)
	}
	srv.diagMu.Lock()
	if seq >= srv.diagSeq {
		srv.diags, srv.diagSeq = byFile, seq
	}
	srv.diagOK.Broadcast()
	srv.diagMu.Unlock()
}

// diagnosticsFor waits until the checks of the current build are done, then
// returns the findings of one file.
func (srv *Server) diagnosticsFor(file string) []diag.Diagnostic {
	srv.mu.RLock()
	want := srv.seq
	srv.mu.RUnlock()
	srv.diagMu.Lock()
	defer srv.diagMu.Unlock()
	deadline := time.Now().Add(5 * time.Second)
	for srv.diagSeq < want && time.Now().Before(deadline) {
		srv.diagOK.Wait()
	}
	return srv.diags[file]
}

// Handler serves the site, the reload script and the event stream.
func (srv *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/_docsite/live.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		_, _ = w.Write(liveJS)
	})
	mux.HandleFunc("/_docsite/events", srv.events)
	mux.HandleFunc("/_docsite/diagnostics", srv.diagnostics)
	mux.HandleFunc("/", srv.serve)
	return srv.guard(mux)
}

func (srv *Server) events(w http.ResponseWriter, r *http.Request) {
	if !sameOrigin(r) {
		http.Error(w, "cross-origin", http.StatusForbidden)
		return
	}
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	c := srv.hub.join()
	defer srv.hub.leave(c)
	_, _ = io.WriteString(w, "retry: 500\n\n")
	fl.Flush()
	tick := time.NewTicker(15 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case msg := <-c:
			if _, err := fmt.Fprintf(w, "event: reload\ndata: %s\n\n", msg); err != nil {
				return
			}
			fl.Flush()
		case <-tick.C:
			if _, err := io.WriteString(w, ": keep-alive\n\n"); err != nil {
				return
			}
			fl.Flush()
		}
	}
}

func (srv *Server) diagnostics(w http.ResponseWriter, r *http.Request) {
	if !sameOrigin(r) {
		http.Error(w, "cross-origin", http.StatusForbidden)
		return
	}
	p := srv.pageAt(r.URL.Query().Get("path"))
	type out struct {
		File     string `json:"file"`
		Line     int    `json:"line"`
		Column   int    `json:"column"`
		Severity string `json:"severity"`
		Rule     string `json:"rule"`
		Message  string `json:"message"`
	}
	list := []out{}
	if p != nil && !p.Generated {
		for _, d := range srv.diagnosticsFor(p.Path) {
			list = append(list, out{d.File, d.Line, d.Column, d.Severity.String(), string(d.Rule), d.Message})
		}
	}
	srv.mu.RLock()
	failed := srv.lastOK
	srv.mu.RUnlock()
	if failed != "" {
		list = append([]out{{File: "(site)", Line: 1, Column: 1, Severity: "error", Rule: "build/failed", Message: failed}}, list...)
	}
	writeJSON(w, list)
}

// pageAt finds the page for a request path (with or without the base path).
func (srv *Server) pageAt(urlPath string) *site.Page {
	srv.mu.RLock()
	defer srv.mu.RUnlock()
	rel, ok := srv.sitePath(urlPath)
	if !ok {
		return nil
	}
	if !strings.HasSuffix(rel, "/") {
		rel += "/"
	}
	return srv.site.ByURL[rel]
}

// sitePath strips the base path and cleans the request path; false when it
// is outside the site.
func (srv *Server) sitePath(urlPath string) (string, bool) {
	base := srv.site.BasePath()
	if !strings.HasPrefix(urlPath, base) && urlPath+"/" != base {
		return "", false
	}
	rest := "/" + strings.TrimPrefix(urlPath, base)
	clean := path.Clean(rest)
	if strings.Contains(clean, "..") {
		return "", false
	}
	if strings.HasSuffix(rest, "/") && clean != "/" {
		clean += "/"
	}
	return clean, true
}

func (srv *Server) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	srv.mu.RLock()
	rel, ok := srv.sitePath(r.URL.Path)
	srv.mu.RUnlock()
	if !ok {
		srv.notFound(w)
		return
	}
	if strings.HasSuffix(rel, "/index.html") {
		srv.redirect(w, r, strings.TrimSuffix(rel, "index.html"))
		return
	}
	file := strings.TrimPrefix(rel, "/")
	if strings.HasSuffix(rel, "/") {
		file = build.PageFile(rel)
	}
	data, copy, found, err := srv.file(file)
	switch {
	case !found && !strings.HasSuffix(rel, "/") && path.Ext(rel) == "":
		// A page's URL without its slash (a file without an extension,
		// such as LICENSE, was found above).
		srv.redirect(w, r, rel+"/")
	case !found:
		srv.notFound(w)
	case err != nil:
		http.Error(w, "could not make "+file, http.StatusInternalServerError)
	case copy != "":
		srv.content(w, r, copy)
	default:
		if ct := contentType(file); ct != "" {
			w.Header().Set("Content-Type", ct)
		}
		_, _ = w.Write(data)
	}
}

// redirect sends the browser to rel, a cleaned path of this site: the
// location is built from it, never from the request, so it cannot name
// another host ("//evil.example/" is cleaned to "/evil.example/").
func (srv *Server) redirect(w http.ResponseWriter, r *http.Request, rel string) {
	srv.mu.RLock()
	base := srv.site.BasePath()
	srv.mu.RUnlock()
	loc := base + strings.TrimPrefix(rel, "/")
	if !strings.HasPrefix(loc, "/") || strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, "/\\") {
		loc = base
	}
	http.Redirect(w, r, loc, http.StatusMovedPermanently)
}

// file makes one file of the site from the output table; a page is kept
// until the next rebuild replaces the table.
func (srv *Server) file(file string) (data []byte, copy string, found bool, err error) {
	srv.mu.RLock()
	if b, ok := srv.pages[file]; ok {
		srv.mu.RUnlock()
		return b, "", true, nil
	}
	t := srv.table
	srv.mu.RUnlock()
	data, copy, found, err = t.File(file, true)
	if err == nil && found && t.PageFor(file) != nil {
		srv.mu.Lock()
		if srv.table == t {
			srv.pages[file] = data
		}
		srv.mu.Unlock()
	}
	return data, copy, found, err
}

// content streams a file of the content folder that the site publishes,
// checked again as the loader checks it: the file may have been swapped
// for a link to elsewhere since the site was loaded.
func (srv *Server) content(w http.ResponseWriter, r *http.Request, rel string) {
	p, ok := srv.inside(rel)
	if !ok {
		srv.notFound(w)
		return
	}
	f, err := os.Open(p)
	if err != nil {
		srv.notFound(w)
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		srv.notFound(w)
		return
	}
	http.ServeContent(w, r, rel, st.ModTime(), f)
}

// notFound answers with the site's own 404 page, which reloads when the
// content changes (the missing page may be on its way).
func (srv *Server) notFound(w http.ResponseWriter) {
	b, _, _, _ := srv.file("404.html")
	srv.mu.RLock()
	base := srv.site.BasePath()
	srv.mu.RUnlock()
	script := `<script src="` + htmlEscape(base) + `_docsite/live.js" defer></script></head>`
	b = bytes.Replace(b, []byte("</head>"), []byte(script), 1)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	_, _ = w.Write(b)
}

package serve

import (
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// guard is what every request passes first. The preview answers only to
// names of its own address: a page on another site that rebinds its DNS
// name to 127.0.0.1 gets nothing, since its requests carry its own name
// as Host. A path with a control character is refused before it can reach
// a header.
func (srv *Server) guard(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !srv.ownHost(r.Host) {
			http.Error(w, "this preview answers only at its own address, such as http://"+srv.listenName(), http.StatusMisdirectedRequest)
			return
		}
		if strings.ContainsFunc(r.URL.Path, func(c rune) bool { return c < 0x20 || c == 0x7f }) {
			http.Error(w, "bad path", http.StatusBadRequest)
			return
		}
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Referrer-Policy", "no-referrer")
		h.ServeHTTP(w, r)
	})
}

// ownHost reports whether a Host header names this server: localhost or a
// loopback address, or the address it listens on, with its port.
func (srv *Server) ownHost(hostport string) bool {
	host, port, err := net.SplitHostPort(hostport)
	if err != nil {
		host, port = hostport, ""
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	lhost, lport, _ := net.SplitHostPort(srv.opts.Addr)
	if lport != "" && port != lport {
		return false
	}
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	if ip := net.ParseIP(strings.Trim(host, "[]")); ip != nil && ip.IsLoopback() {
		return true
	}
	return lhost != "" && host == strings.ToLower(strings.Trim(lhost, "[]")) && !net.ParseIP(host).IsUnspecified()
}

func (srv *Server) listenName() string {
	if srv.opts.Addr != "" {
		return srv.opts.Addr
	}
	return "127.0.0.1"
}

// sameOrigin guards the event stream and the diagnostics: a page of
// another origin may not read what the author is writing.
func sameOrigin(r *http.Request) bool {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		return false
	}
	if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host {
		return false
	}
	return true
}

// inside resolves a content file's path and reports whether it is a
// regular file that lies in the content folder, links resolved: what a
// fresh build would publish.
func (srv *Server) inside(rel string) (string, bool) {
	root, err := filepath.EvalSymlinks(srv.opts.Content)
	if err != nil {
		return "", false
	}
	p, err := filepath.EvalSymlinks(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil || !strings.HasPrefix(p, root+string(filepath.Separator)) {
		return "", false
	}
	st, err := os.Stat(p)
	if err != nil || !st.Mode().IsRegular() {
		return "", false
	}
	return p, true
}

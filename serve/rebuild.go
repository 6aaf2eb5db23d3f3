package serve

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"docsite/internal/config"
	"docsite/internal/index"
	"docsite/internal/site"
	"docsite/render/build"
)

// Apply rebuilds after the files at paths (relative to the content folder,
// or the config file's path) changed, sends the reload event and returns it.
// A saved page that still exists is re-parsed alone; a file created,
// deleted or renamed, or a config change, rebuilds everything. A rebuild
// that fails keeps the last good site up and reports why.
func (srv *Server) Apply(paths []string) Event {
	srv.mu.RLock()
	s := srv.site
	srv.mu.RUnlock()

	var edited []string
	full := false
	for _, p := range paths {
		if srv.opts.ConfigPath != "" && p == srv.opts.ConfigPath {
			full = true
			continue
		}
		abs := filepath.Join(srv.opts.Content, filepath.FromSlash(p))
		exists := fileExists(abs)
		_, known := s.ByPath[p]
		_, knownDir := s.Dirs[p]
		switch {
		case dirExists(abs) != knownDir:
			full = true // a folder came or went (its files made no events of their own)
		case isMarkdown(p) && exists && known && regular(abs):
			edited = append(edited, p)
		case exists && !regular(abs):
			full = true // swapped for a link or a pipe: the loader decides, as a fresh build does
		case isMarkdown(p) || exists != s.Exists[p]:
			full = true // created, deleted or renamed: landing pages and URLs may move
		}
	}
	var urls []string
	if full {
		urls = srv.rebuildAll()
	} else if len(edited) > 0 {
		urls = srv.rebuildPages(edited)
	} else {
		urls = []string{"*"} // an asset changed: pages stay, the browser reloads
	}
	srv.mu.Lock()
	srv.seq++
	ev := Event{Seq: srv.seq, URLs: urls}
	cur := srv.site
	srv.mu.Unlock()
	srv.hub.broadcast(ev)
	if srv.opts.OnReload != nil {
		srv.opts.OnReload(ev)
	}
	go srv.recheck(cur, ev.Seq)
	return ev
}

func (srv *Server) rebuildAll() []string {
	if srv.opts.ConfigPath != "" {
		cfg, err := config.Load(srv.opts.ConfigPath, false)
		if err != nil {
			srv.fail(err.Error())
			return []string{"*"}
		}
		if cfg.Sanitize != srv.opts.Config.Sanitize {
			// The converter is configured once; sanitize: changes it.
			pl, err := build.NewPipeline(build.Options{CacheDir: srv.opts.CacheDir, Config: cfg})
			if err != nil {
				srv.fail(err.Error())
				return []string{"*"}
			}
			srv.pl = pl
		}
		srv.opts.Config = cfg
	}
	s, err := srv.pl.Load(srv.buildOptions())
	if err != nil {
		srv.fail(err.Error())
		return []string{"*"}
	}
	table, err := srv.pl.Table(s)
	if err != nil {
		srv.fail(err.Error())
		return []string{"*"}
	}
	srv.mu.Lock()
	srv.site, srv.table, srv.pages, srv.lastOK = s, table, map[string][]byte{}, ""
	srv.inbound = nil
	srv.mu.Unlock()
	srv.opts.Logf("rebuilt %d pages", len(s.ByURL))
	return []string{"*"}
}

func (srv *Server) fail(msg string) {
	srv.mu.Lock()
	srv.lastOK = msg
	srv.mu.Unlock()
	srv.opts.Logf("rebuild failed, the last good site stays up: %s", msg)
}

// rebuildPages re-parses edited pages alone. Their bodies are all that
// changes unless a title, weight or draft flag changed (then every page's
// navigation does) or headings changed (then pages linking in may have
// gained or lost a broken anchor, and their panels must refresh).
func (srv *Server) rebuildPages(paths []string) []string {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	s := srv.site
	var urls []string
	navChanged, anchorsChanged, usesChanged := false, false, false
	var changed []*site.Page
	for _, rel := range paths {
		src, err := os.ReadFile(filepath.Join(srv.opts.Content, filepath.FromSlash(rel)))
		if err != nil {
			continue // deleted since the event: the next event rebuilds all
		}
		p, old, ok := s.Replace(rel, src)
		if !ok {
			continue
		}
		srv.pl.ParsePage(s, p)
		if broken(p) {
			// Keep the last good body up; the panel shows why.
			p.Body = old.Body
		}
		if p.Title != old.Title || p.Weight != old.Weight || p.Draft != old.Draft {
			navChanged = true
		}
		if !sameAnchors(p, old) {
			anchorsChanged = true
		}
		if !sameUses(p, old) {
			usesChanged = true
		}
		if srv.inbound != nil {
			srv.inbound.replace(s, p)
		}
		changed = append(changed, p)
		urls = append(urls, s.Href(p.URL))
		delete(srv.pages, build.PageFile(p.URL))
	}
	if usesChanged {
		// The references and glossary pages list who cites and uses what.
		urls = append(urls, srv.refreshListPages(s)...)
	}
	if navChanged {
		index.Site(s, false)
		if t, err := srv.pl.Table(s); err == nil {
			srv.table = t
		}
		srv.pages = map[string][]byte{}
		return []string{"*"}
	}
	srv.table = srv.table.Update()
	if anchorsChanged {
		if srv.inbound == nil {
			srv.inbound = newInbound(s)
		}
		linking := map[string]bool{}
		for _, p := range changed {
			for src := range srv.inbound.sources(p.Path) {
				linking[src] = true
			}
		}
		for _, q := range s.Pages { // in the site's order, as the event lists them
			if linking[q.Path] && !slices.Contains(urls, s.Href(q.URL)) {
				urls = append(urls, s.Href(q.URL))
				delete(srv.pages, build.PageFile(q.URL))
			}
		}
	}
	return urls
}

func broken(p *site.Page) bool {
	for _, d := range p.Diags {
		if d.Rule == "page/internal" {
			return true
		}
	}
	return false
}

func sameAnchors(a, b *site.Page) bool {
	if len(a.Anchors) != len(b.Anchors) {
		return false
	}
	for id := range a.Anchors {
		if _, ok := b.Anchors[id]; !ok {
			return false
		}
	}
	return true
}

func isMarkdown(p string) bool { return strings.HasSuffix(strings.ToLower(p), ".md") }

func dirExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// regular reports whether p is a plain file, not a link to one.
func regular(p string) bool {
	st, err := os.Lstat(p)
	return err == nil && st.Mode().IsRegular()
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

// sameUses reports whether a page cites the same keys and uses the same
// glossary terms as before.
func sameUses(a, b *site.Page) bool {
	if !slices.Equal(a.Terms, b.Terms) || len(a.Cites) != len(b.Cites) {
		return false
	}
	for i := range a.Cites {
		if a.Cites[i].Key != b.Cites[i].Key {
			return false
		}
	}
	return true
}

// refreshListPages rebuilds the references and glossary lists and returns
// the URLs of the pages that show them.
func (srv *Server) refreshListPages(s *site.Site) []string {
	index.Lists(s)
	var urls []string
	lists := []string{s.ReferencesURL}
	for _, lang := range s.Langs {
		lists = append(lists, index.GlossaryURL(s, lang))
	}
	for _, u := range lists {
		if s.ByURL[u] != nil {
			delete(srv.pages, build.PageFile(u))
			urls = append(urls, s.Href(u))
		}
	}
	return urls
}

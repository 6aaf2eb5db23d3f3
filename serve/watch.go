package serve

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watch follows the content folder (every folder in it, new ones too) and
// the config file until ctx ends, applying each burst of changes once.
func (srv *Server) Watch(ctx context.Context) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	srv.addTree(w, srv.opts.Content)
	if srv.opts.ConfigPath != "" {
		// Watch the folder, not the file: editors replace the file by rename.
		_ = w.Add(filepath.Dir(srv.opts.ConfigPath))
	}
	pending := map[string]bool{}
	var timer *time.Timer
	var fire <-chan time.Time
	var first time.Time
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-w.Errors:
			srv.opts.Logf("watch: %v", err)
		case ev, ok := <-w.Events:
			if !ok {
				return nil
			}
			rel, inContent := srv.relPath(ev.Name)
			if !inContent {
				if srv.opts.ConfigPath == "" || !sameFile(ev.Name, srv.opts.ConfigPath) {
					continue
				}
				rel = srv.opts.ConfigPath
			}
			if hiddenPath(rel) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					srv.addTree(w, ev.Name)
				}
			}
			pending[rel] = true
			if timer == nil {
				first = time.Now()
				timer = time.NewTimer(srv.opts.Debounce)
				fire = timer.C
			} else if time.Since(first) < 10*srv.opts.Debounce {
				// Debounce: wait for a quiet moment, but never forever
				// under a stream of saves.
				timer.Reset(srv.opts.Debounce)
			}
		case <-fire:
			paths := make([]string, 0, len(pending))
			for p := range pending {
				paths = append(paths, p)
			}
			pending = map[string]bool{}
			timer, fire = nil, nil
			srv.Apply(paths)
		}
	}
}

// addTree watches dir and every folder below it, skipping hidden ones.
func (srv *Server) addTree(w *fsnotify.Watcher, dir string) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			if err := w.Add(p); err != nil {
				srv.opts.Logf("watch %s: %v", p, err)
			}
		}
		return nil
	})
}

func (srv *Server) relPath(name string) (string, bool) {
	rel, err := filepath.Rel(srv.opts.Content, name)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// hiddenPath skips editors' swap and backup files and hidden folders.
func hiddenPath(rel string) bool {
	for _, part := range strings.Split(rel, "/") {
		if strings.HasPrefix(part, ".") || strings.HasSuffix(part, "~") || strings.HasPrefix(part, "#") {
			return true
		}
	}
	return strings.HasSuffix(rel, ".swp") || strings.HasSuffix(rel, ".tmp")
}

func sameFile(a, b string) bool {
	aa, _ := filepath.Abs(a)
	bb, _ := filepath.Abs(b)
	return aa == bb
}

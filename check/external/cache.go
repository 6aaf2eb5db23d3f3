package external

import (
	"docsite/internal/atomic"
	"path/filepath"

	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync"
	"time"
)

// cache holds successes with the time they were seen. It is loaded at the
// start of Check and written back, atomically, at its end.
type cache struct {
	mu      sync.Mutex
	entries map[string]cacheEntry
}

type cacheFile struct {
	Version int                   `json:"version"`
	Entries map[string]cacheEntry `json:"entries"`
}

type cacheEntry struct {
	Status    int       `json:"status"`
	Redirects int       `json:"redirects,omitempty"`
	Checked   time.Time `json:"checked"`
}

const cacheVersion = 1

// loadCache reads path; a missing file is an empty cache, and so is a
// damaged one (reported through warn), since the cache only saves time.
func loadCache(path string, warn func(error)) *cache {
	c := &cache{entries: map[string]cacheEntry{}}
	if path == "" {
		return c
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c
	}
	if err != nil {
		warn(fmt.Errorf("link cache: %w", err))
		return c
	}
	var f cacheFile
	if err := json.Unmarshal(data, &f); err != nil || f.Version != cacheVersion {
		warn(fmt.Errorf("link cache %s is not readable, starting afresh", path))
		return c
	}
	if f.Entries != nil {
		c.entries = f.Entries
	}
	return c
}

// get returns the entry for url if it is younger than maxAge.
func (c *cache) get(url string, now time.Time, maxAge time.Duration) (cacheEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[url]
	if !ok || now.Sub(e.Checked) >= maxAge || e.Checked.After(now) {
		return cacheEntry{}, false
	}
	return e, true
}

func (c *cache) put(url string, e cacheEntry) {
	c.mu.Lock()
	c.entries[url] = e
	c.mu.Unlock()
}

func (c *cache) drop(url string) {
	c.mu.Lock()
	delete(c.entries, url)
	c.mu.Unlock()
}

// save writes the fresh entries to path through a temporary file and a
// rename, so a crash or a parallel reader never sees half a file.
func (c *cache) save(path string, now time.Time, maxAge time.Duration) error {
	c.mu.Lock()
	f := cacheFile{Version: cacheVersion, Entries: make(map[string]cacheEntry, len(c.entries))}
	for u, e := range c.entries {
		if now.Sub(e.Checked) < maxAge {
			f.Entries[u] = e
		}
	}
	c.mu.Unlock()
	data, err := json.MarshalIndent(f, "", " ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return atomic.WriteFile(path, data)
}

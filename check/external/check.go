package external

import (
	"context"
	"fmt"
	"net/url"
	"sync"
)

// Check checks every URL once after normalisation and returns the results
// keyed by the URLs as given, so each use of a URL finds its result.
func (c *Checker) Check(ctx context.Context, urls []string) map[string]Result {
	out := make(map[string]Result, len(urls))
	// Group the spellings of each address under its normal form.
	spellings := map[string][]string{}
	var order []string
	for _, raw := range urls {
		if _, done := out[raw]; done {
			continue
		}
		norm, err := Normalize(raw)
		if err != nil {
			out[raw] = Result{URL: raw, Err: "invalid URL: " + err.Error()}
			continue
		}
		if c.excluded(raw, norm) {
			out[raw] = Result{URL: norm, OK: true, Excluded: true}
			continue
		}
		if spellings[norm] == nil {
			order = append(order, norm)
		}
		spellings[norm] = append(spellings[norm], raw)
		out[raw] = Result{} // placeholder, so duplicates are skipped above
	}

	store := loadCache(c.cachePath, c.warn)
	results := make([]Result, len(order))
	var (
		progressMu sync.Mutex
		done       int
	)
	finish := func(i int, r Result) {
		results[i] = r
		if c.progress != nil {
			progressMu.Lock()
			done++
			c.progress(done, len(order))
			progressMu.Unlock()
		}
	}

	global := make(chan struct{}, c.concurrency)
	var hostsMu sync.Mutex
	hosts := map[string]chan struct{}{}
	hostSlot := func(host string) chan struct{} {
		hostsMu.Lock()
		defer hostsMu.Unlock()
		if hosts[host] == nil {
			hosts[host] = make(chan struct{}, c.perHost)
		}
		return hosts[host]
	}

	var wg sync.WaitGroup
	for i, norm := range order {
		if e, ok := store.get(norm, c.clock.Now(), c.maxAge); ok && c.accepted(e.Status) {
			finish(i, Result{URL: norm, Status: e.Status, OK: true, Cached: true, Redirects: e.Redirects})
			continue
		}
		u, _ := url.Parse(norm) // Normalize produced it, so it parses
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Take the host's slot before a global one, so requests queued
			// behind one busy host never hold global slots idle.
			slot := hostSlot(u.Host)
			select {
			case slot <- struct{}{}:
			case <-ctx.Done():
				finish(i, Result{URL: norm, Err: "canceled: " + ctx.Err().Error()})
				return
			}
			r := c.check(ctx, norm, u.Host, global)
			<-slot
			if r.OK {
				store.put(norm, cacheEntry{Status: r.Status, Redirects: r.Redirects, Checked: c.clock.Now()})
			} else {
				store.drop(norm)
			}
			finish(i, r)
		}()
	}
	wg.Wait()

	if c.cachePath != "" {
		if err := store.save(c.cachePath, c.clock.Now(), c.maxAge); err != nil {
			c.warn(fmt.Errorf("link cache: %w", err))
		}
	}
	for i, norm := range order {
		for _, raw := range spellings[norm] {
			out[raw] = results[i]
		}
	}
	return out
}

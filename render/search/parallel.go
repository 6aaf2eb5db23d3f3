package search

import (
	"runtime"
	"sync"
)

// readPages reads the docs' terms on all CPUs and hands them to merge one at
// a time, in the docs' order (the index's page and section numbers are that
// order). Readers run at most a window of pages ahead of merge, each in the
// buffers of a page merge is done with, so the pages' slot lists never all
// wait in memory at once.
func readPages(cfg *config, docs []*Doc, merge func(*pageTerms)) {
	workers := min(runtime.GOMAXPROCS(0), len(docs))
	if workers <= 1 {
		r := newPageReader(cfg)
		var p *pageTerms
		for _, d := range docs {
			p = r.read(d, p)
			merge(p)
		}
		return
	}
	done := make([]chan *pageTerms, len(docs))
	for i := range done {
		done[i] = make(chan *pageTerms, 1)
	}
	// A page merge is done with goes back to the readers, buffers and all.
	window := 8 * workers
	free := make(chan *pageTerms, window)
	for range window {
		free <- nil
	}
	// Pages take a buffer in order, so the one merge waits for always has
	// one.
	type job struct {
		i int
		p *pageTerms
	}
	next := make(chan job)
	go func() {
		defer close(next)
		for i := range docs {
			next <- job{i, <-free}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			r := newPageReader(cfg)
			for j := range next {
				done[j.i] <- r.read(docs[j.i], j.p)
			}
		})
	}
	for i := range docs {
		p := <-done[i]
		merge(p)
		free <- p
	}
	wg.Wait()
}

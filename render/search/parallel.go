package search

import (
	"runtime"
	"sync"
)

// batch is how many pages a reader takes at a time. Handing pages over one
// by one cost a wake-up each, which a loaded machine makes slow; in
// batches the hand-overs are few.
const batch = 16

// readPages reads the docs' terms on all CPUs and hands them to merge one at
// a time, in the docs' order (the index's page and section numbers are that
// order). Readers run at most a window of batches ahead of merge, each in
// the buffers of a batch merge is done with, so the pages' slot lists never
// all wait in memory at once.
func readPages(cfg *config, docs []*Doc, merge func(*pageTerms)) {
	workers := min(runtime.GOMAXPROCS(0), (len(docs)+batch-1)/batch)
	if workers <= 1 {
		r := newPageReader(cfg)
		var p *pageTerms
		for _, d := range docs {
			p = r.read(d, p)
			merge(p)
		}
		return
	}
	jobs := (len(docs) + batch - 1) / batch
	done := make([]chan []*pageTerms, jobs)
	for i := range done {
		done[i] = make(chan []*pageTerms, 1)
	}
	window := 2 * workers
	free := make(chan []*pageTerms, window)
	for range window {
		free <- make([]*pageTerms, batch)
	}
	// Batches take their buffers in order, so the one merge waits for
	// always has one.
	type job struct {
		n   int
		buf []*pageTerms
	}
	next := make(chan job)
	go func() {
		defer close(next)
		for j := range jobs {
			next <- job{j, <-free}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			r := newPageReader(cfg)
			for j := range next {
				lo, hi := j.n*batch, min((j.n+1)*batch, len(docs))
				for k := range hi - lo {
					j.buf[k] = r.read(docs[lo+k], j.buf[k])
				}
				done[j.n] <- j.buf[:hi-lo]
			}
		})
	}
	for j := range jobs {
		ps := <-done[j]
		for _, p := range ps {
			merge(p)
		}
		free <- ps[:batch]
	}
	wg.Wait()
}

// Package workers runs independent work items on a fixed number of
// goroutines: pages to parse, files to read.
package workers

import (
	"runtime"
	"sync"
)

// Each calls fn for every item on n goroutines (the CPU count when n <= 0)
// and returns when all are done. fn must be safe to call concurrently.
func Each[T any](items []T, n int, fn func(T)) {
	if n <= 0 {
		n = runtime.NumCPU()
	}
	var wg sync.WaitGroup
	next := make(chan T)
	for range min(n, max(len(items), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range next {
				fn(it)
			}
		}()
	}
	for _, it := range items {
		next <- it
	}
	close(next)
	wg.Wait()
}

// Indexes is 0, 1, …, n-1: the items of an Each whose results go to a
// slot per item, so they come out in order.
func Indexes(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

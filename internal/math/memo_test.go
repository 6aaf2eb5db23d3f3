package math

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
)

// TestMemoTypesetsOnceUnderContention: callers that ask for one formula
// while it is being typeset wait for that answer instead of typesetting it
// again, and exactly one of them is told it computed it.
func TestMemoTypesetsOnceUnderContention(t *testing.T) {
	const callers = 16
	var m memo
	var arrived, typeset, firsts atomic.Int64
	var wg sync.WaitGroup
	outs := make([]string, callers)
	for i := range callers {
		wg.Go(func() {
			arrived.Add(1)
			a, first := m.do(memoKey{`x^2`, false}, func() memoAnswer {
				typeset.Add(1)
				for arrived.Load() < callers { // keep the others waiting
					runtime.Gosched()
				}
				return memoAnswer{out: "<math/>"}
			})
			if first {
				firsts.Add(1)
			}
			outs[i] = a.out
		})
	}
	wg.Wait()
	if typeset.Load() != 1 || firsts.Load() != 1 {
		t.Errorf("typeset %d times, %d callers told they computed it; want 1 and 1", typeset.Load(), firsts.Load())
	}
	for i, o := range outs {
		if o != "<math/>" {
			t.Errorf("caller %d got %q", i, o)
		}
	}
}

// TestMemoForgetsWhenFull: past memoSize entries the memo starts again, so
// a long preview session stays bounded.
func TestMemoForgetsWhenFull(t *testing.T) {
	var m memo
	answer := func() memoAnswer { return memoAnswer{} }
	for i := range memoSize {
		m.do(memoKey{string(rune(i)) + "x", false}, answer)
	}
	if _, first := m.do(memoKey{"\x00x", false}, answer); first {
		t.Fatal("a kept formula was typeset again before the memo was full")
	}
	m.do(memoKey{"new", false}, answer)
	if len(m.entries) != 1 {
		t.Errorf("after the memo filled it holds %d entries, want 1", len(m.entries))
	}
}

package math

import "sync"

// memo keeps the native engine's answers for the formulas seen in this
// run: a formula written on several pages (a third of the real corpus's
// are repeats) is typeset once, even when two pages ask for it at the same
// moment (the second waits the microseconds the first takes). It forgets
// everything when full, so that a long docsite serve stays bounded.
type memo struct {
	mu      sync.Mutex
	entries map[memoKey]*memoEntry
}

type memoKey struct {
	tex     string
	display bool
}

type memoAnswer struct {
	out         string
	err         error // a *ParseError, or nil
	unsupported error // non-nil: the engine cannot typeset it, ask the fallback
}

type memoEntry struct {
	once sync.Once
	a    memoAnswer
}

// memoSize is about the distinct formulas of a large knowledge base (the
// real one has 2,232); past it the memo starts again.
const memoSize = 1 << 15

// do returns k's answer, computed by typeset once for all the callers that
// ask while it is kept; first reports whether this call computed it.
func (m *memo) do(k memoKey, typeset func() memoAnswer) (a memoAnswer, first bool) {
	m.mu.Lock()
	e := m.entries[k]
	if e == nil {
		if m.entries == nil || len(m.entries) >= memoSize {
			m.entries = make(map[memoKey]*memoEntry)
		}
		e = &memoEntry{}
		m.entries[k] = e
	}
	m.mu.Unlock()
	e.once.Do(func() {
		e.a = typeset()
		first = true
	})
	return e.a, first
}

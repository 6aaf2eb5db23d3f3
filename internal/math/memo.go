package math

import "sync"

// memo keeps the native engine's answers for the formulas seen in this
// run: a formula written on several pages (a third of the real corpus's
// are repeats) is typeset once. It forgets everything when full, so that a
// long docsite serve stays bounded.
type memo struct {
	mu      sync.Mutex
	answers map[memoKey]memoAnswer
}

type memoKey struct {
	tex     string
	display bool
}

type memoAnswer struct {
	out string
	err error // a *ParseError, or nil
}

// memoSize is about the distinct formulas of a large knowledge base (the
// real one has 2,232); past it the memo starts again.
const memoSize = 1 << 15

func (m *memo) get(k memoKey) (memoAnswer, bool) {
	m.mu.Lock()
	a, ok := m.answers[k]
	m.mu.Unlock()
	return a, ok
}

func (m *memo) put(k memoKey, a memoAnswer) {
	m.mu.Lock()
	if m.answers == nil || len(m.answers) >= memoSize {
		m.answers = make(map[memoKey]memoAnswer)
	}
	m.answers[k] = a
	m.mu.Unlock()
}

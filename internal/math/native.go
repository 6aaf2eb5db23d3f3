package math

import (
	"errors"
	"fmt"
	"sync/atomic"

	"docsite/internal/tex"
)

// Native typesets with internal/tex, which gives KaTeX's verdicts and writes
// MathML Core in microseconds. Only a formula tex cannot typeset (a command
// it lacks, such as \href or {CD}) goes to the fallback, a KaTeX engine
// whose JavaScript runtime starts on that first formula and not before, so a
// corpus without such formulas never starts one.
type Native struct {
	fallback *KaTeX // nil: such formulas are engine errors
	memo     memo   // the native answers of this run
	checks   memo   // the same for Check, which keeps no MathML

	natives, repeats, fallbacks atomic.Int64
}

// NewNative returns a renderer falling back to k, which may be nil.
func NewNative(k *KaTeX) *Native { return &Native{fallback: k} }

// Render implements Renderer.
func (n *Native) Render(src string, display bool) (string, error) {
	return n.answer(src, display, true)
}

// Check implements Checker: Render's verdict without the MathML, which
// the native engine then builds but does not write out.
func (n *Native) Check(src string, display bool) error {
	_, err := n.answer(src, display, false)
	return err
}

func (n *Native) answer(src string, display, write bool) (string, error) {
	m := &n.checks
	if write {
		m = &n.memo
	}
	a, first := m.do(memoKey{src, display}, func() memoAnswer {
		out, err := native(src, display, write)
		var te *tex.Error
		switch {
		case err == nil:
			return memoAnswer{out: out}
		case errors.As(err, &te):
			return memoAnswer{err: &ParseError{Message: te.Error()}}
		}
		return memoAnswer{unsupported: err}
	})
	if a.unsupported == nil {
		if first {
			n.natives.Add(1)
		} else {
			n.repeats.Add(1)
		}
		return a.out, a.err
	}
	n.fallbacks.Add(1)
	if n.fallback == nil {
		return "", fmt.Errorf("%w, and KaTeX is not installed", a.unsupported)
	}
	return n.fallback.Render(src, display) // cached on disk: no second memo
}

// native runs tex.MathML, or tex.Check when the MathML is not wanted. A
// panic is a bug of the engine, not of the formula, so it sends the
// formula to KaTeX instead of ending the build.
func native(src string, display, write bool) (out string, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = "", fmt.Errorf("%w: internal error: %v", tex.ErrUnsupported, r)
		}
	}()
	if !write {
		return "", tex.Check(src, display)
	}
	return tex.MathML(src, display)
}

// NativeStats counts the formulas each engine typeset or rejected.
type NativeStats struct {
	Native   int64 // by internal/tex
	Repeats  int64 // answered again from this run's memo, not typeset
	Fallback int64 // sent to KaTeX
	KaTeX    Stats // the fallback's own counters (zero without one)
}

// Stats returns the renderer's counters.
func (n *Native) Stats() NativeStats {
	s := NativeStats{Native: n.natives.Load(), Repeats: n.repeats.Load(), Fallback: n.fallbacks.Load()}
	if n.fallback != nil {
		s.KaTeX = n.fallback.Stats()
	}
	return s
}

// Close releases the fallback's cache file.
func (n *Native) Close() error {
	if n.fallback == nil {
		return nil
	}
	return n.fallback.Close()
}

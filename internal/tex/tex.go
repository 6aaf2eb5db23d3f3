// Package tex validates TeX math as KaTeX 0.19.1 does and writes it as
// MathML Core, without a JavaScript engine.
//
// The parser follows KaTeX's design (lexer, macro expander, parser driven by
// a table of functions) so that it accepts and rejects the same formulas;
// the MathML it writes follows Temml, the MathML Core reference renderer.
// Anything KaTeX accepts that this package cannot typeset yields an error
// wrapping ErrUnsupported, so that the caller can fall back to KaTeX.
package tex

import (
	"errors"
	"fmt"
)

// Error is a formula KaTeX would reject.
type Error struct {
	Offset       int // byte offset in the formula of the offending token
	Line, Column int // 1-based within the formula; Column in code points
	Message      string
}

func (e *Error) Error() string {
	return fmt.Sprintf("KaTeX parse error: %s at line %d, column %d", e.Message, e.Line, e.Column)
}

// ErrUnsupported is wrapped by the error returned for formulas KaTeX accepts
// but this package cannot typeset.
var ErrUnsupported = errors.New("tex: not supported by this engine")

// unsupported is raised (as a panic, caught at the API) by the writer.
type unsupported struct{ what string }

func (u unsupported) Error() string { return "tex: " + u.what + " is not supported" }
func (u unsupported) Unwrap() error { return ErrUnsupported }

// parseError is raised by the parser; the API turns it into *Error.
type parseError struct {
	pos int // byte offset, or -1 when KaTeX gives no position
	msg string
}

// MathML parses tex and returns a <math> element in MathML Core, with the
// TeX source as annotation. err is *Error for a formula KaTeX would reject,
// or wraps ErrUnsupported.
func MathML(tex string, display bool) (string, error) {
	return run(tex, display, true)
}

// Check validates tex as MathML(tex, display) would, with the same
// verdict and error, but writes nothing out: what docsite check needs.
func Check(tex string, display bool) error {
	_, err := run(tex, display, false)
	return err
}

// run parses tex and builds its MathML tree, and writes it out if asked.
func run(tex string, display, write bool) (out string, err error) {
	e := engines.Get().(*engine)
	defer func() {
		if r := recover(); r != nil {
			switch x := r.(type) {
			case parseError:
				err = newError(tex, x.pos, x.msg)
			case unsupported:
				err = x
			default:
				panic(r) // a bug: the engine is not reused
			}
		}
		e.release()
	}()
	p := e.start(tex, display)
	tree := p.parseTop()
	w := writer{arena: &e.arena} // without b (Check) the tree is built but not written
	if write {
		w.b = &e.out
	}
	w.math(tree, tex, display)
	if write {
		out = string(e.out)
	}
	return out, nil
}

func newError(tex string, pos int, msg string) *Error {
	if pos < 0 || pos > len(tex) {
		pos = len(tex)
	}
	line, col := 1, 1
	for _, r := range tex[:pos] {
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return &Error{Offset: pos, Line: line, Column: col, Message: msg}
}

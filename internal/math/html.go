package math

import (
	"errors"
	"html"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Renderer typesets one formula. KaTeX in this package is one; tests use
// fakes. A *ParseError tells a formula the author must fix from a failure
// of the engine itself.
type Renderer interface {
	Render(tex string, display bool) (html string, err error)
}

// Checker is a Renderer that can give its verdict without typesetting,
// for a parse that renders nothing (docsite check).
type Checker interface {
	Check(tex string, display bool) error
}

// ParseError is a formula the engine rejected; Message is the engine's
// own, e.g. "KaTeX parse error: Expected '}', got 'EOF' at end of input: …".
type ParseError struct {
	Message string
}

func (e *ParseError) Error() string { return e.Message }

// IsParseError reports whether err is (or wraps) a *ParseError.
func IsParseError(err error) bool {
	var pe *ParseError
	return errors.As(err, &pe)
}

type nodeRenderer struct {
	engine Renderer
}

func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindInline, r.renderInline)
	reg.Register(KindBlock, r.renderBlock)
}

func (r *nodeRenderer) renderInline(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		f := &n.(*Inline).Formula
		r.fill(f)
		write(w, f, "span")
	}
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) renderBlock(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		f := &n.(*Block).Formula
		r.fill(f)
		write(w, f, "div")
		_ = w.WriteByte('\n')
	}
	return ast.WalkSkipChildren, nil
}

// fill renders f unless the pipeline already did.
func (r *nodeRenderer) fill(f *Formula) {
	if r.engine == nil || f.HTML != "" || f.Err != "" {
		return
	}
	out, err := r.engine.Render(f.TeX, f.Display)
	if err != nil {
		f.Err = err.Error()
		return
	}
	f.HTML = out
}

// write emits one formula inside tag (span or div): the engine's HTML; or,
// for a rejected formula, its source marked as an error with the message
// as a tooltip; or, with no engine, the escaped TeX in \(…\) or \[…\] so a
// client-side renderer could still pick it up.
func write(w util.BufWriter, f *Formula, tag string) {
	class := "math math-inline"
	if f.Display {
		class = "math math-display"
	}
	switch {
	case f.Err != "":
		_, _ = w.WriteString("<" + tag + ` class="` + class + ` math-error" title="`)
		_, _ = w.WriteString(html.EscapeString(f.Err))
		_, _ = w.WriteString(`">`)
		_, _ = w.WriteString(html.EscapeString(f.Open + f.TeX + f.Close))
	case f.HTML != "":
		_, _ = w.WriteString("<" + tag + ` class="` + class + `">`)
		_, _ = w.WriteString(f.HTML)
	default:
		open, close := `\(`, `\)`
		if f.Display {
			open, close = `\[`, `\]`
		}
		_, _ = w.WriteString("<" + tag + ` class="` + class + `">`)
		_, _ = w.WriteString(html.EscapeString(open + f.TeX + close))
	}
	_, _ = w.WriteString("</" + tag + ">")
}

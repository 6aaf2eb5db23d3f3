package mermaid

import (
	"bytes"
	"fmt"
	"html"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

type nodeRenderer struct{}

func (nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(Kind, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkSkipChildren, nil
		}
		d := &n.(*Block).Diagram
		if d.Err != nil {
			WriteError(w, d, 1+bytes.Count(source[:min(d.ErrOffset, len(source))], []byte{'\n'}))
			return ast.WalkSkipChildren, nil
		}
		_, _ = w.WriteString(Pre(d.Source))
		return ast.WalkSkipChildren, nil
	})
}

// Pre is the element a diagram mermaid accepts is written as, for
// mermaid's browser script or for the build-time renderer to replace.
// mermaid reads the element's textContent, so escaping keeps
// "A --> B<br/>" and "a & b" exactly as written.
func Pre(src string) string {
	return `<pre class="mermaid">` + html.EscapeString(src) + "</pre>\n"
}

// WriteError writes a diagram mermaid would refuse as what a reader can
// still use: its source as code, and the error with its line in the page,
// instead of the error picture mermaid would draw.
func WriteError(w util.BufWriter, d *Diagram, pageLine int) {
	_, _ = w.WriteString(`<div class="diagram-error">` + "\n")
	fmt.Fprintf(w, `<p class="diagram-error-message" role="note">Diagram error, line %d: %s</p>`+"\n",
		pageLine, html.EscapeString(d.Err.Message))
	_, _ = w.WriteString(`<pre class="diagram-error-source"><code class="language-mermaid">`)
	writeMarked(w, d)
	_, _ = w.WriteString("</code></pre>\n</div>\n")
}

// writeMarked writes the source escaped, with the line mermaid stops at
// in a <mark> so the reader finds it in a long diagram.
func writeMarked(w util.BufWriter, d *Diagram) {
	line := 1
	start := 0
	src := d.Source
	for i := 0; i <= len(src); i++ {
		if i < len(src) && src[i] != '\n' {
			continue
		}
		text := src[start:i]
		if line == d.Err.Line {
			_, _ = w.WriteString(`<mark class="diagram-error-line">` + html.EscapeString(text) + `</mark>`)
		} else {
			_, _ = w.WriteString(html.EscapeString(text))
		}
		if i < len(src) {
			_ = w.WriteByte('\n')
		}
		start, line = i+1, line+1
	}
}

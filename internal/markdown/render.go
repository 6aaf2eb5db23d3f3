package markdown

import (
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"

	"docsite/internal/diag"
	"docsite/internal/sanitize"
	"docsite/internal/site"
)

// nodeRenderer renders the nodes whose HTML docsite decides: headings with
// anchor links, code blocks through chroma, mermaid fences, and raw HTML
// whose links were rewritten.
type nodeRenderer struct {
	highlight Highlighter
	sanitize  bool // remove script from raw HTML (docsite.yaml sanitize: true)
}

func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, r.heading)
	reg.Register(ast.KindFencedCodeBlock, r.fenced)
	reg.Register(ast.KindCodeBlock, r.indented)
	reg.Register(east.KindTable, r.table)
	reg.Register(kindRawOutput, r.raw)
	reg.Register(kindRawBlockOutput, r.raw)
	if r.sanitize {
		reg.Register(ast.KindRawHTML, r.raw)
		reg.Register(ast.KindHTMLBlock, r.raw)
	}
}

func (r *nodeRenderer) heading(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	h := n.(*ast.Heading)
	id, _ := h.AttributeString("id")
	idStr, _ := id.([]byte)
	level := string(rune('0' + h.Level))
	if entering {
		_, _ = w.WriteString("<h" + level)
		if idStr != nil {
			_, _ = w.WriteString(` id="` + html.EscapeString(string(idStr)) + `"`)
		}
		_ = w.WriteByte('>')
		return ast.WalkContinue, nil
	}
	if idStr != nil {
		// A real link: focusable, named after its section; theme.js copies
		// its URL on activation, and without script it still navigates.
		_, _ = w.WriteString(`<a class="anchor" href="#` + html.EscapeString(string(idStr)) + `"`)
		if label, ok := h.AttributeString(anchorLabel); ok {
			l, _ := label.([]byte)
			_, _ = w.WriteString(` aria-label="` + html.EscapeString(string(l)) + `"`)
		}
		_, _ = w.WriteString(`>#</a>`)
	}
	_, _ = w.WriteString("</h" + level + ">\n")
	return ast.WalkContinue, nil
}

func (r *nodeRenderer) fenced(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	f := n.(*ast.FencedCodeBlock)
	lang := ""
	if f.Info != nil {
		// The info string is inline text: escapes and entities resolve.
		info := util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(f.Info.Segment.Value(src))))
		lang = strings.Fields(string(info) + " x")[0]
	}
	_, _ = w.WriteString(r.highlight.Block(lang, codeText(n, src)) + "\n")
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) indented(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(r.highlight.Block("", codeText(n, src)) + "\n")
	}
	return ast.WalkSkipChildren, nil
}

// raw writes raw HTML: as rewritten, and without script when sanitizing.
// An HTML block is cleaned whole, so a <script> over several lines goes.
func (r *nodeRenderer) raw(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	var out []byte
	switch n := n.(type) {
	case *rawOutput:
		out = n.html
	case *rawBlockOutput:
		out = n.html
	case *ast.RawHTML:
		for _, pc := range rawSegments(n.Segments, src) {
			out = append(out, pc.data...)
		}
	case *ast.HTMLBlock:
		for _, pc := range rawSegments(n.Lines(), src) {
			out = append(out, pc.data...)
		}
		if n.HasClosure() {
			out = append(out, n.ClosureLine.Value(src)...)
		}
	}
	if r.sanitize {
		out = sanitize.Clean(out)
	}
	_, _ = w.Write(out)
	return ast.WalkSkipChildren, nil
}

// rewriteLinks points Markdown links and images at site URLs and replaces raw
// HTML whose href/src changed with its rewritten form.
func rewriteLinks(doc ast.Node, src []byte, lang string, links func(string) (string, bool)) {
	var replace [][2]ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if broken(n.Destination, links) {
				markBroken(n, lang)
			}
			n.Destination = rewrite(n.Destination, links)
		case *ast.Image:
			n.Destination = rewrite(n.Destination, links)
		case *ast.AutoLink:
			if sanitize.IsScriptURL(string(n.URL(src))) {
				replace = append(replace, [2]ast.Node{n, ast.NewString(n.Label(src))})
			}
		case *ast.RawHTML:
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.RawHTML:
			var raw []byte
			for _, pc := range rawSegments(n.Segments, src) {
				raw = append(raw, pc.data...)
			}
			if out, ok := rewriteRawHTML(raw, links); ok {
				replace = append(replace, [2]ast.Node{n, &rawOutput{html: out}})
			}
		case *ast.HTMLBlock:
			var raw []byte
			for _, pc := range rawSegments(n.Lines(), src) {
				raw = append(raw, pc.data...)
			}
			if n.HasClosure() {
				raw = append(raw, n.ClosureLine.Value(src)...)
			}
			if out, ok := rewriteRawHTML(raw, links); ok {
				replace = append(replace, [2]ast.Node{n, &rawBlockOutput{html: out}})
			}
		}
		return ast.WalkContinue, nil
	})
	for _, r := range replace {
		r[0].Parent().ReplaceChild(r[0].Parent(), r[0], r[1])
	}
}

// broken reports a link to a path of the site that resolves to nothing:
// links leaves it as written, and it is no URL and no fragment.
func broken(dest []byte, links func(string) (string, bool)) bool {
	d := strings.TrimSpace(string(dest))
	if links == nil || d == "" || d[0] == '#' || d[0] == '?' || site.IsExternal(d) {
		return false
	}
	_, ok := links(d)
	return !ok
}

// markBroken shows readers that a link goes nowhere: a class the theme
// styles, and a title (the tooltip, read out by screen readers) that says
// so. It stays a link, so it keeps its place in the keyboard order.
func markBroken(l *ast.Link, lang string) {
	msg := "链接目标不存在"
	if strings.HasPrefix(lang, "en") {
		msg = "Broken link: the target does not exist"
	}
	if len(l.Title) > 0 {
		msg += " — " + string(l.Title)
	}
	l.Title = []byte(msg)
	l.SetAttributeString("class", []byte("broken-link"))
}

// rewrite gives a destination its site URL; one that runs script is
// dropped, since raw HTML being allowed turns goldmark's own filter off.
func rewrite(dest []byte, links func(string) (string, bool)) []byte {
	if sanitize.IsScriptURL(html.UnescapeString(string(dest))) {
		return nil
	}
	if links == nil {
		return dest
	}
	if u, ok := links(string(dest)); ok {
		return []byte(u)
	}
	return dest
}

func duplicateID(p *site.Page, id string, start, end int) diag.Diagnostic {
	d := diag.Diagnostic{File: p.Path, Severity: diag.Error, Rule: RuleHeadingDuplicateId,
		Message: "id \"" + id + "\" is already used on this page; a link to #" + id + " reaches only the first", Target: "#" + id}
	p.Lines.Span(&d, start, end)
	return d
}

// Drop removes the top-level blocks that start within [start, end): a
// hand-written table of contents the site replaces with its outline.
func Drop(doc ast.Node, start, end int) {
	for n := doc.FirstChild(); n != nil; {
		next := n.NextSibling()
		if at := blockStart(n); at >= start && at < end {
			doc.RemoveChild(doc, n)
		}
		n = next
	}
}

// plainCode is the Highlighter of a converter given none: escaped text in
// the same <pre> chroma writes, without colours.
type plainCode struct{}

func (plainCode) Block(lang, code string) string {
	attr := ""
	if lang != "" {
		attr = ` data-lang="` + html.EscapeString(lang) + `"`
	}
	return `<pre class="chroma"` + attr + `><code>` + html.EscapeString(code) + `</code></pre>`
}

// codeText is a code block's text as HTML may carry it: CommonMark has
// U+0000 replaced by U+FFFD, as goldmark does for the rest of the page.
func codeText(n ast.Node, src []byte) string {
	return strings.ReplaceAll(linesText(n, src), "\x00", "\uFFFD")
}

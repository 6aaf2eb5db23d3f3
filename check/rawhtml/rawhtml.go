// Package rawhtml reports raw HTML in pages that would run as script in the
// reader's browser: <script> elements, on* event-handler attributes and
// javascript: URLs (rule html/script, a warning). Raw HTML is the authors'
// own and is published as written; the warning makes a pasted script a
// decision rather than an accident, and docsite.yaml's sanitize: true
// removes what it names (render/sanitize).
package rawhtml

import (
	"fmt"
	"html"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"docsite/render/diag"
	"docsite/render/markdown"
	"docsite/render/sanitize"
	"docsite/render/site"
)

// Rule is the rule ID of every finding.
const Rule = "html/script"

// Checker finds script in the raw HTML of pages.
type Checker struct {
	conv *markdown.Converter
}

// Option configures a Checker.
type Option func(*Checker)

// WithConverter parses pages with c, the converter the build uses, so raw
// HTML is found exactly where the site renders it; by default a plain
// markdown.New() is made.
func WithConverter(c *markdown.Converter) Option {
	return func(k *Checker) { k.conv = c }
}

// New makes a Checker.
func New(opts ...Option) *Checker {
	k := &Checker{}
	for _, o := range opts {
		o(k)
	}
	if k.conv == nil {
		k.conv = markdown.New()
	}
	return k
}

// Check reports script in the raw HTML of s's pages with a new Checker; it
// fits check.Run as an extra rule.
func Check(s *site.Site) []diag.Diagnostic { return New().Check(s) }

// Check reports each script element, event handler and script URL in raw
// HTML, and each Markdown link or image to a javascript: URL, at its place
// in the page. Code blocks, code spans and math are not HTML and are never
// reported. Only the few pages whose text could hold a finding in raw HTML
// are parsed again.
func (k *Checker) Check(s *site.Site) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, p := range s.Pages {
		if p.Generated {
			continue
		}
		out = append(out, links(p)...)
		if mayHoldScript(p.Source) {
			out = append(out, k.Page(p)...)
		}
	}
	return out
}

// links reports Markdown links and images whose destination runs script:
// the renderer passes them through, as it passes raw HTML.
func links(p *site.Page) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, l := range p.Links {
		if l.Kind == site.LinkHTML || l.Kind == site.LinkHTMLImage || !sanitize.IsScriptURL(html.UnescapeString(l.Dest)) {
			continue // raw HTML links are found with the rest of the raw HTML
		}
		d := diag.Diagnostic{File: p.Path, Severity: diag.Warning, Rule: Rule, Target: l.Dest,
			Message: "link to a script URL runs script in every reader's browser when followed; set sanitize: true in docsite.yaml to remove it from the site"}
		p.Lines.Span(&d, l.Start, min(l.End, len(p.Source)))
		out = append(out, d)
	}
	return out
}

// Page reports the script in one page's raw HTML.
func (k *Checker) Page(p *site.Page) []diag.Diagnostic {
	// Parse a scratch copy: the page's own model is filled already and
	// may be read by other rules at the same time.
	q := &site.Page{Path: p.Path, Dir: p.Dir, Lang: p.Lang, Key: p.Key, Source: p.Source, Lines: p.Lines}
	doc := k.conv.Parse(q)
	lines := p.Lines
	if lines == nil {
		lines = diag.NewLines(p.Source)
	}
	var out []diag.Diagnostic
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var segs []text.Segment
		switch n := n.(type) {
		case *ast.RawHTML:
			for i := 0; i < n.Segments.Len(); i++ {
				segs = append(segs, n.Segments.At(i))
			}
		case *ast.HTMLBlock:
			for i := 0; i < n.Lines().Len(); i++ {
				segs = append(segs, n.Lines().At(i))
			}
			if n.HasClosure() {
				segs = append(segs, n.ClosureLine)
			}
		default:
			return ast.WalkContinue, nil
		}
		for _, f := range findIn(p.Source, segs) {
			d := diag.Diagnostic{File: p.Path, Severity: diag.Warning, Rule: Rule, Message: message(f.Finding), Target: string(p.Source[f.start:f.end])}
			lines.Span(&d, f.start, f.end)
			out = append(out, d)
		}
		return ast.WalkSkipChildren, nil
	})
	return out
}

// placed is a finding with its offsets in the page source.
type placed struct {
	sanitize.Finding
	start, end int
}

// findIn runs sanitize.Find over the raw HTML made of segs (one per line
// inside a blockquote or list) and maps its offsets back to src.
func findIn(src []byte, segs []text.Segment) []placed {
	var joined []byte
	starts := make([]int, len(segs))
	for i, s := range segs {
		starts[i] = len(joined)
		joined = append(joined, s.Value(src)...)
	}
	toSource := func(off int) int {
		i := len(starts) - 1
		for i > 0 && starts[i] > off {
			i--
		}
		return segs[i].Start + off - starts[i]
	}
	var out []placed
	for _, f := range sanitize.Find(joined) {
		start, end := toSource(f.Start), toSource(f.Start)
		if f.End > f.Start {
			end = toSource(f.End-1) + 1
		}
		out = append(out, placed{Finding: f, start: start, end: end})
	}
	return out
}

func message(f sanitize.Finding) string {
	const fix = "; set sanitize: true in docsite.yaml to remove it from the site"
	switch f.Kind {
	case sanitize.Script:
		return "<script> element in the page runs in every reader's browser" + fix
	case sanitize.Unreadable:
		return "raw-text elements (<style>, <textarea>, …) nested too deep to tell whether they run script" + fix
	case sanitize.EventHandler:
		return fmt.Sprintf("event handler %s on <%s> runs script in every reader's browser%s", f.Attr, f.Tag, fix)
	default:
		return fmt.Sprintf("%s of <%s> runs script in every reader's browser%s", f.Attr, f.Tag, fix)
	}
}

// mayHoldScript tells in one pass over src whether it can hold a finding:
// a '<' and one of "script" (also in javascript: and vbscript:), a
// character reference (an encoded scheme), "srcdoc", or an on…= attribute
// (after a space, quote, '/' or a blockquote's '>').
// Nearly every page has none, and is not parsed again.
func mayHoldScript(src []byte) bool {
	tag := false
	for i := 0; i < len(src); i++ {
		switch c := src[i] | 0x20; {
		case src[i] == '<':
			tag = true
		case src[i] == '&' && i+1 < len(src) && src[i+1] == '#':
			return tag || hasByte(src[i:], '<')
		case c == 's' && (foldHas(src[i:], "script") || foldHas(src[i:], "srcdoc")):
			return tag || hasByte(src[i:], '<')
		case c == 'o' && i > 0 && (isAttrStart(src[i-1]) || src[i-1] == '>') && onAttr(src[i:]):
			// '>' too: a tag's next line inside a quote starts after "> ".
			return tag || hasByte(src[i:], '<')
		}
	}
	return false
}

func hasByte(b []byte, c byte) bool {
	for _, x := range b {
		if x == c {
			return true
		}
	}
	return false
}

// foldHas reports whether b starts with the lower-case ASCII word w, in any case.
func foldHas(b []byte, w string) bool {
	if len(b) < len(w) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if b[i]|0x20 != w[i] {
			return false
		}
	}
	return true
}

func isAttrStart(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '"' || c == '\''
}

// onAttr reports whether b starts with "on", letters, optional space and "=".
func onAttr(b []byte) bool {
	if len(b) < 3 || b[1]|0x20 != 'n' {
		return false
	}
	i := 2
	for i < len(b) && b[i] != '=' && b[i] != '>' && !isAttrStart(b[i]) {
		i++
	}
	if i == 2 {
		return false
	}
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r' || b[i] == '\f') {
		i++
	}
	return i < len(b) && b[i] == '='
}

package glossary

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// KindTerm is the NodeKind of *TermNode.
var KindTerm = ast.NewNodeKind("GlossaryTerm")

// TermNode wraps the first use of a term on a page; its children are the
// text as the page wrote it.
type TermNode struct {
	ast.BaseInline
	Term *Term
	Href string // the term's entry on the glossary page
	Tip  string // expansion and short explanation, in the page's language
}

// Kind implements ast.Node.
func (n *TermNode) Kind() ast.NodeKind { return KindTerm }

// Dump implements ast.Node.
func (n *TermNode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Term": n.Term.Term, "Href": n.Href}, nil)
}

// Annotate marks the first use of each glossary term in the page's AST,
// between goldmark's parse and render, and returns the terms it marked in
// the order met. glossaryURL is the URL of the glossary page (with the
// site's base); lang picks the explanation shown in the tooltip.
//
// Terms are looked for in prose only: never in headings, code, links,
// images, raw HTML, math or any other inline node an extension made. Call it
// on every page except the glossary sources themselves.
func Annotate(doc ast.Node, src []byte, g *Glossary, glossaryURL, lang string) []string {
	if g == nil || len(g.terms) == 0 || doc == nil {
		return nil
	}
	a := &annotator{src: src, g: g, url: glossaryURL, lang: lang, used: map[*Term]bool{}}
	a.container(doc)
	return a.uses
}

type annotator struct {
	src     []byte
	g       *Glossary
	url     string
	lang    string
	used    map[*Term]bool
	uses    []string
	run     []*ast.Text // scratch
	buf     []byte      // scratch
	matches []match     // scratch
}

func (a *annotator) done() bool { return len(a.used) == len(a.g.terms) }

// container visits the children of n, matching runs of adjacent text and
// descending into the nodes that hold prose.
func (a *annotator) container(n ast.Node) {
	inTag := 0 // depth of raw inline tags such as <a> or <code> around the text
	for c := n.FirstChild(); c != nil && !a.done(); {
		if h, ok := c.(*ast.RawHTML); ok {
			inTag = max(inTag+tagDepth(h, a.src), 0)
		}
		if t, ok := textOf(c); ok && inTag == 0 {
			a.run = a.run[:0]
			for t != nil {
				a.run = append(a.run, t)
				if t.SoftLineBreak() || t.HardLineBreak() {
					break
				}
				t, _ = textOf(t.NextSibling())
			}
			next := a.run[len(a.run)-1].NextSibling()
			a.text(n, a.run)
			c = next
			continue
		}
		if inTag == 0 && prose(c) {
			a.container(c)
		}
		c = c.NextSibling()
	}
}

// textOf returns n as a text node that may be split: not raw (code), and
// without tab padding, whose bytes are not all in the source.
func textOf(n ast.Node) (*ast.Text, bool) {
	t, ok := n.(*ast.Text)
	if !ok || t.IsRaw() || t.Segment.Padding != 0 {
		return nil, false
	}
	return t, true
}

// prose reports whether n may hold text to annotate.
func prose(n ast.Node) bool {
	switch n.(type) {
	case *ast.Emphasis, *east.Strikethrough:
		return true
	case *ast.Heading, *ast.CodeBlock, *ast.FencedCodeBlock, *ast.HTMLBlock, *east.TableHeader:
		return false // a table header names a column, it does not use a term
	}
	if n.Type() == ast.TypeInline {
		// Links, code spans, images, raw HTML, autolinks and whatever
		// an extension adds (math, citations, footnote marks).
		return false
	}
	return !strings.HasPrefix(n.Kind().String(), "Math")
}

// text matches one run of adjacent text nodes as a whole, so a term split
// over two nodes (goldmark cuts text at some punctuation, and between two
// Chinese characters at a wrapped line) is still found.
func (a *annotator) text(parent ast.Node, run []*ast.Text) {
	var b []byte
	if len(run) == 1 {
		b = run[0].Segment.Value(a.src)
	} else {
		a.buf = a.buf[:0]
		for _, t := range run {
			a.buf = append(a.buf, t.Segment.Value(a.src)...)
		}
		b = a.buf
	}
	first, last := run[0].Segment, run[len(run)-1]
	var before, after rune
	if first.Start > 0 && first.Start <= len(a.src) {
		before, _ = utf8.DecodeLastRune(a.src[:first.Start])
	}
	if last.SoftLineBreak() || last.HardLineBreak() {
		after = '\n'
	} else if stop := last.Segment.Stop; stop < len(a.src) {
		after, _ = utf8.DecodeRune(a.src[stop:])
	}
	ms := a.g.m.find(b, before, after, a.matches[:0])
	a.matches = ms
	keep := ms[:0]
	for _, m := range ms {
		if a.used[m.p.term] {
			continue
		}
		a.used[m.p.term] = true
		a.uses = append(a.uses, m.p.term.Term)
		keep = append(keep, m)
	}
	if len(keep) > 0 {
		a.wrap(parent, run, keep)
	}
}

// wrap replaces the run's text nodes by text nodes and TermNodes covering
// the same bytes. Each original node is kept as the last piece of its text,
// so its flags (line breaks) stay where they were.
func (a *annotator) wrap(parent ast.Node, run []*ast.Text, ms []match) {
	anchor := run[len(run)-1].NextSibling()
	for _, t := range run {
		parent.RemoveChild(parent, t)
	}
	var out []ast.Node
	var term *TermNode
	mi, vs := 0, 0
	for _, n := range run {
		seg := n.Segment
		ve := vs + seg.Len()
		if seg.Len() == 0 {
			out = append(out, n)
		}
		for pos := vs; pos < ve; {
			for mi < len(ms) && ms[mi].end <= pos {
				mi++
				term = nil
			}
			end, in := ve, false
			if mi < len(ms) {
				switch {
				case ms[mi].start <= pos:
					end, in = min(ve, ms[mi].end), true
				case ms[mi].start < ve:
					end = ms[mi].start
				}
			}
			piece := text.NewSegment(seg.Start+pos-vs, seg.Start+end-vs)
			t := n
			if end < ve {
				t = ast.NewTextSegment(piece)
			} else {
				n.Segment = piece
			}
			switch {
			case !in:
				out = append(out, t)
			case term == nil:
				term = a.node(ms[mi].p.term)
				term.AppendChild(term, t)
				out = append(out, term)
			default:
				term.AppendChild(term, t)
			}
			pos = end
		}
		vs = ve
	}
	for _, n := range out {
		if anchor != nil {
			parent.InsertBefore(parent, anchor, n)
		} else {
			parent.AppendChild(parent, n)
		}
	}
}

func (a *annotator) node(t *Term) *TermNode {
	return &TermNode{Term: t, Href: a.url + "#" + t.ID, Tip: t.Tip(a.lang)}
}

// skipTags are inline HTML elements whose text is not prose to annotate: a
// link inside a link is invalid, and code stays as written.
var skipTags = map[string]bool{
	"a": true, "abbr": true, "code": true, "kbd": true, "samp": true, "var": true,
	"pre": true, "dfn": true, "math": true, "svg": true, "script": true, "style": true,
	"button": true, "textarea": true, "select": true, "label": true,
}

// tagDepth is +1 for an opening tag of skipTags in a raw inline HTML node,
// -1 for its closing tag, 0 otherwise.
func tagDepth(h *ast.RawHTML, src []byte) int {
	if h.Segments.Len() == 0 {
		return 0
	}
	seg := h.Segments.At(0)
	s := seg.Value(src)
	if len(s) < 2 || s[0] != '<' {
		return 0
	}
	s, closing := s[1:], s[1] == '/'
	if closing {
		s = s[1:]
	}
	i := 0
	for i < len(s) && (s[i] >= 'a' && s[i] <= 'z' || s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9') {
		i++
	}
	if !skipTags[strings.ToLower(string(s[:i]))] {
		return 0
	}
	if closing {
		return -1
	}
	last := h.Segments.At(h.Segments.Len() - 1)
	if bytes.HasSuffix(bytes.TrimRight(last.Value(src), " \t\r\n"), []byte("/>")) {
		return 0
	}
	return 1
}

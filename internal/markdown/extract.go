package markdown

import (
	"bytes"
	"html"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"docsite/internal/citation"
	"docsite/internal/diag"
	"docsite/internal/markdown/cjk"
	"docsite/internal/markdown/plain"
	"docsite/internal/math"
	"docsite/internal/mermaid"
	"docsite/internal/sanitize"
	"docsite/internal/site"
	"docsite/internal/slug"
)

// found holds the nodes extract met that the parse typesets or resolves
// next, in page order: one walk of the AST serves them all.
type found struct {
	formulas []*math.Formula
	diagrams []*mermaid.Diagram
	cites    []citation.Use
}

// extract walks the AST once and fills the page model. forReaders fills
// what only a render uses too: the summary, each section's plain text and
// each code block's (search, previews, backlink contexts), and the heading
// IDs on the AST, made here from the same slugs as the model's, so that
// rendering and checking agree on them by construction.
func extract(p *site.Page, doc ast.Node, forReaders bool) found {
	var f found
	src := p.Source
	var slugs slug.Slugger
	p.Anchors = map[string]site.Anchor{}
	p.Headings, p.Links, p.Code, p.Text, p.Math, p.Diagrams = nil, nil, nil, nil, nil, nil
	if n := bytes.Count(src, []byte("](")); n > 0 {
		p.Links = make([]site.Link, 0, n) // about the links written inline: one allocation
	}
	p.Summary = ""
	checkEncoding(p)
	var sec *sectionWriter // nil: no section text (its methods do nothing)
	if forReaders {
		sec = &sectionWriter{links: &p.Links, paraAt: -1}
	}
	sec.start(site.Section{})
	// Inside a heading, links and raw HTML anchors count like anywhere
	// else, but its text is the section's title, not its body.
	inHeading, htmlLink := false, false
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering && sec == nil { // no section text: only the heading's end matters
			if _, ok := n.(*ast.Heading); ok {
				inHeading = false
			}
			return ast.WalkContinue, nil
		}
		if !entering {
			switch n.(type) {
			case *ast.Heading:
				inHeading = false
			case *ast.Link, *ast.AutoLink:
				sec.closeLink()
			}
			if _, ok := n.(*ast.Paragraph); ok && n.Parent() == doc {
				sec.paraEnd()
			}
			// A table row is one line, its cells apart by spaces.
			if n.Type() == ast.TypeBlock && n.Kind() != east.KindTableCell {
				sec.breakLine()
			}
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *math.Inline:
			f.formulas = append(f.formulas, &n.Formula)
		case *math.Block:
			f.formulas = append(f.formulas, &n.Formula)
		case *mermaid.Block:
			f.diagrams = append(f.diagrams, &n.Diagram)
		case *citation.Node:
			f.cites = append(f.cites, n.Use)
		}
		if inHeading {
			switch n.(type) {
			case *ast.Text, *ast.String, *math.Inline:
				return ast.WalkSkipChildren, nil
			}
		}
		switch n := n.(type) {
		case *ast.Paragraph:
			// The page's first paragraph of its own (not in a list, quote
			// or table) describes it to search engines and link previews.
			if forReaders && p.Summary == "" && n.Parent() == doc {
				p.Summary = plain.Text(n, src)
			}
			if n.Parent() == doc {
				sec.paraStart()
			}
		case *ast.Heading:
			text := plain.Text(n, src)
			id := slugs.Slug(text)
			if forReaders {
				n.SetAttributeString("id", []byte(id))
			}
			off := blockStart(n)
			p.Headings = append(p.Headings, site.Heading{Level: n.Level, Text: text, ID: id, Offset: off})
			if prev, dup := p.Anchors[id]; dup && prev.Explicit {
				p.Diags = append(p.Diags, duplicateID(p, id, off, off))
			} else if !dup {
				p.Anchors[id] = site.Anchor{Offset: off}
			}
			if n.Level == 1 && p.H1 == "" {
				p.H1, p.H1Offset = text, off
				if p.Title == "" {
					p.Title = text
				}
			}
			if sec != nil {
				p.Text = append(p.Text, sec.take())
			}
			sec.start(site.Section{Heading: text, Anchor: id, Level: n.Level})
			inHeading = true
			return ast.WalkContinue, nil
		case *ast.Link:
			l := site.Link{Dest: string(n.Destination), Kind: site.LinkMarkdown, Start: n.Pos(), End: linkEnd(src, n.Pos()), Lang: langTitle(n.Title), Section: -1}
			p.Links = append(p.Links, l)
			scriptLink(p, l)
			sec.openLink(len(p.Text), inHeading)
		case *ast.Image:
			l := site.Link{Dest: string(n.Destination), Kind: site.LinkImage, Start: n.Pos(), End: linkEnd(src, n.Pos()), Section: -1}
			p.Links = append(p.Links, l)
			scriptLink(p, l)
		case *ast.AutoLink:
			start, end := autoLinkSpan(src, n)
			l := site.Link{Dest: string(n.URL(src)), Kind: site.LinkAuto, Start: start, End: end, Section: -1}
			p.Links = append(p.Links, l)
			scriptLink(p, l)
			sec.openLink(len(p.Text), inHeading)
		case *ast.RawHTML:
			before := len(p.Links)
			scanHTML(p, rawSegments(n.Segments, src))
			// The text of an inline <a href> runs to its </a>.
			switch tag := rawTag(n, src); {
			case tag == "a" && len(p.Links) > before && p.Links[len(p.Links)-1].Kind == site.LinkHTML && !htmlLink:
				sec.openLink(len(p.Text), inHeading)
				htmlLink = true
			case tag == "/a" && htmlLink:
				sec.closeLink()
				htmlLink = false
			}
			return ast.WalkSkipChildren, nil
		case *ast.HTMLBlock:
			segs := rawSegments(n.Lines(), src)
			if n.HasClosure() {
				segs = append(segs, rawSegments(singleSegment(n.ClosureLine), src)...)
			}
			scanHTML(p, segs)
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock:
			lang := ""
			if n.Info != nil {
				lang = strings.Fields(string(n.Info.Segment.Value(src)) + " x")[0]
			}
			p.Code = append(p.Code, codeBlock(n, lang, src, forReaders))
			return ast.WalkSkipChildren, nil
		case *math.Inline:
			sec.text(formulaText(n.TeX))
			return ast.WalkSkipChildren, nil
		case *math.Block, *mermaid.Block:
			return ast.WalkSkipChildren, nil
		case *ast.CodeBlock:
			p.Code = append(p.Code, codeBlock(n, "", src, forReaders))
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			sec.text(n.Segment.Value(src))
			if n.SoftLineBreak() || n.HardLineBreak() {
				sec.softBreak()
			}
		case *ast.String:
			sec.text(n.Value)
		case *east.TableCell:
			sec.space()
		}
		return ast.WalkContinue, nil
	})
	if sec != nil {
		p.Text = append(p.Text, sec.take())
	}
	if len(p.Links) == 0 {
		p.Links = nil // as a page with no "](" has it
	}
	return f
}

// codeBlock is the model of a code block, with its text when withText.
func codeBlock(n ast.Node, lang string, src []byte, withText bool) site.CodeBlock {
	c := site.CodeBlock{Lang: lang, Offset: blockStart(n)}
	if withText {
		c.Text = linesText(n, src)
	}
	return c
}

// rawTag is the name of the tag an inline raw HTML node opens ("a"), or
// closes ("/a"), lower-cased; "" for a comment or anything else.
func rawTag(n *ast.RawHTML, src []byte) string {
	if n.Segments.Len() == 0 {
		return ""
	}
	seg := n.Segments.At(0)
	raw := seg.Value(src)
	if len(raw) < 2 || raw[0] != '<' {
		return ""
	}
	end := 1
	if raw[1] == '/' {
		end = 2
	}
	for end < len(raw) && (raw[end] >= 'a' && raw[end] <= 'z' || raw[end] >= 'A' && raw[end] <= 'Z' || raw[end] >= '0' && raw[end] <= '9') {
		end++
	}
	return strings.ToLower(string(raw[1:end]))
}

// blockStart is the offset of a block's first line (Pos is set by goldmark
// for most blocks; the first line is the fallback).
func blockStart(n ast.Node) int {
	if pos := n.Pos(); pos >= 0 {
		return pos
	}
	if l := n.Lines(); l != nil && l.Len() > 0 {
		return l.At(0).Start
	}
	return 0
}

func linesText(n ast.Node, src []byte) string {
	var b strings.Builder
	for i := 0; i < n.Lines().Len(); i++ {
		seg := n.Lines().At(i)
		b.Write(seg.Value(src))
	}
	return b.String()
}

// linkEnd finds the end of the link or image that starts at start: past the
// closing ']' and, for an inline link, past its "(dest)"; for a full
// reference link past its "[label]".
func linkEnd(src []byte, start int) int {
	if start < 0 || start >= len(src) {
		return start
	}
	i := start
	if src[i] == '!' {
		i++
	}
	i = matchBracket(src, i, '[', ']')
	if i < len(src) && src[i] == '(' {
		return matchBracket(src, i, '(', ')')
	}
	if i < len(src) && src[i] == '[' {
		return matchBracket(src, i, '[', ']')
	}
	return i
}

// matchBracket returns the offset just past the bracket that closes the one
// at i, honouring backslash escapes; it stops at a blank line.
func matchBracket(src []byte, i int, open, close byte) int {
	if i >= len(src) || src[i] != open {
		return i
	}
	depth := 0
	for j := i; j < len(src); j++ {
		switch src[j] {
		case '\\':
			j++
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				return j + 1
			}
		case '\n':
			if j+1 < len(src) && src[j+1] == '\n' {
				return j
			}
		}
	}
	return len(src)
}

// sectionWriter gathers the plain text under one heading for search, and
// where each link's text lies in it (for backlink contexts). A nil writer
// gathers nothing: the checker reads no section text.
type sectionWriter struct {
	cur     site.Section
	b       strings.Builder
	pending bool // a soft break waits to learn whether a space is needed

	links  *[]site.Link
	open   []int    // the links being walked, innermost last; -1 for one in no section
	begun  []int    // of those, the ones whose text has not started yet
	here   []int    // links whose text is in the current section
	paras  [][2]int // spans of the section's top-level paragraphs so far
	paraAt int      // where the paragraph being walked began, or -1
}

// openLink starts the text of the link just appended, in section sec.
func (w *sectionWriter) openLink(sec int, inHeading bool) {
	if w == nil {
		return
	}
	if inHeading {
		w.open = append(w.open, -1)
		return
	}
	i := len(*w.links) - 1
	(*w.links)[i].Section = sec
	w.open = append(w.open, i)
	w.begun = append(w.begun, i)
	w.here = append(w.here, i)
}

// closeLink ends the text of the innermost open link.
func (w *sectionWriter) closeLink() {
	if w == nil {
		return
	}
	if len(w.open) == 0 {
		return
	}
	i := w.open[len(w.open)-1]
	w.open = w.open[:len(w.open)-1]
	if i < 0 {
		return
	}
	l := &(*w.links)[i]
	if k := slices.Index(w.begun, i); k >= 0 { // no text at all
		w.begun = slices.Delete(w.begun, k, k+1)
		l.Text[0] = w.b.Len()
	}
	l.Text[1] = w.b.Len()
}

func (w *sectionWriter) start(s site.Section) {
	if w == nil {
		return
	}
	w.cur = s
	w.b.Reset()
	w.pending = false
	w.here = w.here[:0]
	w.paras, w.paraAt = w.paras[:0], -1
}

// take ends the section; the links in it are moved with the trimming.
func (w *sectionWriter) take() site.Section {
	text := w.b.String()
	trimmed := strings.TrimSpace(text)
	left := len(text) - len(strings.TrimLeft(text, " \t\n"))
	for _, i := range w.here {
		l := &(*w.links)[i]
		l.Text[0] = min(max(l.Text[0]-left, 0), len(trimmed))
		l.Text[1] = min(max(l.Text[1]-left, l.Text[0]), len(trimmed))
	}
	w.cur.Text = trimmed
	w.cur.Paras = nil
	for _, sp := range w.paras {
		a, b := min(max(sp[0]-left, 0), len(trimmed)), min(max(sp[1]-left, 0), len(trimmed))
		if b > a {
			w.cur.Paras = append(w.cur.Paras, [2]int{a, b})
		}
	}
	return w.cur
}

func (w *sectionWriter) paraStart() {
	if w != nil {
		w.paraAt = w.b.Len()
	}
}

func (w *sectionWriter) paraEnd() {
	if w == nil {
		return
	}
	if w.paraAt >= 0 && w.b.Len() > w.paraAt {
		w.paras = append(w.paras, [2]int{w.paraAt, w.b.Len()})
	}
	w.paraAt = -1
}

func (w *sectionWriter) text(t []byte) {
	if w == nil {
		return
	}
	if len(t) == 0 {
		return
	}
	if w.pending {
		w.pending = false
		last, _ := utf8.DecodeLastRuneInString(w.b.String())
		next, _ := utf8.DecodeRune(t)
		// A line wrapped between two Chinese characters joins without a
		// space, as it renders; Latin words keep theirs.
		if !cjk.JoinsLines(last, next) {
			w.b.WriteByte(' ')
		}
	}
	for _, i := range w.begun {
		(*w.links)[i].Text[0] = w.b.Len()
	}
	w.begun = w.begun[:0]
	w.b.Write(t)
}

func (w *sectionWriter) softBreak() {
	if w != nil {
		w.pending = true
	}
}

func (w *sectionWriter) space() {
	if w != nil {
		w.pending = false
		w.b.WriteByte(' ')
	}
}

func (w *sectionWriter) breakLine() {
	if w == nil {
		return
	}
	w.pending = false
	if w.b.Len() > 0 {
		w.b.WriteByte('\n')
	}
}

// formulaText is how a formula reads in the section text (search snippets,
// backlink contexts): as written when it is plain (x, n = 3), else "[公式]",
// never TeX source.
func formulaText(tex string) []byte {
	if strings.ContainsAny(tex, `\{}^_`) {
		return []byte("[公式]")
	}
	return []byte(strings.TrimSpace(tex))
}

// langTitle reads a link title that is only a language tag ("en", "zh-CN"):
// the author's mark that the link crosses languages on purpose.
func langTitle(title []byte) string {
	t := strings.TrimSpace(string(title))
	if len(t) < 2 || len(t) > 8 {
		return ""
	}
	for _, r := range t {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-') {
			return ""
		}
	}
	return t
}

// autoLinkSpan finds an autolink as written: its label (without the
// "http://" goldmark adds to a bare www. link) at or after the node's
// position, with its angle brackets when it has them.
func autoLinkSpan(src []byte, n *ast.AutoLink) (int, int) {
	label := n.Label(src)
	from := max(n.Pos(), 0)
	i := bytes.Index(src[min(from, len(src)):], label)
	if i < 0 {
		return from, from
	}
	start, end := from+i, from+i+len(label)
	if start > 0 && end < len(src) && src[start-1] == '<' && src[end] == '>' {
		start, end = start-1, end+1
	}
	return start, end
}

// scriptLink reports a Markdown link whose destination runs script; the
// site never links it (rewriteLinks drops the destination).
func scriptLink(p *site.Page, l site.Link) {
	if !sanitize.IsScriptURL(html.UnescapeString(l.Dest)) {
		return
	}
	d := diag.Diagnostic{File: p.Path, Severity: diag.Warning, Rule: RuleHtmlScript, Target: l.Dest,
		Message: "link to a script URL; the site shows its text without a link"}
	p.Lines.Span(&d, l.Start, l.End)
	p.Diags = append(p.Diags, d)
}

// checkEncoding reports the first byte of a page that is not UTF-8: the
// page is still published, with the byte shown as U+FFFD.
func checkEncoding(p *site.Page) {
	if utf8.Valid(p.Source) {
		return
	}
	off := 0
	for off < len(p.Source) {
		r, size := utf8.DecodeRune(p.Source[off:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		off += size
	}
	d := diag.Diagnostic{File: p.Path, Severity: diag.Warning, Rule: RulePageEncoding,
		Message: "the page is not valid UTF-8 here; save it as UTF-8"}
	p.Lines.Span(&d, off, off)
	p.Diags = append(p.Diags, d)
}

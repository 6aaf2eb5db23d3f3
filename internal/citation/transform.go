package citation

import (
	"bytes"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

type transformer struct{ cfg config }

// page is the per-parse state: nothing survives between documents, so one
// transformer serves every worker.
type page struct {
	src    []byte
	info   PageInfo
	local  map[string]Def
	lines  []span // source lines that hold definitions
	number map[string]int
	seq    map[string]int
	uses   []Use
}

type span struct{ start, end int }

func (t *transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	p := &page{src: reader.Source(), info: pageOf(pc), local: map[string]Def{}, number: map[string]int{}, seq: map[string]int{}}
	defs := p.info.Defs
	if !p.info.DefsRead {
		defs, _ = ParseDefs(p.src, p.info.Body)
	}
	for _, d := range Citations(defs, p.info.Index.IsReferences(p.info.Path)) {
		if _, dup := p.local[d.Key]; !dup {
			d.File = p.info.Path
			p.local[d.Key] = d
		}
		s := span{lineStart(p.src, d.Start), lineEnd(p.src, d.End)}
		if n := len(p.lines); n > 0 && p.lines[n-1].end >= s.start {
			p.lines[n-1].end = max(p.lines[n-1].end, s.end)
		} else {
			p.lines = append(p.lines, s)
		}
	}
	if len(p.lines) > 0 {
		p.dropDefinitions(doc)
	}
	p.walk(doc)
	if t.cfg.noList {
		return
	}
	if es := Entries(p.uses); len(es) > 0 {
		l := &List{Entries: es, Options: ListOptions{ReferencesURL: t.cfg.refsURL, Lang: t.cfg.lang}}
		if p.info.ReferencesURL != "" {
			l.Options.ReferencesURL = p.info.ReferencesURL
		}
		if p.info.Lang != "" {
			l.Options.Lang = p.info.Lang
		}
		doc.AppendChild(doc, l)
	}
}

// resolve finds key's definition: the shared references files first, then
// the page's own lines (see Index for why).
func (p *page) resolve(key string) (Def, string, bool) {
	if d, ok := p.info.Index.Shared(p.info.Path, key); ok {
		return d, p.info.Index.Anchor(d), true
	}
	if d, ok := p.local[key]; ok {
		return d, p.info.Index.Anchor(d), true
	}
	return Def{}, "", false
}

const maxURLWord = 2048

func (p *page) inDefLine(off int) bool {
	// The spans are sorted and disjoint.
	i := sort.Search(len(p.lines), func(i int) bool { return p.lines[i].end >= off })
	return i < len(p.lines) && p.lines[i].start <= off
}

// dropDefinitions removes the definition lines CommonMark left in
// paragraphs: a paragraph of nothing else goes, and in a mixed one the
// inline nodes on those lines go. The reference list replaces them.
func (p *page) dropDefinitions(doc ast.Node) {
	var paras []*ast.Paragraph
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if para, ok := n.(*ast.Paragraph); ok && entering {
			paras = append(paras, para)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, para := range paras {
		lines := para.Lines()
		all, any := lines.Len() > 0, false
		for i := 0; i < lines.Len(); i++ {
			in := p.inDefLine(lines.At(i).Start)
			all, any = all && in, any || in
		}
		switch {
		case all:
			para.Parent().RemoveChild(para.Parent(), para)
		case any:
			for c := para.FirstChild(); c != nil; {
				next := c.NextSibling()
				if off, ok := startOf(c); ok && p.inDefLine(off) {
					para.RemoveChild(para, c)
				}
				c = next
			}
		}
	}
}

// startOf is the source offset where an inline node begins.
func startOf(n ast.Node) (int, bool) {
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start, true
	}
	if pos := n.Pos(); pos >= 0 {
		return pos, true
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if off, ok := startOf(c); ok {
			return off, true
		}
	}
	return 0, false
}

// noBracket reports a block of text (a paragraph, a heading) whose lines
// hold no '[': no citation and no link can be in it, and its inlines need
// no visit.
func noBracket(n ast.Node, src []byte) bool {
	if n.Type() != ast.TypeBlock {
		return false
	}
	lines := n.Lines()
	if lines.Len() == 0 {
		return false
	}
	for i := range lines.Len() {
		seg := lines.At(i)
		if bytes.IndexByte(seg.Value(src), '[') >= 0 {
			return false
		}
	}
	c := n.FirstChild()
	return c != nil && c.Type() == ast.TypeInline
}

// skip reports nodes whose insides are never prose: code, raw HTML, URLs,
// images, math (from docsite/render/math, whose kinds start with "Math").
func skip(n ast.Node) bool {
	switch n.Kind() {
	case ast.KindCodeSpan, ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock,
		ast.KindRawHTML, ast.KindAutoLink, ast.KindImage, ast.KindLinkReferenceDefinition, KindCitation, KindList:
		return true
	}
	return strings.HasPrefix(n.Kind().String(), "Math")
}

func (p *page) walk(n ast.Node) {
	for c := n.FirstChild(); c != nil; {
		next := c.NextSibling()
		// The commonest nodes first, by type: a page has many.
		switch c := c.(type) {
		case *ast.Text:
			next = p.textRun(c)
		case *ast.Link:
			p.link(c)
		case *ast.Emphasis, *ast.Paragraph, *ast.ListItem, *ast.TextBlock:
			if !noBracket(c, p.src) {
				p.walk(c)
			}
		default:
			if !skip(c) && !noBracket(c, p.src) {
				p.walk(c)
			}
		}
		c = next
	}
}

// link turns a shortcut reference link "[key]" into a citation when its
// definition is one (see Citations); CommonMark may also have taken a
// line such as "[key]: [Title](https://…)" for a link reference definition
// whose destination is "[Title](https://…)". Any other reference link is
// an ordinary link, as on GitHub.
func (p *page) link(l *ast.Link) {
	ref := l.Reference
	if ref == nil || ref.Type != ast.ReferenceLinkShortcut || !IsKey(string(ref.Value)) {
		return // link text is not prose
	}
	key := string(ref.Value)
	start := l.Pos()
	if start < 0 || start+len(key)+2 > len(p.src) || string(p.src[start:start+len(key)+2]) != "["+key+"]" {
		return
	}
	_, _, defined := p.resolve(key)
	if !defined && !titledDest(l.Destination) {
		return // an ordinary reference link such as [manual]
	}
	node := p.cite(key, start, start+len(key)+2)
	l.Parent().ReplaceChild(l.Parent(), l, node)
}

// titledDest reports a destination CommonMark read from "[key]: [Title](url)"
// (in a block ParseDefs does not look into, such as a quote).
func titledDest(dest []byte) bool {
	i := bytes.Index(dest, []byte("]("))
	return len(dest) > 4 && dest[0] == '[' && i > 0 && dest[len(dest)-1] == ')'
}

// textRun scans a run of Text siblings that are contiguous in the source
// (goldmark may split "[key]" over several: "[", "key", "]") and replaces
// the citations in it. It returns the node after the run.
func (p *page) textRun(first *ast.Text) ast.Node {
	last := first
	for !last.SoftLineBreak() && !last.HardLineBreak() && !last.IsRaw() {
		nt, ok := last.NextSibling().(*ast.Text)
		if !ok || nt.IsRaw() || nt.Segment.Start != last.Segment.Stop || nt.Segment.Padding != 0 {
			break
		}
		last = nt
	}
	after := last.NextSibling()
	if first.IsRaw() || first.Segment.Padding != 0 {
		return after
	}
	start, end := first.Segment.Start, last.Segment.Stop
	if bytes.IndexByte(p.src[start:end], '[') < 0 {
		return after
	}
	parent := first.Parent()
	var pieces []ast.Node
	from := start
	prevEnd := -1
	for i := start; i < end; i++ {
		if p.src[i] != '[' {
			continue
		}
		key, kend, ok := scanKey(p.src[:end], i)
		if !ok || !p.isCitation(key, i, kend, prevEnd) {
			continue
		}
		if i > from {
			pieces = append(pieces, ast.NewTextSegment(text.NewSegment(from, i)))
		}
		pieces = append(pieces, p.cite(key, i, kend))
		from, prevEnd = kend, kend
		i = kend - 1
	}
	if len(pieces) == 0 {
		return after
	}
	if from < end {
		pieces = append(pieces, ast.NewTextSegment(text.NewSegment(from, end)))
	}
	if tail, ok := pieces[len(pieces)-1].(*ast.Text); ok {
		tail.SetSoftLineBreak(last.SoftLineBreak())
		tail.SetHardLineBreak(last.HardLineBreak())
	} else if last.SoftLineBreak() || last.HardLineBreak() {
		// Keep the line break the last text carried.
		br := ast.NewTextSegment(text.NewSegment(end, end))
		br.SetSoftLineBreak(last.SoftLineBreak())
		br.SetHardLineBreak(last.HardLineBreak())
		pieces = append(pieces, br)
	}
	for _, n := range pieces {
		parent.InsertBefore(parent, first, n)
	}
	for c := ast.Node(first); c != after; {
		next := c.NextSibling()
		parent.RemoveChild(parent, c)
		c = next
	}
	return after
}

// isCitation decides whether "[key]" at src[i:end] is a citation rather
// than text: not escaped, not an image or the label of a link, not part of
// a URL, and either defined or of citation shape.
func (p *page) isCitation(key string, i, end, prevEnd int) bool {
	src := p.src
	bs := 0
	for k := i - 1; k >= 0 && i-k <= maxURLWord && src[k] == '\\'; k-- {
		bs++
	}
	if bs%2 == 1 {
		return false
	}
	if i > 0 && src[i-1] == '!' {
		return false
	}
	// "[text][key]": the label of a failed reference link, unless the
	// bracket before is itself a citation ("[a-b][c-d]").
	if i > 0 && src[i-1] == ']' && prevEnd != i {
		return false
	}
	if end < len(src) && (src[end] == '(' || bytes.HasPrefix(src[end:], []byte("[]"))) {
		return false
	}
	if inURL(src, i) {
		return false
	}
	if _, _, ok := p.resolve(key); ok {
		return true
	}
	return Shaped(key)
}

// inURL reports whether the bracket at i continues a bare URL written
// before it on the line ("https://host/a[b-c]").
func inURL(src []byte, i int) bool {
	k := i
	// URLs are short; the bound keeps a long line without spaces linear.
	for k > 0 && i-k < maxURLWord && !isSpace(src[k-1]) {
		k--
	}
	word := src[k:i]
	return bytes.Contains(word, []byte("://")) || bytes.HasPrefix(word, []byte("www."))
}

// cite makes the node for a citation of key at src[start:end] and numbers
// it: defined keys by order of first use.
func (p *page) cite(key string, start, end int) *Node {
	u := Use{Key: key, Start: start, End: end}
	if d, anchor, ok := p.resolve(key); ok {
		u.Def, u.Anchor, u.Defined = d, anchor, true
		if p.number[key] == 0 {
			p.number[key] = len(p.number) + 1
		}
		p.seq[key]++
		u.N, u.Seq = p.number[key], p.seq[key]
	}
	p.uses = append(p.uses, u)
	n := &Node{Use: u}
	n.SetPos(start)
	return n
}

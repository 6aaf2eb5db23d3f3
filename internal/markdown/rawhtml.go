package markdown

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"

	"docsite/internal/diag"
	"docsite/internal/sanitize"
	"docsite/internal/site"
)

// rawPiece is a run of raw HTML with the source offset it starts at; an HTML
// block inside a blockquote is several pieces, one per line.
type rawPiece struct {
	data   []byte
	offset int
}

func rawSegments(segs *text.Segments, src []byte) []rawPiece {
	out := make([]rawPiece, 0, segs.Len())
	for i := 0; i < segs.Len(); i++ {
		s := segs.At(i)
		out = append(out, rawPiece{data: s.Value(src), offset: s.Start})
	}
	return out
}

func singleSegment(s text.Segment) *text.Segments {
	segs := text.NewSegments()
	segs.Append(s)
	return segs
}

// scanHTML records the links (href, src, srcset) and anchors (id, name) of
// raw HTML, skipping comments: a link commented out is not a link.
func scanHTML(p *site.Page, pieces []rawPiece) {
	var joined []byte
	var starts []int // offset in joined where each piece begins
	for _, pc := range pieces {
		starts = append(starts, len(joined))
		joined = append(joined, pc.data...)
	}
	toSource := func(off int) int {
		i := len(starts) - 1
		for i > 0 && starts[i] > off {
			i--
		}
		if i < 0 {
			return 0
		}
		return pieces[i].offset + off - starts[i]
	}
	for _, f := range sanitize.Find(joined) {
		start, end := toSource(f.Start), toSource(max(f.End-1, f.Start))+1
		p.Diags = append(p.Diags, scriptDiag(p, f, start, end))
	}
	z := html.NewTokenizer(bytes.NewReader(joined))
	pos := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		raw := z.Raw()
		tokStart := pos
		pos += len(raw)
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		tag := string(name)
		first := len(p.Links)
		hreflang := ""
		spans := attrSpans(raw)
		for i := 0; hasAttr; i++ {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			key := string(k)
			val := string(v)
			at, atEnd := tokStart, tokStart
			if i < len(spans) {
				at, atEnd = tokStart+spans[i][0], tokStart+spans[i][1]
			}
			start, end := toSource(at), toSource(at)+atEnd-at
			switch {
			case key == "id" || (key == "name" && tag == "a"):
				if _, dup := p.Anchors[val]; dup && val != "" {
					p.Diags = append(p.Diags, duplicateID(p, val, start, end))
				} else if val != "" {
					p.Anchors[val] = site.Anchor{Offset: start, Explicit: true}
				}
			case key == "hreflang":
				hreflang = val
			case key == "href" && (tag == "a" || tag == "area" || tag == "link"):
				p.Links = append(p.Links, site.Link{Dest: val, Kind: site.LinkHTML, Start: start, End: end, Section: -1})
			case key == "src" && (tag == "img" || tag == "source" || tag == "video" || tag == "audio" || tag == "iframe" || tag == "script"):
				p.Links = append(p.Links, site.Link{Dest: val, Kind: site.LinkHTMLImage, Start: start, End: end, Section: -1})
			case key == "srcset":
				for _, cand := range strings.Split(val, ",") {
					if f := strings.Fields(cand); len(f) > 0 {
						p.Links = append(p.Links, site.Link{Dest: f[0], Kind: site.LinkHTMLImage, Start: start, End: end, Section: -1})
					}
				}
			}
		}
		for i := first; i < len(p.Links); i++ {
			p.Links[i].Lang = hreflang
		}
	}
}

// rewriteRawHTML rewrites href and src attributes of raw HTML the same way
// Markdown links are rewritten, leaving every other byte as written.
func rewriteRawHTML(raw []byte, links func(string) (string, bool)) ([]byte, bool) {
	if links == nil || !bytes.Contains(raw, []byte("href")) && !bytes.Contains(raw, []byte("src")) {
		return raw, false
	}
	z := html.NewTokenizer(bytes.NewReader(raw))
	var out bytes.Buffer
	changed := false
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		tok := z.Raw()
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			out.Write(tok)
			continue
		}
		tok = append([]byte(nil), tok...)
		_, hasAttr := z.TagName()
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			if (string(k) != "href" && string(k) != "src") || len(v) == 0 {
				continue
			}
			if u, ok := links(string(v)); ok {
				if i := bytes.Index(tok, v); i >= 0 {
					tok = append(tok[:i:i], append([]byte(html.EscapeString(u)), tok[i+len(v):]...)...)
					changed = true
				}
			}
		}
		out.Write(tok)
	}
	return out.Bytes(), changed
}

// rawOutput is raw HTML already rewritten, written as it stands.
type rawOutput struct {
	ast.BaseInline
	html []byte
}

var kindRawOutput = ast.NewNodeKind("DocsiteRawOutput")

func (n *rawOutput) Kind() ast.NodeKind { return kindRawOutput }

func (n *rawOutput) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// rawBlockOutput is an HTML block already rewritten.
type rawBlockOutput struct {
	ast.BaseBlock
	html []byte
}

var kindRawBlockOutput = ast.NewNodeKind("DocsiteRawBlockOutput")

func (n *rawBlockOutput) Kind() ast.NodeKind { return kindRawBlockOutput }

func (n *rawBlockOutput) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// attrSpans finds where each attribute value of one raw start tag lies, in
// the order the tokenizer reports attributes, so a finding points at the
// value itself and not at an earlier look-alike ("alt" text equal to "src").
func attrSpans(tag []byte) [][2]int {
	var out [][2]int
	i := 1
	for i < len(tag) && !isSpace(tag[i]) && tag[i] != '>' && tag[i] != '/' {
		i++ // tag name
	}
	for i < len(tag) {
		for i < len(tag) && (isSpace(tag[i]) || tag[i] == '/') {
			i++
		}
		if i >= len(tag) || tag[i] == '>' {
			break
		}
		for i < len(tag) && !isSpace(tag[i]) && tag[i] != '=' && tag[i] != '>' {
			i++ // attribute name
		}
		j := i
		for j < len(tag) && isSpace(tag[j]) {
			j++
		}
		if j >= len(tag) || tag[j] != '=' {
			out = append(out, [2]int{i, i}) // no value
			continue
		}
		j++
		for j < len(tag) && isSpace(tag[j]) {
			j++
		}
		if j < len(tag) && (tag[j] == '"' || tag[j] == '\'') {
			q := tag[j]
			k := j + 1
			for k < len(tag) && tag[k] != q {
				k++
			}
			out = append(out, [2]int{j + 1, k})
			i = k + 1
			continue
		}
		k := j
		for k < len(tag) && !isSpace(tag[k]) && tag[k] != '>' {
			k++
		}
		out = append(out, [2]int{j, k})
		i = k
	}
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// scriptDiag reports raw HTML that would run as script in the reader's
// browser (html/script): published as written, unless sanitize is on.
func scriptDiag(p *site.Page, f sanitize.Finding, start, end int) diag.Diagnostic {
	what := f.Kind.String()
	if f.Attr != "" {
		what += " " + f.Attr
	}
	d := diag.Diagnostic{File: p.Path, Severity: diag.Warning, Rule: RuleHtmlScript, Target: f.Tag,
		Message: "raw HTML runs script: " + what + " in <" + f.Tag + "> (docsite.yaml sanitize: true removes it)"}
	p.Lines.Span(&d, start, end)
	return d
}

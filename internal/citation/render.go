package citation

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// ListOptions shape a page's reference list.
type ListOptions struct {
	// ReferencesURL is the site's references page, with base path; each
	// entry links to its definition there. "" leaves that link out.
	ReferencesURL string
	// Lang picks the heading: "en…" for English, anything else Chinese.
	Lang string
}

// words are the few UI strings, per language.
type words struct{ heading, back, see, citedBy, uncited, defined, colon, comma string }

func wordsFor(lang string) words {
	if strings.HasPrefix(strings.ToLower(lang), "en") {
		return words{"References", "Back to the text", "See on the references page", "Cited by", "Cited by no page", "Defined in", ": ", ", "}
	}
	return words{"参考文献", "返回正文", "在参考文献页查看", "引用页面", "没有页面引用", "定义于", "：", "、"}
}

type nodeRenderer struct{}

func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindCitation, r.citation)
	reg.Register(KindList, r.list)
}

func (r *nodeRenderer) citation(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(CiteHTML(n.(*Node).Use))
	}
	return ast.WalkSkipChildren, nil
}

func (r *nodeRenderer) list(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		l := n.(*List)
		_, _ = w.WriteString(string(RenderList(l.Entries, l.Options)))
	}
	return ast.WalkSkipChildren, nil
}

// CiteHTML is the HTML of one citation: a numbered superscript linking to
// the page's reference list, or the bracketed key, marked, when it is
// defined nowhere.
func CiteHTML(u Use) string {
	key := esc(u.Key)
	if !u.Defined {
		return `<span class="cite cite-undefined">[` + key + `]</span>`
	}
	return `<sup class="cite" id="` + esc(u.ID()) + `"><a href="#` + esc(ListID(u.Key)) +
		`" title="` + esc(u.Def.Label()) + `">[` + itoa(u.N) + `]</a></sup>`
}

// RenderList is the HTML of a page's reference list: one entry per cited
// key, in citation order, each linking back to its uses, out to its URL
// and to its entry on the references page.
func RenderList(entries []Entry, opts ListOptions) template.HTML {
	if len(entries) == 0 {
		return ""
	}
	t := wordsFor(opts.Lang)
	var b strings.Builder
	b.WriteString(`<section class="references" id="reference-list">` + "\n<h2>" + t.heading + "</h2>\n<ol>\n")
	for _, e := range entries {
		key := e.Def.Key
		b.WriteString(`<li id="` + esc(ListID(key)) + `">`)
		b.WriteString(`<span class="cite-back" aria-label="` + t.back + `">`)
		if e.Uses <= 1 {
			b.WriteString(`<a href="#` + esc(Use{Key: key, Seq: 1}.ID()) + `">^</a>`)
		} else {
			b.WriteString("^")
			for s := 1; s <= e.Uses; s++ {
				b.WriteString(` <a href="#` + esc(Use{Key: key, Seq: s}.ID()) + `">` + backLabel(s) + `</a>`)
			}
		}
		b.WriteString("</span> ")
		b.WriteString(outLink(e.Def))
		if opts.ReferencesURL != "" {
			anchor := e.Anchor
			if anchor == "" {
				anchor = "ref-" + key
			}
			b.WriteString(` <a class="cite-key" href="` + esc(opts.ReferencesURL) + "#" + esc(anchor) +
				`" title="` + t.see + `">[` + esc(key) + `]</a>`)
		}
		b.WriteString("</li>\n")
	}
	b.WriteString("</ol>\n</section>\n")
	return template.HTML(b.String())
}

// outLink links a definition's title to its URL; a javascript: or similar
// URL is shown as text only.
func outLink(d Def) string {
	label := esc(d.Label())
	if d.URL == "" || html.IsDangerousURL([]byte(d.URL)) {
		return `<span class="cite-source">` + label + `</span>`
	}
	return `<a class="cite-source" href="` + esc(string(util.URLEscape([]byte(d.URL), false))) + `" rel="noopener">` + label + `</a>`
}

// backLabel names the s-th back link: a, b, … z, then numbers.
func backLabel(s int) string {
	if s <= 26 {
		return string(rune('a' + s - 1))
	}
	return itoa(s)
}

func esc(s string) string { return template.HTMLEscapeString(s) }

func itoa(n int) string { return strconv.Itoa(n) }

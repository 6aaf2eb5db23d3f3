package glossary

import (
	"cmp"
	"html"
	"html/template"
	"slices"
	"strconv"
	"strings"
)

// PageRef is a page that uses a term, as the glossary page links it.
type PageRef struct {
	Title string
	URL   string
	Links int // pages linking to it: the most linked are listed first
}

// PageOption configures Page.
type PageOption func(*pageConfig)

type pageConfig struct {
	shown int // uses listed before the rest are only counted
}

// WithShownUses sets how many pages are listed under a term, the most
// linked first (default 5); the rest are only counted, so a term used on
// every page does not make the glossary page as long as the site.
func WithShownUses(n int) PageOption {
	return func(c *pageConfig) { c.shown = max(n, 0) }
}

// Page writes the body of the glossary page in lang: a jump list of group
// letters, then every term — Latin A–Z, then Chinese by pinyin initial, then
// the rest — as a definition list entry with the anchor id="term-…" that
// pages link to, its expansion and explanation, and the pages that use it.
// uses maps Term.Term (as Annotate returns it) to those pages.
func Page(g *Glossary, uses map[string][]PageRef, lang string, opts ...PageOption) template.HTML {
	cfg := pageConfig{shown: 5}
	for _, o := range opts {
		o(&cfg)
	}
	ui := uiStrings(lang)
	groups := groupTerms(g.Terms())
	var b strings.Builder
	if len(groups) == 0 {
		b.WriteString(`<p class="glossary-empty">` + ui.empty + "</p>\n")
		return template.HTML(b.String())
	}
	b.WriteString(`<nav class="glossary-index" aria-label="` + ui.index + `"><ul>`)
	for _, gr := range groups {
		b.WriteString(`<li><a href="#` + gr.id + `">` + html.EscapeString(gr.label(ui)) + `</a></li>`)
	}
	b.WriteString("</ul></nav>\n")
	for _, gr := range groups {
		b.WriteString(`<section class="glossary-group">` + "\n")
		b.WriteString(`<h2 id="` + gr.id + `">` + html.EscapeString(gr.label(ui)) + "</h2>\n<dl class=\"glossary\">\n")
		for _, t := range gr.terms {
			writeTerm(&b, g, t, uses[t.Term], lang, ui, cfg)
		}
		b.WriteString("</dl>\n</section>\n")
	}
	return template.HTML(b.String())
}

func writeTerm(b *strings.Builder, g *Glossary, t *Term, refs []PageRef, lang string, ui ui, cfg pageConfig) {
	b.WriteString(`<dt id="` + html.EscapeString(t.ID) + `"><dfn>` + html.EscapeString(t.Term) + `</dfn>`)
	if t.Expansion != "" {
		b.WriteString(` <span class="term-expansion">` + html.EscapeString(t.Expansion) + `</span>`)
	}
	label := "本条链接" // the link sits in its entry's <dt>, which names the term
	if strings.HasPrefix(lang, "en") {
		label = "Link to this entry"
	}
	b.WriteString(`<a class="anchor" href="#` + html.EscapeString(t.ID) + `" aria-label="` + html.EscapeString(label) + `">#</a></dt>` + "\n<dd>")
	if ex := t.ExplanationIn(lang); ex != "" {
		b.WriteString(`<p>` + html.EscapeString(ex) + `</p>`)
	}
	for _, f := range t.Fields {
		b.WriteString(`<p class="term-extra">`)
		if f.Name != "" {
			b.WriteString(`<span class="term-field">` + html.EscapeString(f.Name) + `</span> `)
		}
		b.WriteString(html.EscapeString(f.Value) + `</p>`)
	}
	if len(t.Related) > 0 {
		b.WriteString(`<p class="term-related"><span class="term-related-label">` + ui.related + `</span>`)
		for i, r := range t.Related {
			if i > 0 {
				b.WriteString(ui.sep)
			}
			if rt := g.Lookup(r); rt != nil {
				b.WriteString(`<a href="#` + html.EscapeString(rt.ID) + `">` + html.EscapeString(r) + `</a>`)
			} else {
				b.WriteString(html.EscapeString(r))
			}
		}
		b.WriteString(`</p>`)
	}
	refs = rankRefs(refs)
	if len(refs) > 0 {
		shown := refs[:min(len(refs), cfg.shown)]
		b.WriteString(`<div class="term-uses"><span class="term-uses-label">` + ui.usedIn + `</span>`)
		writeRefs(b, shown)
		if rest := len(refs) - len(shown); rest > 0 {
			b.WriteString(`<span class="term-uses-more">` + strings.Replace(ui.more, "%d", strconv.Itoa(rest), 1) + `</span>`)
		}
		b.WriteString(`</div>`)
	}
	b.WriteString("</dd>\n")
}

func writeRefs(b *strings.Builder, refs []PageRef) {
	b.WriteString(`<ul>`)
	for _, r := range refs {
		title := r.Title
		if title == "" {
			title = r.URL
		}
		b.WriteString(`<li><a href="` + html.EscapeString(r.URL) + `">` + html.EscapeString(title) + `</a></li>`)
	}
	b.WriteString(`</ul>`)
}

// rankRefs drops repeated pages and puts the most linked first, then by
// URL, so the page is the same whatever order the workers finished in.
func rankRefs(refs []PageRef) []PageRef {
	refs = slices.Clone(refs)
	slices.SortFunc(refs, func(a, b PageRef) int { return cmp.Or(cmp.Compare(a.URL, b.URL), cmp.Compare(b.Links, a.Links)) })
	refs = slices.CompactFunc(refs, func(a, b PageRef) bool { return a.URL == b.URL })
	slices.SortStableFunc(refs, func(a, b PageRef) int { return cmp.Compare(b.Links, a.Links) })
	return refs
}

type group struct {
	kind   int
	letter byte
	id     string
	terms  []*Term
}

func (g group) label(ui ui) string {
	switch g.kind {
	case groupChinese:
		return ui.pinyin + " " + string(g.letter)
	case groupOther:
		return ui.other
	}
	return string(g.letter)
}

// groupTerms cuts the sorted terms into page sections.
func groupTerms(ts []*Term) []group {
	var gs []group
	for _, t := range ts {
		kind, letter := groupOf(t.Term)
		if n := len(gs); n == 0 || gs[n-1].kind != kind || gs[n-1].letter != letter {
			id := "glossary-" + strings.ToLower(string(letter))
			switch kind {
			case groupChinese:
				id = "glossary-pinyin-" + strings.ToLower(string(letter))
			case groupOther:
				id = "glossary-other"
			}
			gs = append(gs, group{kind: kind, letter: letter, id: id})
		}
		gs[len(gs)-1].terms = append(gs[len(gs)-1].terms, t)
	}
	return gs
}

type ui struct {
	index, usedIn, more, related, sep, pinyin, other, empty string
}

func uiStrings(lang string) ui {
	if strings.HasPrefix(strings.ToLower(lang), "zh") || lang == "" {
		return ui{index: "术语索引", usedIn: "使用本术语的页面：", more: "另有 %d 个页面", related: "相关：", sep: "、", pinyin: "拼音", other: "其他", empty: "尚无术语。"}
	}
	return ui{index: "Term index", usedIn: "Used on: ", more: "and %d more pages", related: "See also: ", sep: ", ", pinyin: "Pinyin", other: "Other", empty: "No terms yet."}
}

package graph

import (
	"html/template"
	"strings"

	"docsite/internal/site"
)

// words are the interface strings, Chinese for any zh-* language.
type words struct {
	Backlinks, LocalGraph, LocalLabel, FullGraph, GraphTitle, GraphLabel,
	ZoomIn, ZoomOut, Reset, Hint, NoScript string
}

func wordsFor(lang string) words {
	if strings.HasPrefix(strings.ToLower(lang), "zh") {
		return words{Backlinks: "链接到本页", LocalGraph: "关系图", LocalLabel: "本页与相邻页面的关系图",
			FullGraph: "查看完整知识图谱", GraphTitle: "知识图谱", GraphLabel: "全站页面及其链接的关系图",
			ZoomIn: "放大", ZoomOut: "缩小", Reset: "复位",
			Hint:     "拖动平移，滚轮或双指缩放，点击圆点打开页面。颜色表示章节，大小表示链接数。",
			NoScript: "关系图需要 JavaScript。每页末尾的“链接到本页”列出了同样的链接。"}
	}
	return words{Backlinks: "Pages that link here", LocalGraph: "Graph", LocalLabel: "Graph of this page and its neighbours",
		FullGraph: "Open the whole graph", GraphTitle: "Knowledge graph", GraphLabel: "Graph of all pages and their links",
		ZoomIn: "Zoom in", ZoomOut: "Zoom out", Reset: "Reset",
		Hint:     "Drag to pan, scroll or pinch to zoom, click a dot to open its page. Colour is the chapter, size the number of links.",
		NoScript: "The graph needs JavaScript. The same links are listed under “Pages that link here” at the end of every page."}
}

var backlinksTmpl = template.Must(template.New("backlinks").Parse(`<section class="backlinks" aria-labelledby="docsite-backlinks">
<h2 id="docsite-backlinks">{{.Words.Backlinks}}</h2>
<ul>
{{- range .Items}}
<li><a href="{{.URL}}">{{if .Number}}<span class="num">{{.Number}}</span> {{end}}{{.Title}}</a>
{{- if .Context}}<p class="backlink-context">{{.Before}}<mark>{{.Mark}}</mark>{{.After}}</p>{{end}}</li>
{{- end}}
</ul>
</section>
`))

type backlinkItem struct {
	URL, Number, Title, Context, Before, Mark, After string
}

// BacklinksHTML renders the "pages that link here" list for the end of a
// page, in the interface language lang; "" when nothing links to the page.
func BacklinksHTML(bl []Backlink, s *site.Site, lang string) template.HTML {
	if len(bl) == 0 {
		return ""
	}
	items := make([]backlinkItem, 0, len(bl))
	for _, b := range bl {
		it := backlinkItem{URL: s.Href(b.From.URL), Title: b.From.Title, Context: b.Context}
		if n := b.From.Nav; n != nil {
			it.Title, it.Number = n.Title, n.Number
		}
		if b.Context != "" {
			lo, hi := b.Mark[0], b.Mark[1]
			it.Before, it.Mark, it.After = b.Context[:lo], b.Context[lo:hi], b.Context[hi:]
		}
		items = append(items, it)
	}
	var out strings.Builder
	err := backlinksTmpl.Execute(&out, struct {
		Words words
		Items []backlinkItem
	}{wordsFor(lang), items})
	if err != nil {
		return "" // the template is fixed and its data plain strings
	}
	return template.HTML(out.String())
}

// DataFile is the output path of a language's graph JSON.
func DataFile(lang string) string { return "assets/graph/" + lang + ".json" }

// URL is the URL (without base) of the whole-graph page of a language:
// /graph/ for the default language, /en/graph/ and so on for the others, or
// /_graph/ when the content has a page of its own at /graph/.
func URL(s *site.Site, lang string) string {
	u := s.DirURL("graph", lang)
	if s.ByURL[u] != nil {
		u = s.DirURL("_graph", lang)
	}
	return u
}

var pageTmpl = template.Must(template.New("page").Parse(`<h1>{{.Words.GraphTitle}}</h1>
<div class="graph-view graph-full" data-graph="{{.Data}}" data-base="{{.Base}}">
<div class="graph-controls" role="toolbar" aria-label="{{.Words.GraphTitle}}">
<button type="button" data-act="in" aria-label="{{.Words.ZoomIn}}" title="{{.Words.ZoomIn}}">+</button>
<button type="button" data-act="out" aria-label="{{.Words.ZoomOut}}" title="{{.Words.ZoomOut}}">−</button>
<button type="button" data-act="reset">{{.Words.Reset}}</button>
</div>
<canvas role="img" aria-label="{{.Words.GraphLabel}}" tabindex="0"></canvas>
<ol class="graph-legend"></ol>
<p class="graph-hint">{{.Words.Hint}}</p>
<noscript><p>{{.Words.NoScript}}</p></noscript>
</div>
`))

// PageBody is the body of the whole-graph page of a language: the canvas
// graph.js draws on, zoom buttons, and a legend of chapters it fills in.
func PageBody(s *site.Site, lang string) template.HTML {
	return execute(pageTmpl, map[string]any{"Words": wordsFor(lang), "Data": s.Href(DataFile(lang)), "Base": s.BasePath()})
}

// NewPage makes the whole-graph page of a language, ready for the theme's
// page template. It is in no navigation and has no source file.
func NewPage(s *site.Site, lang string) *site.Page {
	return &site.Page{Lang: lang, Key: "graph", URL: URL(s, lang), Title: wordsFor(lang).GraphTitle,
		DocLang: lang, Meta: map[string]any{}, Body: PageBody(s, lang)}
}

var localTmpl = template.Must(template.New("local").Parse(`<section class="local-graph" aria-labelledby="docsite-local-graph">
<h2 id="docsite-local-graph">{{.Words.LocalGraph}}</h2>
<div class="graph-view graph-local" data-graph="{{.Data}}" data-page="{{.Page}}" data-base="{{.Base}}">
<canvas role="img" aria-label="{{.Words.LocalLabel}}"></canvas>
</div>
<p class="graph-open"><a href="{{.Full}}?page={{.Page}}">{{.Words.FullGraph}}</a></p>
</section>
`))

// LocalHTML is the small graph of a page and its neighbours one link away,
// drawn by graph.js from the page's own piece of the graph (LocalFile) when
// it scrolls into view; "" for a page that is not in the graph.
func LocalHTML(s *site.Site, p *site.Page) template.HTML {
	if !published(s, p) {
		return ""
	}
	return execute(localTmpl, map[string]any{"Words": wordsFor(p.Lang), "Data": s.Href(LocalFile(p.Lang, p.URL)),
		"Page": p.URL, "Base": s.BasePath(), "Full": s.Href(URL(s, p.Lang))})
}

func execute(t *template.Template, data any) template.HTML {
	var out strings.Builder
	if err := t.Execute(&out, data); err != nil {
		return ""
	}
	return template.HTML(out.String())
}

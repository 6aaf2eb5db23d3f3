package citation

import (
	"cmp"
	"html/template"
	"slices"
	"strings"
)

// Citer is a page that cites a definition.
type Citer struct{ Title, URL string }

// Backlinks records which pages cite which definition.
type Backlinks map[DefID][]Citer

// Add records the defined citations of one page; url is the page's URL
// (with base path). Not safe for concurrent use: gather uses in the
// parallel parse, then add them in one loop.
func (b Backlinks) Add(title, url string, uses []Use) {
	seen := map[DefID]bool{}
	for _, u := range uses {
		id := u.Def.ID()
		if !u.Defined || seen[id] {
			continue
		}
		seen[id] = true
		b[id] = append(b[id], Citer{Title: title, URL: url})
	}
}

// PageOptions shape the references page.
type PageOptions struct {
	Lang string
	// FileURL gives the URL of a references file or page, for the group
	// headings; nil or "" shows the path without a link.
	FileURL func(path string) string
}

// ReferencesPage is the body of the site's references page: every
// definition, grouped by the references file it is in (root first), then
// the keys pages define for themselves; each with its anchor "ref-KEY",
// its title linking out, and links back to the first use on every page
// that cites it.
func ReferencesPage(ix *Index, back Backlinks, opts PageOptions) template.HTML {
	if ix == nil {
		ix = NewIndex(nil, nil)
	}
	t := wordsFor(opts.Lang)
	var b strings.Builder
	b.WriteString(`<div class="references-page">` + "\n")
	group := func(file string, defs []Def) {
		if len(defs) == 0 {
			return
		}
		b.WriteString(`<section class="references-group">` + "\n<h2>")
		b.WriteString(t.defined + " ")
		name := `<code>` + esc(file) + `</code>`
		if u := fileURL(opts, file); u != "" {
			name = `<a href="` + esc(u) + `">` + name + `</a>`
		}
		b.WriteString(name + "</h2>\n<dl>\n")
		for _, d := range defs {
			anchor := ix.Anchor(d)
			b.WriteString(`<dt id="` + esc(anchor) + `"><a class="ref-key" href="#` + esc(anchor) + `">[` +
				esc(d.Key) + `]</a> ` + outLink(d) + "</dt>\n")
			b.WriteString(`<dd><span class="ref-url">` + esc(d.URL) + "</span>")
			citers := slices.Clone(back[d.ID()])
			slices.SortFunc(citers, func(a, b Citer) int { return cmp.Or(cmp.Compare(a.URL, b.URL), cmp.Compare(a.Title, b.Title)) })
			citers = slices.Compact(citers)
			if len(citers) == 0 {
				b.WriteString(` <span class="ref-uncited">` + t.uncited + "</span>")
			} else {
				b.WriteString(` <span class="ref-cited">` + t.citedBy + t.colon)
				for i, c := range citers {
					if i > 0 {
						b.WriteString(t.comma)
					}
					b.WriteString(`<a href="` + esc(c.URL+"#"+Use{Key: d.Key, Seq: 1}.ID()) + `">` + esc(c.Title) + "</a>")
				}
				b.WriteString("</span>")
			}
			b.WriteString("</dd>\n")
		}
		b.WriteString("</dl>\n</section>\n")
	}
	for _, f := range ix.files {
		group(f, ix.order[f])
	}
	for _, p := range ix.pages {
		group(p, ix.LocalOnly(p))
	}
	b.WriteString("</div>\n")
	return template.HTML(b.String())
}

func fileURL(opts PageOptions, file string) string {
	if opts.FileURL == nil {
		return ""
	}
	return opts.FileURL(file)
}

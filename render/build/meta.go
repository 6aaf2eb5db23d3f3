package build

import (
	"io/fs"

	"docsite/render/html"
)

// addMeta lays out the files that describe the site to crawlers, language
// models and browsers rather than to readers: robots.txt, the sitemap
// (only where the site's address is known), llms.txt and llms-full.txt,
// and the favicon. A content file of the same name, added after, wins.
func (t *Table) addMeta() {
	s := t.site
	t.files["robots.txt"] = entry{data: func() []byte { return html.Robots(s) }}
	if html.KnownHost(s) {
		t.files["sitemap.xml"] = entry{data: func() []byte { return html.Sitemap(s, t.Pages()) }}
	}
	t.files["llms.txt"] = entry{data: func() []byte { return html.LLMs(s) }}
	t.files["llms-full.txt"] = entry{data: func() []byte { return html.LLMsFull(s) }}
	t.files["favicon.svg"] = entry{data: func() []byte {
		b, _ := fs.ReadFile(t.pl.Theme.Assets(), "favicon.svg")
		return b
	}}
	t.files["favicon.ico"] = entry{data: html.FaviconICO}
}

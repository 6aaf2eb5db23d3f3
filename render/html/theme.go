// Package html turns the page model into the site's files: pages through the
// theme's templates, the sidebar, sitemap.xml, 404.html and robots.txt.
package html

import (
	"fmt"
	"html"
	"html/template"
	"io/fs"
	"net/url"
)

// Theme is a parsed set of layouts plus the assets to copy.
type Theme struct {
	tmpl   *template.Template
	assets fs.FS
}

// LoadTheme parses layouts/*.html from fsys; assets/ is copied as it is.
func LoadTheme(fsys fs.FS) (*Theme, error) {
	t, err := template.New("").ParseFS(fsys, "layouts/*.html")
	if err != nil {
		return nil, fmt.Errorf("theme: %w", err)
	}
	assets, err := fs.Sub(fsys, "assets")
	if err != nil {
		return nil, err
	}
	return &Theme{tmpl: t, assets: assets}, nil
}

// Assets is the folder copied to /assets/ in the output.
func (t *Theme) Assets() fs.FS { return t.assets }

// attrURL percent-encodes a site path for an attribute, the same way every
// time, so Mark can find what Sidebar wrote.
func attrURL(u string) string {
	return html.EscapeString((&url.URL{Path: u}).EscapedPath())
}

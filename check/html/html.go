// Package html checks a built site: every internal href, src and srcset in
// the HTML must reach a file of the output, and every fragment an id or name
// in its target page. It catches what source checks cannot: mistakes of the
// theme and its templates.
package html

import (
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"github.com/PuerkitoBio/goquery"

	"docsite/internal/diag"
	"docsite/internal/workers"
)

// Ref is one link found in a page.
type Ref struct {
	Attr, Value string
}

// page is what one HTML file holds for the check.
type page struct {
	ids  map[string]bool
	refs []Ref
}

// Options configure the check.
type Options struct {
	// BasePath is the site's base path ("/" or "/docs/"): absolute links
	// under it are internal.
	BasePath string
	// Source maps an HTML file (relative to the output) to the Markdown
	// file it came from, and a link to its line there, so findings can
	// name the author's line. Nil leaves findings on the HTML file.
	Source func(htmlFile, href string) (file string, line, col int, ok bool)
}

// Check walks dir and returns the findings, sorted.
func Check(dir string, opts Options) ([]diag.Diagnostic, error) {
	if opts.BasePath == "" {
		opts.BasePath = "/"
	}
	// The folder named may be a link to the built site; what lies inside it
	// is read only when it is a regular file (a pipe would block the check,
	// a link to a device or outside the site could be read without end).
	dir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, err
	}
	var files []string
	err = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && strings.HasSuffix(p, ".html") {
			rel, _ := filepath.Rel(dir, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	pages := make(map[string]*page, len(files))
	var mu sync.Mutex
	workers.Each(files, 0, func(f string) {
		pg := readPage(filepath.Join(dir, filepath.FromSlash(f)))
		mu.Lock()
		pages[f] = pg
		mu.Unlock()
	})
	var out []diag.Diagnostic
	for _, f := range files {
		for _, r := range pages[f].refs {
			if d, bad := checkRef(dir, pages, f, r, opts); bad {
				out = append(out, d)
			}
		}
	}
	diag.Sort(out)
	return out, nil
}

func readPage(p string) *page {
	pg := &page{ids: map[string]bool{}}
	f, err := os.Open(p)
	if err != nil {
		return pg
	}
	defer f.Close()
	doc, err := goquery.NewDocumentFromReader(f)
	if err != nil {
		return pg
	}
	// One pass over the elements that can hold an anchor or a reference.
	doc.Find("[id],[name],[href],[src],[srcset]").Each(func(_ int, e *goquery.Selection) {
		if v, ok := e.Attr("id"); ok {
			pg.ids[v] = true
		}
		if v, ok := e.Attr("name"); ok && e.Is("a") {
			pg.ids[v] = true
		}
		if v, ok := e.Attr("href"); ok && !e.Is("base") {
			pg.refs = append(pg.refs, Ref{"href", v})
		}
		if v, ok := e.Attr("src"); ok {
			pg.refs = append(pg.refs, Ref{"src", v})
		}
		if v, ok := e.Attr("srcset"); ok {
			for _, c := range strings.Split(v, ",") {
				if fs := strings.Fields(c); len(fs) > 0 {
					pg.refs = append(pg.refs, Ref{"srcset", fs[0]})
				}
			}
		}
	})
	return pg
}

// checkRef resolves one reference of file f.
func checkRef(dir string, pages map[string]*page, f string, r Ref, opts Options) (diag.Diagnostic, bool) {
	v := strings.TrimSpace(r.Value)
	if v == "" || isExternal(v) {
		return diag.Diagnostic{}, false
	}
	u, err := url.Parse(v)
	if err != nil {
		return finding(f, r, RuleHtmlMissingTarget, "unparsable URL "+v, opts), true
	}
	target := f
	if u.Path != "" {
		var p string
		if strings.HasPrefix(u.Path, "/") {
			if !strings.HasPrefix(u.Path, opts.BasePath) {
				return finding(f, r, RuleHtmlMissingTarget, v+" is outside the site's base path "+opts.BasePath, opts), true
			}
			p = strings.TrimPrefix(u.Path, opts.BasePath)
		} else {
			p = path.Join(path.Dir(f), u.Path)
			if p == "." {
				p = ""
			} else if strings.HasSuffix(u.Path, "/") {
				p += "/"
			}
			if p == ".." || strings.HasPrefix(p, "../") {
				return finding(f, r, RuleHtmlMissingTarget, v+" leaves the site", opts), true
			}
		}
		var ok bool
		target, ok = resolveFile(dir, pages, p)
		if !ok {
			return finding(f, r, RuleHtmlMissingTarget, "no file in the output for "+v, opts), true
		}
	}
	frag := u.Fragment
	if frag == "" || !strings.HasSuffix(target, ".html") {
		return diag.Diagnostic{}, false
	}
	tp := pages[target]
	if tp == nil || tp.ids[frag] {
		return diag.Diagnostic{}, false
	}
	return finding(f, r, RuleHtmlMissingFragment, "no id or name \""+frag+"\" in "+target, opts), true
}

// resolveFile maps a site path to the output file that answers it.
func resolveFile(dir string, pages map[string]*page, p string) (string, bool) {
	p = strings.TrimPrefix(p, "/")
	if p == "" || strings.HasSuffix(p, "/") {
		idx := p + "index.html"
		_, ok := pages[idx]
		return idx, ok
	}
	if _, ok := pages[p]; ok {
		return p, true
	}
	st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(p)))
	if err != nil {
		return "", false
	}
	if st.IsDir() {
		idx := p + "/index.html"
		_, ok := pages[idx]
		return idx, ok
	}
	return p, true
}

func isExternal(v string) bool {
	if strings.HasPrefix(v, "//") {
		return true
	}
	i := strings.IndexByte(v, ':')
	return i > 0 && !strings.ContainsAny(v[:i], "/?#")
}

func finding(f string, r Ref, rule diag.RuleID, msg string, opts Options) diag.Diagnostic {
	d := diag.Diagnostic{File: f, Line: 1, Column: 1, EndLine: 1, EndColumn: 1, Severity: diag.Error, Rule: rule, Message: msg, Target: r.Value}
	if opts.Source != nil {
		if file, line, col, ok := opts.Source(f, r.Value); ok {
			d.Message += " (in " + f + ")"
			d.File, d.Line, d.Column, d.EndLine, d.EndColumn = file, line, col, line, col
		}
	}
	return d
}

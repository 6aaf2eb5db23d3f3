// Package html checks a built site: every internal href, src and srcset in
// the HTML must reach a file of the output, and every fragment an id or name
// in its target page. It catches what source checks cannot: mistakes of the
// theme and its templates.
package html

import (
	"bytes"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"golang.org/x/net/html"

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

// readPage collects a page's anchors and references with the tokenizer:
// the check needs only start tags and their attributes, and building the
// document tree was three quarters of its time. Raw text (script, style)
// is skipped by the tokenizer as a parser would; of an attribute given
// twice, the first counts, as in the tree.
func readPage(p string) *page {
	pg := &page{ids: map[string]bool{}}
	data, err := os.ReadFile(p)
	if err != nil {
		return pg
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return pg
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, more := z.TagName()
		tag := string(name)
		var seen [attrCount]bool
		for more {
			var key, val []byte
			key, val, more = z.TagAttr()
			k := attrIndex(string(key))
			if k < 0 || seen[k] {
				continue
			}
			seen[k] = true
			pg.add(tag, k, string(val))
		}
	}
}

// The attributes the check reads, by index into a tag's seen flags.
const (
	attrID = iota
	attrName
	attrHref
	attrSrc
	attrSrcset
	attrCount
)

func attrIndex(key string) int {
	switch key {
	case "id":
		return attrID
	case "name":
		return attrName
	case "href", "xlink:href": // SVG's older spelling is an href too
		return attrHref
	case "src":
		return attrSrc
	case "srcset":
		return attrSrcset
	}
	return -1
}

func (pg *page) add(tag string, attr int, v string) {
	switch attr {
	case attrID:
		pg.ids[v] = true
	case attrName:
		if tag == "a" {
			pg.ids[v] = true
		}
	case attrHref:
		if tag != "base" {
			pg.refs = append(pg.refs, Ref{"href", v})
		}
	case attrSrc:
		pg.refs = append(pg.refs, Ref{"src", v})
	case attrSrcset:
		for _, c := range strings.Split(v, ",") {
			if fs := strings.Fields(c); len(fs) > 0 {
				pg.refs = append(pg.refs, Ref{"srcset", fs[0]})
			}
		}
	}
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

package citation

import (
	"cmp"
	"path"
	"slices"
	"strconv"
	"strings"
)

// Index answers which definition a key has on a page.
//
// Precedence: the references files come first, nearest folder first: the
// page's own folder, then each folder above it up to the content root (a
// key missing from the nearest file is looked up further up, so a folder's
// REFERENCES.md need only add to the root one). Only then do the page's own
// definitions count. REFERENCES.md is the record the site publishes; a
// page-local definition that disagrees with it is reported by the checker
// (citation/conflict) and loses here, so every page cites the same source
// for the same key.
//
// An Index is read-only once built and safe for concurrent use.
type Index struct {
	dirs    map[string][]string       // folder → its references files, sorted
	refs    map[string]map[string]Def // references file → key → first definition
	order   map[string][]Def          // references file → first definitions, in file order
	local   map[string]map[string]Def // page → key → first local definition
	files   []string                  // references files, root first
	pages   []string                  // pages with local definitions, sorted
	anchors map[DefID]string          // definition → fragment on the references page
	byKey   map[string][]DefID        // key → every definition of it that is shown
	keys    []string                  // every key known anywhere, sorted
}

// DefID names one definition: the file it is in and its key.
type DefID struct{ File, Key string }

// ID returns the definition's identity.
func (d Def) ID() DefID { return DefID{d.File, d.Key} }

// NewIndex builds the index from the definitions of every references file
// and of every page (both maps are keyed by content-relative path with
// '/'). It sets File on the definitions it keeps; of two definitions of one
// key in one file the first counts.
func NewIndex(refs, pages map[string][]Def) *Index {
	ix := &Index{
		dirs: map[string][]string{}, refs: map[string]map[string]Def{}, order: map[string][]Def{},
		local: map[string]map[string]Def{}, anchors: map[DefID]string{}, byKey: map[string][]DefID{},
	}
	for file, defs := range refs {
		m := map[string]Def{}
		for _, d := range defs {
			if _, dup := m[d.Key]; !dup {
				d.File = file
				m[d.Key] = d
				ix.order[file] = append(ix.order[file], d)
			}
		}
		ix.refs[file] = m
		dir := dirOf(file)
		ix.dirs[dir] = append(ix.dirs[dir], file)
		ix.files = append(ix.files, file)
	}
	for dir := range ix.dirs {
		slices.Sort(ix.dirs[dir])
	}
	slices.SortFunc(ix.files, func(a, b string) int {
		return cmp.Or(cmp.Compare(strings.Count(a, "/"), strings.Count(b, "/")), cmp.Compare(a, b))
	})
	for page, defs := range pages {
		m := map[string]Def{}
		for _, d := range defs {
			if _, dup := m[d.Key]; !dup {
				d.File = page
				m[d.Key] = d
			}
		}
		if len(m) > 0 {
			ix.local[page] = m
			ix.pages = append(ix.pages, page)
		}
	}
	slices.Sort(ix.pages)
	ix.assignAnchors(pages)
	return ix
}

// assignAnchors gives every shown definition its fragment on the
// references page: "ref-KEY" for the first (root-most) one, "ref-KEY~2"
// and so on for other definitions of the same key ('~' never occurs in a
// key, so these cannot collide with another key's anchor).
func (ix *Index) assignAnchors(pages map[string][]Def) {
	add := func(d Def) {
		id := d.ID()
		if _, ok := ix.anchors[id]; ok {
			return
		}
		n := len(ix.byKey[d.Key])
		a := "ref-" + d.Key
		if n > 0 {
			a += "~" + strconv.Itoa(n+1)
		}
		ix.anchors[id] = a
		ix.byKey[d.Key] = append(ix.byKey[d.Key], id)
	}
	for _, f := range ix.files {
		for _, d := range ix.order[f] {
			add(d)
		}
	}
	for _, p := range ix.pages {
		for _, d := range ix.LocalOnly(p) {
			add(d)
		}
	}
	seen := map[string]bool{}
	for _, f := range ix.files {
		for k := range ix.refs[f] {
			seen[k] = true
		}
	}
	for _, defs := range pages {
		for _, d := range defs {
			seen[d.Key] = true
		}
	}
	for k := range seen {
		ix.keys = append(ix.keys, k)
	}
	slices.Sort(ix.keys)
}

func dirOf(p string) string {
	d := path.Dir(p)
	if d == "." || d == "/" {
		return ""
	}
	return d
}

// Resolve returns the definition that key has on page: from the nearest
// references file that defines it, else from the page itself.
func (ix *Index) Resolve(page, key string) (Def, bool) {
	if ix == nil {
		return Def{}, false
	}
	if d, ok := ix.Shared(page, key); ok {
		return d, true
	}
	d, ok := ix.local[page][key]
	return d, ok
}

// Shared returns the definition of key in the references files that apply
// to page, nearest first, ignoring the page's own definitions.
func (ix *Index) Shared(page, key string) (Def, bool) {
	if ix == nil {
		return Def{}, false
	}
	for dir := dirOf(page); ; dir = dirOf(dir) {
		for _, f := range ix.dirs[dir] {
			if d, ok := ix.refs[f][key]; ok {
				return d, true
			}
		}
		if dir == "" {
			return Def{}, false
		}
	}
}

// Chain lists the references files that apply to page, nearest first.
func (ix *Index) Chain(page string) []string {
	if ix == nil {
		return nil
	}
	var out []string
	for dir := dirOf(page); ; dir = dirOf(dir) {
		out = append(out, ix.dirs[dir]...)
		if dir == "" {
			return out
		}
	}
}

// Anchor returns the fragment (without '#') of the definition's entry on
// the references page.
func (ix *Index) Anchor(d Def) string {
	if ix != nil {
		if a, ok := ix.anchors[d.ID()]; ok {
			return a
		}
	}
	return "ref-" + d.Key
}

// Files lists the references files, root first.
func (ix *Index) Files() []string { return slices.Clone(ix.files) }

// Defs lists the definitions of a references file in file order (the first
// of each key only).
func (ix *Index) Defs(file string) []Def { return slices.Clone(ix.order[file]) }

// LocalOnly lists a page's own definitions of keys that no references file
// that applies to it defines, in file order: the ones the page's citations
// really resolve to.
func (ix *Index) LocalOnly(page string) []Def {
	var out []Def
	for k, d := range ix.local[page] {
		if _, ok := ix.Shared(page, k); !ok {
			out = append(out, d)
		}
	}
	slices.SortFunc(out, func(a, b Def) int { return cmp.Compare(a.Start, b.Start) })
	return out
}

// Pages lists the pages that define keys of their own.
func (ix *Index) Pages() []string { return slices.Clone(ix.pages) }

// Keys lists every key defined anywhere, sorted.
func (ix *Index) Keys() []string { return slices.Clone(ix.keys) }

// Visible lists the keys a page can cite, sorted.
func (ix *Index) Visible(page string) []string {
	set := map[string]bool{}
	for _, f := range ix.Chain(page) {
		for k := range ix.refs[f] {
			set[k] = true
		}
	}
	for k := range ix.local[page] {
		set[k] = true
	}
	out := make([]string, 0, len(set))
	for k := range set {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// IsReferences reports whether file is a references file (every
// definition in it is a citation).
func (ix *Index) IsReferences(file string) bool {
	if ix == nil {
		return false
	}
	_, ok := ix.refs[file]
	return ok
}

// Lookup returns the definition of key in one references file.
func (ix *Index) Lookup(file, key string) (Def, bool) {
	if ix == nil {
		return Def{}, false
	}
	d, ok := ix.refs[file][key]
	return d, ok
}

package load

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"hash"
	"html/template"
	"maps"
	"os"
	"reflect"
	"slices"
	"sync/atomic"

	"docsite/internal/cache"
	"docsite/internal/citation"
	"docsite/internal/diag"
	"docsite/internal/glossary"
	"docsite/internal/site"
)

// pageCache keeps, between runs, what the parse made of each page, keyed
// by everything the parse reads: the page's bytes and place, the
// configuration, the site's citation definitions and this binary. Like
// ESLint's --cache, a warm check parses only the pages that changed; the
// AST is not needed for checking, so nothing is lost.
//
// A build's cache (render) keeps the rendered body and the sections' text
// too, and its keys also hold what rendering reads from the rest of the
// site: where every link may point (the files, folders and page URLs) and
// the glossary whose first uses a body marks. A warm build then renders
// only the pages that changed, as long as no file came or went.
type pageCache struct {
	store  pageStore
	render bool
	salt   []byte       // the binary, the configuration, the citation index
	err    error        // the configuration could not be hashed: nothing is kept
	hits   atomic.Int64 // pages restored this run (tests count them)
}

// pageStore is where entries live between runs: cache.Store for the
// checker's small models, cache.Stream for a build's, which hold every
// body and would otherwise stay in memory for the whole build.
type pageStore interface {
	Get(key string) ([]byte, bool)
	Put(key string, v []byte)
	Save() error
}

// pageModel is what the parse adds to a page, in fields named as
// site.Page's, but for the sections' plain text, which only publishing
// reads and which is most of the bytes: loads that use the cache drop it
// (see WithPageCache). Diags holds only the parse's own findings.
type pageModel struct {
	Title, H1       string
	H1Offset        int
	Headings        []site.Heading
	Anchors         map[string]site.Anchor
	Links           []site.Link
	Code            []site.CodeBlock
	Math            []site.Formula
	Diagrams        []site.Diagram
	Cites           []citation.Use
	GlossaryEntries []glossary.Entry
	Terms           []string
	HiddenTOC       [2]int
	HasMath         bool
	HasMermaid      bool
	Summary         string
	Text            []site.Section    // a build's only: the checker's parse has none
	Body            template.HTML     // a build's only
	Diags           []diag.Diagnostic // last (see modelFields): the parse's own findings
}

// modelFields gives, for each pageModel field but the last (Diags), the
// index of the site.Page field of its name.
var modelFields = func() []int {
	mt, pt := reflect.TypeFor[pageModel](), reflect.TypeFor[site.Page]()
	var idx []int
	for i := range mt.NumField() - 1 {
		f, ok := pt.FieldByName(mt.Field(i).Name)
		if !ok || f.Type != mt.Field(i).Type {
			panic("load: pageModel." + mt.Field(i).Name + " is not a field of site.Page")
		}
		idx = append(idx, f.Index[0])
	}
	return idx
}()

// pageCacheVersion changes when pageModel or the key changes shape.
const pageCacheVersion = "pages-4"

func newPageCache(dir string) *pageCache {
	if dir == "" {
		return nil
	}
	return &pageCache{store: cache.Open(dir, "pages.bin")}
}

func newRenderCache(dir string) *pageCache {
	if dir == "" {
		return nil
	}
	return &pageCache{store: cache.OpenStream(dir, "pages-built.bin"), render: true}
}

// begin salts the keys with what every page's parse shares. It runs after
// the index has read the citation definitions and before any page parse.
func (c *pageCache) begin(s *site.Site, mathDegraded bool) {
	c.hits.Store(0)
	h := sha256.New()
	h.Write([]byte(pageCacheVersion))
	writeExecutable(h)
	cfg, err := json.Marshal(s.Config)
	c.err = err
	h.Write(cfg)
	writeBool(h, mathDegraded)
	writeString(h, s.ReferencesURL)
	// The citation index is made from the definitions of every page, which
	// are read from its source: hash the sources of the pages that hold
	// any, so a changed definition anywhere parses every page again.
	for _, p := range s.Pages {
		if len(p.Defs) > 0 || len(p.BadDefs) > 0 {
			writeString(h, p.Path)
			writeInt(h, len(p.Source))
			h.Write(p.Source)
		}
	}
	if c.render {
		writeLinkTargets(h, s)
	}
	c.salt = h.Sum(nil)
}

// writeLinkTargets hashes what Site.LinkURL reads to rewrite a link: every
// published file and folder, each folder's landing pages and each page's
// URL. A file added or removed anywhere renders every page again.
func writeLinkTargets(h hash.Hash, s *site.Site) {
	for _, rel := range slices.Sorted(maps.Keys(s.Exists)) {
		writeString(h, rel)
	}
	for _, lower := range slices.Sorted(maps.Keys(s.FileSet)) {
		writeString(h, lower)
		writeString(h, s.FileSet[lower])
	}
	for _, dir := range slices.Sorted(maps.Keys(s.Dirs)) {
		writeString(h, dir)
		for _, lang := range slices.Sorted(maps.Keys(s.Dirs[dir].Landing)) {
			p := s.Dirs[dir].Landing[lang]
			writeString(h, lang)
			writeString(h, p.Path)
			writeString(h, p.URL)
			writeBool(h, p.Generated)
		}
	}
	for _, path := range slices.Sorted(maps.Keys(s.ByPath)) {
		writeString(h, path)
		writeString(h, s.ByPath[path].URL)
	}
}

// glossaryKnown adds the site's glossary to the keys of the pages parsed
// after it: a build marks the first use of each term in their bodies.
// The glossary sources themselves are parsed before it is made.
func (c *pageCache) glossaryKnown(sources []*site.Page) {
	if !c.render || c.err != nil {
		return
	}
	h := sha256.New()
	h.Write(c.salt)
	for _, p := range sources {
		b, err := encodeModel(p.GlossaryEntries, 256)
		if err != nil {
			c.err = err
			return
		}
		writeString(h, p.Path)
		writeInt(h, len(b))
		h.Write(b)
	}
	c.salt = h.Sum(nil)
}

// key names one page's parse.
func (c *pageCache) key(p *site.Page) string {
	h := sha256.New()
	h.Write(c.salt)
	for _, s := range []string{p.Path, p.Dir, p.Lang, p.Key, p.URL} {
		writeString(h, s)
	}
	writeBool(h, p.Landing)
	writeBool(h, p.GlossarySource)
	writeInt(h, p.BodyOffset)
	writeInt(h, len(p.Diags))
	h.Write(p.Source)
	return hex.EncodeToString(h.Sum(nil))
}

// restore fills p from the cache; false when the page must be parsed.
func (c *pageCache) restore(p *site.Page, key string) bool {
	if c == nil || c.err != nil {
		return false
	}
	b, ok := c.store.Get(key)
	if !ok {
		return false
	}
	var m pageModel
	if decodeModel(b, &m) != nil {
		return false
	}
	mv, pv := reflect.ValueOf(&m).Elem(), reflect.ValueOf(p).Elem()
	for i, pi := range modelFields {
		pv.Field(pi).Set(mv.Field(i))
	}
	p.Diags = append(p.Diags, m.Diags...)
	c.hits.Add(1)
	return true
}

// keep records p's parse; before is how many findings the loader had
// given the page already.
func (c *pageCache) keep(p *site.Page, key string, before int) {
	if c == nil || c.err != nil {
		return
	}
	m := pageModel{Diags: p.Diags[before:]}
	if !c.render {
		p.Text = nil // as a page from the cache has it
	}
	mv, pv := reflect.ValueOf(&m).Elem(), reflect.ValueOf(p).Elem()
	for i, pi := range modelFields {
		mv.Field(i).Set(pv.Field(pi))
	}
	// A checked page's model is about a fifth of its source (bench corpus).
	if b, err := encodeModel(m, len(p.Source)/4); err == nil {
		c.store.Put(key, b)
	}
}

// save writes the cache once per run, whatever number of loads it served.
func (c *pageCache) save() error {
	if c == nil {
		return nil
	}
	return c.store.Save()
}

// writeExecutable salts with the running binary's identity, so a new
// docsite (another parser, another rule) never reads an old entry.
func writeExecutable(h hash.Hash) {
	exe, err := os.Executable()
	if err != nil {
		return
	}
	writeString(h, exe)
	if fi, err := os.Stat(exe); err == nil {
		writeInt(h, int(fi.Size()))
		writeInt(h, int(fi.ModTime().UnixNano()))
	}
}

func writeString(h hash.Hash, s string) {
	writeInt(h, len(s))
	h.Write([]byte(s))
}

func writeInt(h hash.Hash, n int) {
	var b [binary.MaxVarintLen64]byte
	h.Write(b[:binary.PutVarint(b[:], int64(n))])
}

func writeBool(h hash.Hash, v bool) {
	if v {
		writeInt(h, 1)
	} else {
		writeInt(h, 0)
	}
}

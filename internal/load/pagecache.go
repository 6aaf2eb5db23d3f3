package load

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"hash"
	"os"
	"reflect"
	"sync/atomic"

	"docsite/internal/cache"
	"docsite/internal/citation"
	"docsite/internal/diag"
	"docsite/internal/glossary"
	"docsite/internal/site"
)

// pageCache keeps, between runs of the checker, what the parse made of each
// page, keyed by everything the parse reads: the page's bytes and place,
// the configuration, the site's citation definitions and this binary. Like
// ESLint's --cache, a warm check parses only the pages that changed; the
// AST is not needed for checking, so nothing is lost. Builds do not use it:
// they need each page's AST to render.
type pageCache struct {
	store *cache.Store
	salt  []byte       // the binary, the configuration, the citation index
	err   error        // the configuration could not be hashed: nothing is kept
	hits  atomic.Int64 // pages restored this run (tests count them)
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
const pageCacheVersion = "pages-3"

func newPageCache(dir string) *pageCache {
	if dir == "" {
		return nil
	}
	return &pageCache{store: cache.Open(dir, "pages.bin")}
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

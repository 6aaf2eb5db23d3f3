package build

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"maps"
	"slices"

	"docsite/internal/site"
	"docsite/render/search"
)

// SearchDocs turns the page model into the search index's input, in content
// order. Code blocks never reach it: the model's section text leaves them
// out. A hand-written table of contents is left out too, since it only
// repeats the headings that are indexed on their own.
func SearchDocs(s *site.Site) []search.Doc {
	var docs []search.Doc
	for _, lang := range s.Langs {
		for _, n := range s.Flat(lang) {
			p := n.Page
			if p.Generated || s.ByURL[p.URL] != p {
				continue
			}
			d := search.Doc{URL: s.Href(p.URL), Title: p.Title, Lang: p.Lang, Number: n.Number}
			code := codeBySection(p, s.Config.Search.IncludeCode)
			for i, sec := range p.Text {
				if site.IsTOCHeading(sec.Heading) {
					continue
				}
				d.Sections = append(d.Sections, search.Section{Heading: sec.Heading, Anchor: sec.Anchor, Level: sec.Level,
					Text: sec.Text + code[i]})
			}
			docs = append(docs, d)
		}
	}
	return docs
}

// codeBySection gathers the code blocks of each section (p.Text[i] is the
// text before heading i's successor) when docsite.yaml's search.includeCode
// asks for code to be searchable; nil otherwise.
func codeBySection(p *site.Page, include bool) map[int]string {
	if !include || len(p.Code) == 0 {
		return nil
	}
	out := map[int]string{}
	for _, c := range p.Code {
		sec := 0
		for i, h := range p.Headings {
			if h.Offset < c.Offset {
				sec = i + 1
			}
		}
		out[sec] += "\n" + c.Text
	}
	return out
}

// SearchFiles builds the index files of the whole site.
func SearchFiles(s *site.Site) (map[string][]byte, search.Stats, error) {
	return search.Build(SearchDocs(s))
}

// searchFiles is SearchFiles with the pipeline's cache: the index depends
// only on the pages' text, so an unchanged site takes it from the cache.
func (pl *Pipeline) searchFiles(s *site.Site) (map[string][]byte, search.Stats, error) {
	docs := SearchDocs(s)
	key := docsKey(docs)
	if b, ok := pl.indexes.Get(key); ok {
		if files, stats, ok := decodeIndex(b); ok {
			return files, stats, nil
		}
	}
	pl.indexBuilds++
	files, stats, err := search.Build(docs)
	if err != nil {
		return nil, stats, err
	}
	pl.indexes.Put(key, encodeIndex(files, stats))
	return files, stats, nil
}

// docsKey hashes everything the index is made from.
func docsKey(docs []search.Doc) string {
	h := sha256.New()
	w := func(s string) {
		var n [binary.MaxVarintLen64]byte
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
		h.Write([]byte(s))
	}
	w("search-v2")
	for _, d := range docs {
		w(d.URL)
		w(d.Title)
		w(d.Lang)
		w(d.Number)
		for _, sec := range d.Sections {
			w(sec.Heading)
			w(sec.Anchor)
			w(string(rune('0' + sec.Level)))
			w(sec.Text)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// encodeIndex packs the index files as length-prefixed names and contents
// after the stats in JSON: base64 in JSON would cost more than the index.
func encodeIndex(files map[string][]byte, stats search.Stats) []byte {
	st, _ := json.Marshal(stats)
	names := slices.Sorted(maps.Keys(files))
	// Sized once: grown append by append, the tens of megabytes of a large
	// site's index were copied and cleared over and over.
	size := len(st) + binary.MaxVarintLen64
	for _, n := range names {
		size += len(n) + len(files[n]) + 2*binary.MaxVarintLen64
	}
	out := make([]byte, 0, size)
	out = binary.AppendUvarint(out, uint64(len(st)))
	out = append(out, st...)
	for _, n := range names {
		out = binary.AppendUvarint(out, uint64(len(n)))
		out = append(out, n...)
		out = binary.AppendUvarint(out, uint64(len(files[n])))
		out = append(out, files[n]...)
	}
	return out
}

func decodeIndex(b []byte) (map[string][]byte, search.Stats, bool) {
	var stats search.Stats
	next := func() ([]byte, bool) {
		n, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < n {
			return nil, false
		}
		v := b[k : k+int(n)]
		b = b[k+int(n):]
		return v, true
	}
	st, ok := next()
	if !ok || json.Unmarshal(st, &stats) != nil {
		return nil, stats, false
	}
	files := map[string][]byte{}
	for len(b) > 0 {
		name, ok1 := next()
		data, ok2 := next()
		if !ok1 || !ok2 {
			return nil, stats, false
		}
		files[string(name)] = data
	}
	return files, stats, true
}

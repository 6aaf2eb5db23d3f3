package search

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"slices"
)

// Shards hold runs of terms in sorted order, cut where a run reaches the
// shard size, so a query reads about shardSize bytes per term it looks up,
// or one term's list alone when that is longer. meta.json lists each shard's
// first term; the client finds a term's shard by binary search, and a
// prefix's completions in the shards that follow it.
//
// Snippet texts go in chunk files of about chunkSize bytes, consecutive
// sections each: a hit fetches the one its section is in.

func (ix *indexer) write(files map[string][]byte, dir, lang string, st *Stats) {
	h := fnv.New64a()
	put := func(name string, b []byte, size *int) {
		files[dir+name] = b
		h.Write([]byte(name))
		h.Write(b)
		*size += len(b)
	}

	order := slices.Clone(ix.terms)
	slices.SortFunc(order, func(a, b *term) int { return cmp.Compare(a.text, b.text) })
	var firsts []string
	var shard []byte
	flushShard := func() {
		if shard != nil {
			put(fmt.Sprintf("shard-%d.json", len(firsts)-1), append(shard, '}'), &st.ShardBytes)
			shard = nil
		}
	}
	postings := 0
	var entry []byte // one term's entry, reused
	for _, t := range order {
		postings += t.df
		entry = appendString(entry[:0], t.text)
		entry = append(entry, ':', '"')
		entry = append(entry, t.sec...)
		if len(t.title) > 0 {
			entry = append(entry, '.')
			entry = append(entry, t.title...)
		}
		entry = append(entry, '"')
		if shard != nil && len(shard)+len(entry) > ix.cfg.shardSize {
			flushShard()
		}
		if shard == nil {
			firsts = append(firsts, t.text)
			shard = []byte{'{'}
		} else {
			shard = append(shard, ',')
		}
		shard = append(shard, entry...)
	}
	flushShard()

	var secs, chunks []byte
	var chunk []byte
	inChunk, nchunk := 0, 0
	for _, d := range ix.docs {
		secs = appendVarint(secs, uint32(len(d.sections)))
		for j, s := range d.sections {
			if chunk != nil && len(chunk) >= ix.cfg.chunkSize {
				chunks = appendVarint(chunks, uint32(inChunk))
				put(fmt.Sprintf("t/%d.json", nchunk), append(chunk, ']'), &st.DocBytes)
				chunk, inChunk = nil, 0
				nchunk++
			}
			if chunk == nil {
				chunk = []byte{'['}
			} else {
				chunk = append(chunk, ',')
			}
			chunk = append(chunk, '[')
			chunk = appendString(chunk, s[0])
			chunk = append(chunk, ',')
			chunk = appendString(chunk, s[1])
			chunk = append(chunk, ',')
			chunk = appendString(chunk, s[2])
			// The first of a page's sections in a chunk names the page.
			if j == 0 || inChunk == 0 {
				for _, v := range []string{d.url, d.title, d.number} {
					chunk = append(chunk, ',')
					chunk = appendString(chunk, v)
				}
			}
			chunk = append(chunk, ']')
			inChunk++
		}
	}
	if chunk != nil {
		chunks = appendVarint(chunks, uint32(inChunk))
		put(fmt.Sprintf("t/%d.json", nchunk), append(chunk, ']'), &st.DocBytes)
	}

	sections := int(ix.nsec)
	avg := 0.0
	if sections > 0 {
		avg = float64(ix.total) / float64(sections)
	}
	b := []byte(`{"v":2,"lang":`)
	b = appendString(b, lang)
	b = append(b, `,"id":`...)
	b = appendString(b, fmt.Sprintf("%016x", h.Sum64()))
	b = append(b, `,"n":`...)
	b = appendInt(b, sections)
	b = append(b, `,"avg":`...)
	b = appendFloat(b, float64(int(avg*1000+0.5))/1000)
	for _, kv := range []struct {
		k string
		v float64
	}{{"k1", ix.cfg.k1}, {"b", ix.cfg.b}, {"tb", ix.cfg.titleBoost}, {"hb", ix.cfg.headingBoost}} {
		b = append(b, `,"`...)
		b = append(b, kv.k...)
		b = append(b, `":`...)
		b = appendFloat(b, kv.v)
	}
	b = append(b, `,"secs":"`...)
	b = append(b, secs...)
	b = append(b, `","chunks":"`...)
	b = append(b, chunks...)
	b = append(b, `","shards":[`...)
	for i, f := range firsts {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, f)
	}
	b = append(b, ']', '}')
	files[dir+"meta.json"] = b
	st.MetaBytes += len(b)

	st.Docs += len(ix.docs)
	st.Sections += sections
	st.Tokens += ix.tokens
	st.Terms += len(ix.terms)
	st.Postings += postings
	st.Shards += len(firsts)
	st.TextBytes += ix.text
}

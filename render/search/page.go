package search

import (
	"strings"
	"unicode/utf8"
)

// A page's terms are found apart from every other page's, so that pages are
// read on all CPUs; what is left for the one goroutine that builds the
// index is a look-up per distinct term of a page, not per occurrence.
type pageTerms struct {
	rec     docRecord
	terms   []pageTerm // distinct terms, in order of first appearance
	title   []termSlots
	words   int // the title's length, in characters and words
	secs    []secTerms
	entries []secEntry // every section's terms, end to end
	slots   []int32    // every slot list of the page, end to end
	// Counts for Stats and the mean section length.
	tokens, text, total int
}

// pageTerm is a word (its text) or a CJK term (its key alone: most terms
// are CJK, and their text is only made when the index meets one first).
type pageTerm struct {
	text string
	key  uint64 // scan's key for a CJK term, 0 for a word
}

// termSlots is a term's title slots: slots[from:to].
type termSlots struct{ term, from, to int32 }

// secTerms is a section: its terms are entries[previous end:end].
type secTerms struct {
	lenClass uint32
	end      int32
}

// secEntry is a term of a section: its heading slots are slots[from:][:head],
// its body slots the body that follow.
type secEntry struct{ term, head, body, from int32 }

// pageReader reads pages one at a time, reusing its buffers.
type pageReader struct {
	cfg              *config
	words            map[string]int32
	cjk              *keyTable
	head, body, tt   [][]int32 // slots of each term, in the current field
	touched, inTitle []int32
	p                *pageTerms
}

func newPageReader(cfg *config) *pageReader {
	return &pageReader{cfg: cfg, words: map[string]int32{}, cjk: newKeyTable()}
}

func (r *pageReader) id(b []byte, key uint64) int32 {
	id := int32(len(r.p.terms))
	if key != 0 {
		if old, ok := r.cjk.get(key, id); ok {
			return old
		}
		r.p.terms = append(r.p.terms, pageTerm{key: key})
	} else {
		if old, ok := r.words[string(b)]; ok {
			return old
		}
		t := string(b)
		r.words[t] = id
		r.p.terms = append(r.p.terms, pageTerm{text: t})
	}
	if int(id) < len(r.head) {
		r.head[id], r.body[id], r.tt[id] = r.head[id][:0], r.body[id][:0], r.tt[id][:0]
	} else {
		r.head, r.body, r.tt = append(r.head, nil), append(r.body, nil), append(r.tt, nil)
	}
	return id
}

func (r *pageReader) touch(b []byte, key uint64) int32 {
	id := r.id(b, key)
	if len(r.head[id]) == 0 && len(r.body[id]) == 0 {
		r.touched = append(r.touched, id)
	}
	return id
}

// read finds the terms of one page, in p's buffers when p is not nil (one
// that merge is done with).
func (r *pageReader) read(d *Doc, p *pageTerms) *pageTerms {
	clear(r.words)
	r.cjk.reset()
	if p == nil {
		p = &pageTerms{}
	}
	*p = pageTerms{rec: docRecord{url: d.URL, title: normalize(d.Title), number: d.Number},
		terms: p.terms[:0], title: p.title[:0], secs: p.secs[:0], entries: p.entries[:0], slots: p.slots[:0]}
	r.p = p
	p.text += len(d.Title)
	// The title's length counts characters and words, not numbers: "3.2"
	// is in most titles and says nothing.
	scan(p.rec.title, func(b []byte, key uint64, _, _, slot int) {
		id := r.id(b, key)
		if len(r.tt[id]) == 0 {
			r.inTitle = append(r.inTitle, id)
		}
		r.tt[id] = append(r.tt[id], int32(slot))
		p.tokens++
		if t := p.terms[id]; t.uni() || key == 0 && strings.Trim(t.text, "0123456789") != "" {
			p.words++
		}
	})
	for _, id := range r.inTitle {
		from := int32(len(p.slots))
		p.slots = append(p.slots, r.tt[id]...)
		p.title = append(p.title, termSlots{id, from, int32(len(p.slots))})
		r.tt[id] = r.tt[id][:0]
	}
	r.inTitle = r.inTitle[:0]

	secs := d.Sections
	if len(secs) == 0 {
		secs = []Section{{}} // a page with only a title is still found by it
	}
	texts := make([]string, len(secs))
	for i, s := range secs {
		texts[i] = normalize(s.Text)
	}
	for i, s := range secs {
		heading := normalize(s.Heading)
		p.text += len(s.Heading) + len(s.Text)
		n := 0 // the body's length; a heading is scored as a whole field
		scan(heading, func(b []byte, key uint64, _, _, slot int) {
			id := r.touch(b, key)
			r.head[id] = append(r.head[id], int32(slot))
			p.tokens++
		})
		scan(texts[i], func(b []byte, key uint64, _, _, slot int) {
			id := r.touch(b, key)
			r.body[id] = append(r.body[id], int32(slot))
			n++
		})
		p.tokens += n
		p.total += n
		for _, id := range r.touched {
			p.entries = append(p.entries, secEntry{id, int32(len(r.head[id])), int32(len(r.body[id])), int32(len(p.slots))})
			if !p.terms[id].uni() { // a single character keeps no slots
				p.slots = append(p.slots, r.head[id]...)
				p.slots = append(p.slots, r.body[id]...)
			}
			r.head[id], r.body[id] = r.head[id][:0], r.body[id][:0]
		}
		r.touched = r.touched[:0]
		p.secs = append(p.secs, secTerms{lenClass(n), int32(len(p.entries))})
		p.rec.sections = append(p.rec.sections, [3]string{heading, s.Anchor, snippetText(r.cfg, texts, i)})
	}
	r.p = nil
	return p
}

// uni reports whether the term is a single CJK character (its key is one
// code point, a bigram's two).
func (t pageTerm) uni() bool { return t.key != 0 && t.key < 1<<21 }

// termText is the term as the index stores it.
func (t pageTerm) termText() string {
	if t.key == 0 {
		return t.text
	}
	var b [2 * utf8.UTFMax]byte
	n := 0
	if t.key >= 1<<21 {
		n = utf8.EncodeRune(b[:], rune(t.key>>21))
	}
	n += utf8.EncodeRune(b[n:], rune(t.key&(1<<21-1)))
	return string(b[:n])
}

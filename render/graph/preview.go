package graph

import (
	"encoding/json"
	"hash/fnv"
	"strconv"
	"strings"
	"unicode/utf8"

	"docsite/internal/markdown/cjk"
	"docsite/internal/site"
)

// Preview is what the hover card of a link shows.
type Preview struct {
	Title   string `json:"title"`
	Number  string `json:"number,omitempty"`
	Section string `json:"section,omitempty"` // heading, for a link to a section
	Text    string `json:"text"`
}

// PreviewLen is the longest preview text, in characters.
const PreviewLen = 300

// Previews gathers the hover cards of a site, keyed by page URL (without
// base path) and, for the sections some other page links to, by
// "URL#fragment" with the fragment decoded. Only sections that are link
// targets get an entry: previewing every heading of a large site would
// multiply the data many times for cards nobody can open.
func Previews(s *site.Site) map[string]Preview {
	out := map[string]Preview{}
	order := contentOrder(s)
	for _, p := range order.pages {
		out[p.URL] = Preview{Title: navTitle(p), Number: navNumber(p), Text: firstParagraph(p, 0)}
	}
	for _, from := range order.pages {
		for _, l := range from.Links {
			to := linkTarget(s, from, l)
			if to == nil || to == from {
				continue
			}
			frag := s.Resolve(from, l.Dest).Fragment
			key := to.URL + "#" + frag
			if frag == "" {
				continue
			}
			if _, done := out[key]; done {
				continue
			}
			a, ok := to.Anchors[frag]
			if !ok {
				continue
			}
			sec := sectionAt(to, a.Offset)
			pv := out[to.URL]
			pv.Text = firstParagraph(to, sec)
			if sec > 0 && sec <= len(to.Headings) {
				pv.Section = to.Headings[sec-1].Text
			}
			out[key] = pv
		}
	}
	return out
}

func navTitle(p *site.Page) string {
	if p.Nav != nil {
		return p.Nav.Title
	}
	return p.Title
}

func navNumber(p *site.Page) string {
	if p.Nav != nil {
		return p.Nav.Number
	}
	return ""
}

// firstParagraph is the first paragraph of prose from section sec on,
// skipping a hand-written table of contents. A paragraph that is only a
// short label ("文档结构：") takes the next ones with it. Lists and table
// rows are not prose: their items would run together into one line. A
// section with none (only a table, say) shows its first blocks one per
// line, which the card keeps apart.
func firstParagraph(p *site.Page, sec int) string {
	var b strings.Builder
	for i := sec; i < len(p.Text); i++ {
		if i > 0 && i <= len(p.Headings) && isTOC(p, p.Headings[i-1]) {
			continue
		}
		t := p.Text[i]
		for _, sp := range t.Paras {
			cjk.AppendLine(&b, strings.TrimSpace(t.Text[sp[0]:sp[1]]))
			if utf8.RuneCountInString(b.String()) >= 40 {
				return clip(b.String(), PreviewLen)
			}
		}
		if b.Len() == 0 && t.Text != "" {
			return blockLines(t.Text)
		}
		if b.Len() > 0 && len(t.Paras) > 0 { // a label: the list or table it introduces follows, one item a line
			if rest := t.Text[t.Paras[len(t.Paras)-1][1]:]; strings.TrimSpace(rest) != "" {
				return clip(b.String()+"\n"+blockLines(rest), PreviewLen)
			}
		}
		if b.Len() > 0 {
			break // a short section stays short rather than run on into the next
		}
	}
	return clip(b.String(), PreviewLen)
}

// blockLines is a section's first blocks (list items, table rows), one per
// line, as many as fit in a preview.
func blockLines(text string) string {
	var lines []string
	n := 0
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			continue
		}
		if n += utf8.RuneCountInString(line); n > PreviewLen || len(lines) == 6 {
			if len(lines) == 0 {
				return clip(line, PreviewLen)
			}
			break
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// isTOC recognises the section of a hand-written table of contents: the
// one the site hides, or one under a usual TOC heading.
func isTOC(p *site.Page, h site.Heading) bool {
	if p.HiddenTOC[1] > p.HiddenTOC[0] && h.Offset >= p.HiddenTOC[0] && h.Offset < p.HiddenTOC[1] {
		return true
	}
	return site.IsTOCHeading(h.Text)
}

// clip cuts s to at most n characters, at a sentence end when one is in
// the last third, adding "…".
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut, count := len(s), 0
	for i := range s {
		if count == n {
			cut = i
			break
		}
		count++
	}
	head := s[:cut]
	best := -1
	for i, r := range head {
		if i >= len(head)*2/3 && (r == '。' || r == '！' || r == '？' || r == '；') {
			best = i + utf8.RuneLen(r)
		}
	}
	if best > 0 {
		return head[:best]
	}
	return strings.TrimRight(head, " ") + "…"
}

// PreviewFiles lays the previews out as files under assets/previews/: an
// index.json saying how many shards there are, and the shards 0.json … .
// A key's shard is FNV-1a (32 bit) of its page URL modulo the count, which
// preview.js computes the same way; the count grows in powers of two so a
// shard stays near shardSize, and a reader hovering a link fetches one
// small file, not the whole site's.
func PreviewFiles(pv map[string]Preview) map[string][]byte {
	total := 0
	for k, p := range pv {
		total += len(k) + len(p.Title) + len(p.Number) + len(p.Section) + len(p.Text) + 48
	}
	shards := 1
	for total/shards > shardSize {
		shards *= 2
	}
	parts := make([]map[string]Preview, shards)
	for i := range parts {
		parts[i] = map[string]Preview{}
	}
	for k, p := range pv {
		page, _, _ := strings.Cut(k, "#")
		parts[Shard(page, shards)][k] = p
	}
	out := map[string][]byte{}
	out["assets/previews/index.json"] = []byte(`{"shards":` + strconv.Itoa(shards) + "}\n")
	for i, m := range parts {
		b, _ := json.Marshal(m) // map keys are sorted: the same site gives the same bytes
		out["assets/previews/"+strconv.Itoa(i)+".json"] = append(b, '\n')
	}
	return out
}

// shardSize is the most one previews file holds on average, in bytes: a
// hover fetches one, so it stays the size of a small image however large
// the site grows (the site gets more of them instead).
const shardSize = 16 << 10

// Shard is the previews file that holds the page URL, of shards files.
func Shard(url string, shards int) int {
	h := fnv.New32a()
	h.Write([]byte(url))
	return int(h.Sum32() % uint32(shards))
}

// sectionAt is the index in p.Text of the section holding offset off: the
// text before the first heading is section 0, each heading starts the next.
func sectionAt(p *site.Page, off int) int {
	n := 0
	for _, h := range p.Headings {
		if h.Offset > off {
			break
		}
		n++
	}
	return n
}

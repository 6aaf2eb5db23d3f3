package fix

import (
	"bytes"
	"strings"

	"docsite/check/links"
	"docsite/check/numbering"
	"docsite/internal/citation"
	core "docsite/internal/numbering"
	"docsite/internal/site"
)

// Structure plans the repairs that change what other links point at:
// heading numbers, mangled citation definitions, and links to files that
// moved. Run them first, reload the model, then run Links.
func Structure(s *site.Site) map[string][]Edit {
	out := map[string][]Edit{}
	idx := links.NewIndex(s)
	for _, p := range s.Pages {
		if p.Generated {
			continue
		}
		var edits []Edit
		edits = append(edits, renumber(p)...)
		edits = append(edits, definitions(p)...)
		for _, l := range p.Links {
			if e, ok := movedLink(s, idx, p, l); ok {
				edits = append(edits, e)
			}
		}
		if len(edits) > 0 {
			out[p.Path] = edits
		}
	}
	return out
}

// Links plans the repairs that read headings as they now are: anchors to a
// heading that still exists under a new number, and tables of contents
// that no longer match the headings.
func Links(s *site.Site) map[string][]Edit {
	out := map[string][]Edit{}
	for _, p := range s.Pages {
		if p.Generated {
			continue
		}
		var edits []Edit
		toc, hasTOC := site.TOCOf(p)
		regen := hasTOC && len(numbering.TOCDiagnostics(p)) > 0
		if regen {
			if start, end, text, ok := numbering.RegenerateTOC(p, toc); ok {
				edits = append(edits, Edit{Start: start, End: end, Text: text, Kind: TOC})
			}
		}
		for _, l := range p.Links {
			if regen && l.Start >= toc.Start && l.End <= toc.End {
				continue // the new table of contents replaces these links
			}
			if e, ok := anchorLink(s, p, l); ok {
				edits = append(edits, e)
			}
		}
		if len(edits) > 0 {
			out[p.Path] = edits
		}
	}
	return out
}

// renumber changes the digits of the headings that renumbering within the
// page's own scheme moves (numbering.Renumber): only where a finding says
// a number is out of sequence, and never from an H1.
func renumber(p *site.Page) []Edit {
	sc := p.Numbering
	if sc == nil || len(sc.Heads) != len(p.Headings) {
		sc = site.NumberingOf(p)
	}
	var edits []Edit
	for i, n := range numbering.Renumber(sc) {
		h := p.Headings[i]
		line := string(p.Source[h.Offset : h.Offset+lineLen(p.Source[h.Offset:])])
		_, written, _, ok := core.Split(h.Text)
		if !ok {
			continue
		}
		marks := strings.IndexFunc(line, func(r rune) bool { return r != '#' && r != ' ' && r != '\t' })
		j := strings.Index(line[max(marks, 0):], written)
		if marks < 0 || j < 0 {
			continue
		}
		at := h.Offset + marks + j
		edits = append(edits, Edit{Start: at, End: at + len(written), Text: numbering.Written(written, n), Kind: Numbering})
	}
	return edits
}

func lineLen(b []byte) int {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return i
	}
	return len(b)
}

// definitions puts mangled citation definitions one per line.
func definitions(p *site.Page) []Edit {
	_, bad := citation.ParseDefs(p.Source, p.BodyOffset)
	nl := newline(p.Source)
	var edits []Edit
	for _, m := range bad {
		text := m.Repaired
		if nl != "\n" {
			text = strings.ReplaceAll(text, "\n", nl)
		}
		edits = append(edits, Edit{Start: m.Start, End: m.End, Text: text, Kind: Definition})
	}
	return edits
}

// movedLink points a link at the one file it must have meant.
func movedLink(s *site.Site, idx *links.Index, p *site.Page, l site.Link) (Edit, bool) {
	t := s.Resolve(p, l.Dest)
	if t.Kind != site.Missing || t.Draft {
		return Edit{}, false
	}
	var fits func(string) bool
	if t.Fragment != "" {
		fits = func(c string) bool {
			q := s.ByPath[c]
			if q == nil {
				return false
			}
			_, ok := q.Anchors[t.Fragment]
			return ok
		}
	}
	dest, ok := idx.Certain(p, t.Path, fits)
	if !ok {
		return Edit{}, false
	}
	if frag := fragmentOf(l.Dest); frag != "" {
		dest += frag
	}
	// A repair must not trade one finding for another: a folder with no
	// landing page is reported too.
	if k := s.Resolve(p, dest).Kind; k == site.FolderNoPage || k == site.Missing || k == site.Outside {
		return Edit{}, false
	}
	return replaceDest(p, l, dest, MovedLink)
}

// anchorLink repairs a fragment whose heading was renumbered.
func anchorLink(s *site.Site, p *site.Page, l site.Link) (Edit, bool) {
	t := s.Resolve(p, l.Dest)
	if t.Kind != site.PageTarget && t.Kind != site.SamePage || t.Fragment == "" || t.Page == nil {
		return Edit{}, false
	}
	if _, ok := t.Page.Anchors[t.Fragment]; ok {
		return Edit{}, false
	}
	id, ok := links.RenumberedAnchor(t.Page, t.Fragment)
	if !ok {
		return Edit{}, false
	}
	base, _, _ := strings.Cut(l.Dest, "#")
	return replaceDest(p, l, base+"#"+id, Anchor)
}

// replaceDest swaps the destination inside a link's source span.
func replaceDest(p *site.Page, l site.Link, dest, kind string) (Edit, bool) {
	if l.Start < 0 || l.End > len(p.Source) || l.Start >= l.End {
		return Edit{}, false
	}
	span := string(p.Source[l.Start:l.End])
	i := strings.LastIndex(span, l.Dest)
	if i < 0 {
		return Edit{}, false // reference-style: the destination is elsewhere
	}
	return Edit{Start: l.Start + i, End: l.Start + i + len(l.Dest), Text: dest, Kind: kind}, true
}

func fragmentOf(dest string) string {
	if i := strings.IndexByte(dest, '#'); i >= 0 {
		return dest[i:]
	}
	return ""
}

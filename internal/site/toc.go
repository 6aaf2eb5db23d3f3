package site

import (
	"strings"
	"unicode"
)

// tocNames are the heading texts of a hand-written table of contents, with
// case, spaces, emoji and punctuation removed ("📑 目录", "目 录",
// "Table of Contents").
var tocNames = map[string]bool{
	"目录": true, "contents": true, "tableofcontents": true, "toc": true,
}

// IsTOCHeading reports whether a heading's text names a table of contents.
func IsTOCHeading(text string) bool {
	if n := HandNumber(text); n != "" {
		text = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(text), n))
	}
	var b strings.Builder
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return tocNames[b.String()]
}

// TOC is a hand-written table of contents found in a page.
type TOC struct {
	Heading    int   // index in Page.Headings of the TOC's own heading
	Links      []int // indices in Page.Links of its in-page links, in order
	Start, End int   // byte range: the heading line through its last link's line
}

// FindTOC returns the byte range of the page's hand-written table of
// contents — its heading line through the end of the line holding its last
// in-page link — so the site can hide it and `docsite fix` can replace it.
func FindTOC(p *Page) (start, end int, ok bool) {
	t, ok := TOCOf(p)
	return t.Start, t.End, ok
}

// TOCOf finds the page's hand-written table of contents with its links
// (to hide it, check it, and regenerate it). It takes the first heading below the H1 named like a table of
// contents that has in-page links ("#…") before the next heading. A heading
// named 目录 with no such links is ordinary content.
func TOCOf(p *Page) (TOC, bool) {
	for i, h := range p.Headings {
		if h.Level < 2 || !IsTOCHeading(h.Text) {
			continue
		}
		stop := len(p.Source)
		if i+1 < len(p.Headings) {
			stop = p.Headings[i+1].Offset
		}
		t := TOC{Heading: i, Start: lineStart(p.Source, h.Offset)}
		for j, l := range p.Links {
			if l.Kind == LinkMarkdown && strings.HasPrefix(l.Dest, "#") && l.Start > h.Offset && l.Start < stop {
				t.Links = append(t.Links, j)
			}
		}
		if len(t.Links) == 0 {
			continue
		}
		last := p.Links[t.Links[len(t.Links)-1]]
		t.End = min(stop, nextLine(p.Source, max(last.End-1, last.Start)))
		return t, true
	}
	return TOC{}, false
}

// nextLine is the offset just past the newline ending the line holding off.
func nextLine(src []byte, off int) int {
	for i := max(off, 0); i < len(src); i++ {
		if src[i] == '\n' {
			return i + 1
		}
	}
	return len(src)
}

// lineStart backs up over the indentation before a heading's marker, so
// that the range starts at a line start and can be cut cleanly.
func lineStart(src []byte, off int) int {
	i := min(off, len(src))
	for i > 0 && (src[i-1] == ' ' || src[i-1] == '\t') {
		i--
	}
	if i == 0 || src[i-1] == '\n' {
		return i
	}
	return off
}

package site

import "docsite/internal/numbering"

// NumberingOf reads the numbering scheme of a page from its headings.
func NumberingOf(p *Page) *numbering.Scheme {
	hs := make([]numbering.Heading, len(p.Headings))
	title := -1
	for i, h := range p.Headings {
		hs[i] = numbering.Heading{Level: h.Level, Text: h.Text}
		if title < 0 && p.H1 != "" && h.Level == 1 && h.Offset == p.H1Offset {
			title = i
		}
	}
	return numbering.Read(hs, title)
}

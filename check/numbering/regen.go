package numbering

import (
	"bytes"
	"strings"

	"docsite/internal/site"
)

// RegenerateTOC writes a table of contents' list anew from the page's
// headings, in the style of the list it replaces: its bullet, its
// indentation step, and whether it listed itself and unnumbered headings.
// It returns the byte range of the old list and the new text.
func RegenerateTOC(p *site.Page, t site.TOC) (start, end int, text string, ok bool) {
	if len(t.Links) == 0 {
		return 0, 0, "", false
	}
	src := p.Source
	first := p.Links[t.Links[0]]
	start = lineStart(src, first.Start)
	end = t.End
	old := string(src[start:end])
	bullet, indent := listStyle(old)
	self := p.Headings[t.Heading]
	listsSelf, listsPlain := false, false
	for _, li := range t.Links {
		frag := strings.TrimPrefix(p.Links[li].Dest, "#")
		if frag == self.ID {
			listsSelf = true
		}
		for _, h := range p.Headings {
			if h.ID == frag && h.ID != self.ID && site.HandNumber(h.Text) == "" {
				listsPlain = true
			}
		}
	}
	nl := newline(src)
	var b strings.Builder
	for _, h := range p.Headings {
		if h.Level < 2 || h.Level > 3 || h.Offset < self.Offset && h.ID != self.ID {
			continue
		}
		switch {
		case h.ID == self.ID:
			if !listsSelf {
				continue
			}
		case site.HandNumber(h.Text) == "" && !listsPlain:
			continue
		}
		b.WriteString(strings.Repeat(indent, h.Level-2) + bullet + " [" + escapeText(h.Text) + "](#" + h.ID + ")" + nl)
	}
	text = b.String()
	if !strings.HasSuffix(old, "\n") {
		text = strings.TrimSuffix(text, nl)
	}
	return start, end, text, true
}

// listStyle reads the bullet and the indentation step of a Markdown list.
func listStyle(list string) (bullet, indent string) {
	bullet, indent = "-", "  "
	for _, line := range strings.Split(list, "\n") {
		trimmed := strings.TrimLeft(line, " \t")
		if trimmed == "" {
			continue
		}
		lead := line[:len(line)-len(trimmed)]
		if c := trimmed[0]; c == '-' || c == '*' || c == '+' {
			if lead == "" {
				bullet = string(c)
			} else {
				indent = lead
				break
			}
		}
	}
	return bullet, indent
}

func escapeText(s string) string {
	return strings.NewReplacer("[", `\[`, "]", `\]`).Replace(s)
}

// newline is the line ending a file already uses, so new lines match it.
func newline(src []byte) string {
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}

func lineStart(src []byte, off int) int {
	for off > 0 && src[off-1] != '\n' {
		off--
	}
	return off
}

package html

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"docsite/internal/site"
)

// The llms.txt proposal (llmstxt.org) gives a site a Markdown index for
// language models: an H1 with the site's name, a blockquote summary, then
// sections of links. Here the links are the sidebar's tree, each to the
// page's Markdown copy, so a model reads Markdown, not the theme's HTML.

// LLMs is /llms.txt: the default language's tree, top-level folders as
// sections, then each other language's tree under its name.
func LLMs(s *site.Site) []byte {
	var b strings.Builder
	b.WriteString("# " + mdText(s.Title) + "\n\n")
	root := s.Nav[s.Config.Language]
	if root != nil {
		if d := Description(s, root.Page); d != "" {
			b.WriteString("> " + mdText(d) + "\n\n")
		}
		b.WriteString(mdLink(s, root) + "\n")
		for _, n := range root.Children {
			if len(n.Children) == 0 {
				b.WriteString(mdLink(s, n) + "\n")
			}
		}
		for _, n := range root.Children {
			if len(n.Children) > 0 {
				b.WriteString("\n## " + mdText(n.Title) + "\n\n")
				writeMDTree(&b, s, []*site.NavNode{n}, 0)
			}
		}
	}
	for _, lang := range s.Langs[1:] {
		if r := s.Nav[lang]; r != nil {
			b.WriteString("\n## " + mdText(UIFor(lang).LangName) + "\n\n")
			writeMDTree(&b, s, []*site.NavNode{r}, 0)
		}
	}
	return []byte(b.String())
}

func writeMDTree(b *strings.Builder, s *site.Site, nodes []*site.NavNode, depth int) {
	for _, n := range nodes {
		b.WriteString(strings.Repeat("  ", depth) + mdLink(s, n) + "\n")
		writeMDTree(b, s, n.Children, depth+1)
	}
}

// mdLink is a list item linking to a node's Markdown copy.
func mdLink(s *site.Site, n *site.NavNode) string {
	title := n.Title
	if n.Number != "" {
		title = n.Number + " " + title
	}
	return "- [" + mdText(title) + "](" + MarkdownURL(s, n.Page) + ")"
}

// MarkdownURL is the address of a page's Markdown copy: absolute when the
// base URL names a host, else from the site's root.
func MarkdownURL(s *site.Site, p *site.Page) string {
	return absURL(s, p.URL+"index.md")
}

// LLMsFull is /llms-full.txt: every page's Markdown in the order of the
// sidebar, default language first, each under its title and address.
func LLMsFull(s *site.Site) []byte {
	var b strings.Builder
	size := 0
	for _, p := range s.Pages {
		size += len(p.Source) + 256
	}
	b.Grow(size)
	b.WriteString("# " + mdText(s.Title) + "\n")
	for _, lang := range s.Langs {
		for _, n := range s.Flat(lang) {
			p := n.Page
			if _, ok := MarkdownFile(p); !ok || s.ByURL[p.URL] != p {
				continue
			}
			b.WriteString("\n---\n\n# " + mdText(p.Title) + "\n\nURL: " + absURL(s, p.URL) + "\n\n")
			b.Write(PageMarkdown(s, p))
		}
	}
	return []byte(b.String())
}

// PageMarkdown is the Markdown copy written beside a page's HTML: its
// source without front matter (as valid UTF-8), or for a generated folder
// page the list of what it holds.
func PageMarkdown(s *site.Site, p *site.Page) []byte {
	if p.Generated {
		var b strings.Builder
		b.WriteString("# " + mdText(p.Title) + "\n\n")
		if p.Nav != nil {
			for _, c := range p.Nav.Children {
				b.WriteString(mdLink(s, c) + "\n")
			}
		}
		return []byte(b.String())
	}
	src := bytes.TrimLeft(p.Source[min(p.BodyOffset, len(p.Source)):], "\n")
	if !utf8.Valid(src) {
		src = bytes.ToValidUTF8(src, []byte("\uFFFD"))
	}
	if len(src) > 0 && src[len(src)-1] != '\n' {
		src = append(src[:len(src):len(src)], '\n') // a copy: the page's source stays as it is
	}
	return src
}

// mdText makes a title or summary safe inside Markdown link text, a
// heading or a quote: one line, brackets and emphasis escaped, and "<"
// written as a character reference, so no title becomes raw HTML.
var mdEscaper = strings.NewReplacer("\\", "\\\\", "[", "\\[", "]", "\\]", "*", "\\*", "_", "\\_", "`", "\\`",
	"<", "&lt;", "\r", " ", "\n", " ")

func mdText(s string) string {
	return mdEscaper.Replace(strings.Join(strings.Fields(s), " "))
}

package site

import (
	"bytes"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"docsite/internal/diag"
)

// readFrontMatter splits the page's YAML front matter off its source, once,
// when the page is loaded: a first line of exactly "---", up to a line of
// "---" or "...". BodyOffset is where the Markdown starts; every later
// stage (the parse, the citation scan) begins there. Without a closing line
// there is no front matter, as on GitHub. A block that is not YAML is a
// page/front-matter finding on its line, and the page reads as if the
// block were text.
func (p *Page) readFrontMatter() {
	body, ok := frontMatterEnd(p.Source)
	if !ok {
		return
	}
	block := p.Source[firstLineEnd(p.Source):lineStartBefore(p.Source, body)]
	var m map[string]any
	if err := yaml.Unmarshal(block, &m); err != nil {
		line := 1
		if _, after, ok := strings.Cut(err.Error(), "line "); ok {
			var n int
			if _, e := fmt.Sscanf(after, "%d", &n); e == nil {
				line = n + 1 // yaml counts from the line after the opening ---
			}
		}
		d := diag.Diagnostic{File: p.Path, Line: line, Column: 1, EndLine: line, EndColumn: 1, Severity: diag.Warning,
			Rule: RulePageFrontMatter, Message: "front matter is not YAML, so the page shows it as text: " + err.Error()}
		p.Diags = append(p.Diags, d)
		return
	}
	p.BodyOffset = body
	p.applyMeta(m)
}

// frontMatterEnd is the offset after the closing line of a front matter
// block that opens src; false when src opens none.
func frontMatterEnd(src []byte) (int, bool) {
	first := firstLineEnd(src)
	if string(bytes.TrimRight(src[:first], " \t\r\n")) != "---" || first == len(src) {
		return 0, false
	}
	for off := first; off < len(src); {
		end := off + bytes.IndexByte(src[off:], '\n') + 1
		if end == off {
			end = len(src)
		}
		if t := string(bytes.TrimRight(src[off:end], " \t\r\n")); t == "---" || t == "..." {
			return end, true
		}
		off = end
	}
	return 0, false
}

// firstLineEnd is the offset after the first line and its newline.
func firstLineEnd(src []byte) int {
	if i := bytes.IndexByte(src, '\n'); i >= 0 {
		return i + 1
	}
	return len(src)
}

// lineStartBefore is the start of the line that ends at end.
func lineStartBefore(src []byte, end int) int {
	return bytes.LastIndexByte(src[:max(end-1, 0)], '\n') + 1
}

// applyMeta copies the front matter keys docsite understands into the page.
func (p *Page) applyMeta(m map[string]any) {
	if len(m) == 0 {
		return
	}
	p.Meta = m
	if t, ok := m["title"].(string); ok {
		p.Title = t
	}
	switch w := m["weight"].(type) {
	case int:
		p.Weight = w
	case uint64:
		p.Weight = int(w)
	case float64:
		p.Weight = int(w)
	}
	if d, ok := m["draft"].(bool); ok {
		p.Draft = d
	}
	if l, ok := m["lang"].(string); ok && l != "" {
		p.DocLang = l
	}
	if _, bad := m["title"]; bad && p.Title == "" {
		p.Diags = append(p.Diags, diag.Diagnostic{File: p.Path, Line: 1, Column: 1, EndLine: 1, EndColumn: 4, Severity: diag.Warning,
			Rule: RulePageFrontMatter, Message: fmt.Sprintf("front matter title is %T, not text", m["title"])})
	}
}

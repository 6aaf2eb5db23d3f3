package markdown

import (
	"fmt"

	"docsite/internal/site"
)

// applyMeta copies the front matter keys docsite understands into the page.
func applyMeta(p *site.Page, m map[string]any) {
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
		p.Diags = append(p.Diags, metaDiag(p, fmt.Sprintf("front matter title is %T, not text", m["title"])))
	}
}

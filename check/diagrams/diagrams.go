// Package diagrams reports the mermaid diagrams a reader would not see
// drawn: an unknown diagram type, or a flowchart or mindmap mermaid's
// grammar rejects. The parse found both; this package only words them.
package diagrams

import (
	"strings"
	"unicode/utf8"

	"docsite/internal/diag"
	"docsite/internal/mermaid"
	"docsite/internal/site"
)

// Check returns one finding per diagram that will not be drawn.
func Check(s *site.Site) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, p := range s.Pages {
		for _, d := range p.Diagrams {
			if kind, known := mermaid.DiagramType(d.Source); !known {
				f := diag.Diagnostic{File: p.Path, Severity: diag.Warning, Rule: RuleMermaidUnknownType, Target: kind,
					Message: "mermaid does not know the diagram type \"" + kind + "\"; the page shows the diagram's source instead"}
				p.Lines.Span(&f, d.Offset, d.Offset+len("```mermaid"))
				out = append(out, f)
				continue
			}
			if d.Err == nil {
				continue
			}
			f := diag.Diagnostic{File: p.Path, Severity: diag.Error, Rule: RuleMermaidParse,
				Target: errorLine(d.Source, d.Err.Line), Message: d.Err.Message}
			_, n := utf8.DecodeRune(p.Source[min(d.ErrOffset, len(p.Source)):])
			p.Lines.Span(&f, d.ErrOffset, d.ErrOffset+n)
			out = append(out, f)
		}
	}
	return out
}

// errorLine is the diagram's line n, trimmed: a target that survives
// edits elsewhere on the page, so a baseline keeps matching it.
func errorLine(src string, n int) string {
	lines := strings.Split(src, "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	t := strings.TrimSpace(lines[n-1])
	if len(t) > 80 {
		t = t[:80]
		for !utf8.ValidString(t) {
			t = t[:len(t)-1]
		}
	}
	return t
}

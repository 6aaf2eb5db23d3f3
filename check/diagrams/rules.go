package diagrams

import "docsite/internal/diag"

// The rules this package reports; check.Catalogue gathers them.
const (
	RuleMermaidUnknownType diag.RuleID = "mermaid/unknown-type"
	RuleMermaidParse       diag.RuleID = "mermaid/parse"
)

// Rules describes them.
var Rules = []diag.Rule{
	{ID: RuleMermaidUnknownType, Severity: diag.Warning, Short: "Mermaid diagram of an unknown type",
		Help: "The first word of the mermaid block is not a diagram type mermaid knows, so the page shows its source instead of a drawing. Check the spelling (graph, flowchart, sequenceDiagram, ...)."},
	{ID: RuleMermaidParse, Severity: diag.Error, Short: "Mermaid diagram that does not parse",
		Help: "mermaid would refuse this flowchart or mindmap (docsite parses both with mermaid's own grammar), so the page shows its source and the error instead of a drawing. Fix the diagram at the position given; a label with brackets or parentheses usually needs quotes: A[\"f(x)\"]."},
}

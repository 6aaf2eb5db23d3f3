package check

import "docsite/internal/diag"

// The rules this package reports itself; Catalogue gathers them with the rest.
const (
	RuleMermaidUnknownType diag.RuleID = "mermaid/unknown-type"
)

// Rules describes them.
var Rules = []diag.Rule{
	{ID: RuleMermaidUnknownType, Severity: diag.Warning, Short: "Mermaid diagram of an unknown type",
		Help: "The first word of the mermaid block is not a diagram type mermaid knows, so the browser shows an error. Check the spelling (graph, flowchart, sequenceDiagram, ...)."},
}

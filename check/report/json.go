package report

import (
	"bufio"
	"encoding/json"

	"docsite/internal/diag"
)

// The structs fix the key order of SPEC §9; encoding/json keeps field order.
type jsonReport struct {
	Version     int              `json:"version"`
	Summary     jsonSummary      `json:"summary"`
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
}

type jsonSummary struct {
	Files    int `json:"files"`
	Links    int `json:"links"`
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
}

type jsonDiagnostic struct {
	File       string `json:"file"`
	Line       int    `json:"line"`
	Column     int    `json:"column"`
	EndLine    int    `json:"endLine"`
	EndColumn  int    `json:"endColumn"`
	Severity   string `json:"severity"`
	Rule       string `json:"rule"`
	Message    string `json:"message"`
	Target     string `json:"target,omitempty"`
	Suggestion string `json:"suggestion,omitempty"`
}

func writeJSON(w *bufio.Writer, ds []diag.Diagnostic, sum Summary, _ *config) error {
	r := jsonReport{
		Version:     1,
		Summary:     jsonSummary(sum),
		Diagnostics: make([]jsonDiagnostic, 0, len(ds)), // [] rather than null when clean
	}
	for _, d := range ds {
		r.Diagnostics = append(r.Diagnostics, jsonDiagnostic{
			File: d.File, Line: d.Line, Column: d.Column, EndLine: d.EndLine, EndColumn: d.EndColumn,
			Severity: d.Severity.String(), Rule: string(d.Rule), Message: d.Message,
			Target: d.Target, Suggestion: d.Suggestion,
		})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // targets hold '&' and '<' often; keep them readable
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

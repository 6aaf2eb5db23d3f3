// Package diag holds the diagnostic every stage reports: a finding with the
// position in the author's file, a rule ID and a severity. Parsing, rendering
// and checking all speak this type, so reporters need to know only one.
package diag

import (
	"cmp"
	"slices"
)

// Severity orders findings; the zero value is Error so a forgotten field fails loudly.
type Severity int

const (
	Error Severity = iota
	Warning
	Off
)

func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Off:
		return "off"
	}
	return "error"
}

// ParseSeverity reads the config spelling of a severity.
func ParseSeverity(s string) (Severity, bool) {
	switch s {
	case "error":
		return Error, true
	case "warning", "warn":
		return Warning, true
	case "off", "ignore":
		return Off, true
	}
	return Error, false
}

// Diagnostic is one finding. File is relative to the content folder with '/';
// lines and columns start at 1 and columns count Unicode code points.
type Diagnostic struct {
	File       string
	Line       int
	Column     int
	EndLine    int
	EndColumn  int
	Severity   Severity
	Rule       RuleID
	Message    string
	Target     string
	Suggestion string
}

// Sort orders diagnostics by file, position, then rule, so reports are
// deterministic whatever order the workers found them in.
func Sort(ds []Diagnostic) {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Target, b.Target),
			cmp.Compare(a.Message, b.Message),
		)
	})
}

// Count returns the number of errors and warnings.
func Count(ds []Diagnostic) (errors, warnings int) {
	for _, d := range ds {
		switch d.Severity {
		case Error:
			errors++
		case Warning:
			warnings++
		}
	}
	return
}

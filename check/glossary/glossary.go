// Package glossary checks the glossary sources: a term defined twice with
// different expansions is an error at the second definition, naming the
// first, since tooltips would then disagree between pages.
package glossary

import (
	"fmt"

	"docsite/internal/diag"
	"docsite/internal/glossary"
)

// Check turns the conflicts glossary.New found into diagnostics. lines
// returns the line index of a source file (the page's diag.Lines); when it
// returns nil the diagnostic points at the file's first line.
func Check(conflicts []glossary.Conflict, lines func(file string) *diag.Lines) []diag.Diagnostic {
	if lines == nil {
		lines = func(string) *diag.Lines { return nil }
	}
	var ds []diag.Diagnostic
	for _, c := range conflicts {
		d := diag.Diagnostic{
			File:      c.Second.File,
			Line:      1,
			Column:    1,
			EndLine:   1,
			EndColumn: 1,
			Severity:  diag.Error,
			Rule:      RuleGlossaryConflict,
			Target:    c.Term,
			Message: fmt.Sprintf("%q is defined here as %q but as %q in %s", c.Term,
				c.Second.Expansion, c.First.Expansion, where(c.First, lines)),
			Suggestion: c.First.Expansion,
		}
		if l := lines(c.Second.File); l != nil {
			l.Span(&d, c.Second.Offset, c.Second.Offset+len(c.Second.Term))
		}
		ds = append(ds, d)
	}
	return ds
}

// where names an entry's file, with its line when known.
func where(e glossary.Entry, lines func(string) *diag.Lines) string {
	if l := lines(e.File); l != nil {
		line, _ := l.Position(e.Offset)
		return fmt.Sprintf("%s:%d", e.File, line)
	}
	return e.File
}

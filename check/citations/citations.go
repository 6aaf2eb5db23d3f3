// Package citations checks citation keys against their definitions: keys
// cited but defined nowhere, keys defined twice, definition lines a
// formatter mangled, page-local definitions that disagree with
// REFERENCES.md, and references no page cites. It reads sources and the
// citation index; it renders nothing.
package citations

import (
	"fmt"
	"path"
	"strings"

	"docsite/internal/citation"
	"docsite/internal/diag"
)

// File is one Markdown file of the content folder, page or references file.
type File struct {
	Path   string // relative to the content folder, with '/'
	Source []byte
	Body   int // where the Markdown starts, after the front matter
	// Uses are the citations in its prose (citation.Collect on its AST).
	Uses []citation.Use
	// References marks a references file (REFERENCES.md): its definitions
	// are the shared record rather than page-local ones.
	References bool
	// Lines maps offsets to positions; made from Source when nil.
	Lines *diag.Lines
	// Defs and Bad are the file's definitions when already read (DefsRead).
	Defs     []citation.Def
	Bad      []citation.Malformed
	DefsRead bool
}

// Check returns the citation findings of files, resolved through ix (built
// from the same files), in no particular order.
func Check(ix *citation.Index, files []File) []diag.Diagnostic {
	c := &checker{ix: ix, lines: map[string]*diag.Lines{}, cited: map[citation.DefID]bool{}, keys: map[string]citation.Def{}}
	for i := range files {
		f := &files[i]
		if f.Lines == nil {
			f.Lines = diag.NewLines(f.Source)
		}
		c.lines[f.Path] = f.Lines
	}
	for i := range files {
		c.file(&files[i])
	}
	c.unused()
	return c.out
}

type checker struct {
	ix    *citation.Index
	lines map[string]*diag.Lines
	cited map[citation.DefID]bool
	// keys maps a cited key to a definition it resolved to, to explain
	// an unused definition that another one shadows.
	keys map[string]citation.Def
	out  []diag.Diagnostic
}

func (c *checker) report(f *File, start, end int, sev diag.Severity, rule diag.RuleID, target, msg string) *diag.Diagnostic {
	d := diag.Diagnostic{File: f.Path, Severity: sev, Rule: rule, Target: target, Message: msg}
	f.Lines.Span(&d, start, end)
	c.out = append(c.out, d)
	return &c.out[len(c.out)-1]
}

// line is the 1-based line of a definition in its own file, for messages.
func (c *checker) line(d citation.Def) int {
	if l, ok := c.lines[d.File]; ok {
		n, _ := l.Position(d.Start)
		return n
	}
	return 0
}

func (c *checker) file(f *File) {
	defs, bad := f.Defs, f.Bad
	if !f.DefsRead {
		defs, bad = citation.ParseDefs(f.Source, f.Body)
	}
	defs = citation.Citations(defs, f.References)
	for _, m := range bad {
		c.malformed(f, m)
	}
	first := map[string]citation.Def{}
	for _, d := range defs {
		d.File = f.Path
		if prev, dup := first[d.Key]; dup {
			c.report(f, d.Start, d.End, diag.Error, RuleCitationDuplicate, d.Key,
				fmt.Sprintf("[%s] is defined twice in this file (first on line %d); keep one definition", d.Key, c.line(prev)))
			continue
		}
		first[d.Key] = d
		if f.References {
			c.shadows(f, d)
		} else {
			c.conflict(f, d)
		}
	}
	for _, u := range f.Uses {
		c.use(f, u, first)
	}
}

func (c *checker) malformed(f *File, m citation.Malformed) {
	keys := make([]string, len(m.Defs))
	for i, d := range m.Defs {
		keys[i] = "[" + d.Key + "]"
	}
	var what []string
	if m.SharedLine {
		what = append(what, "several definitions share a line")
	}
	if m.Broken {
		what = append(what, "a definition is broken over lines")
	}
	target := ""
	if len(m.Defs) > 0 {
		target = m.Defs[0].Key
	}
	c.report(f, m.Start, m.End, diag.Error, RuleCitationMalformed, target,
		fmt.Sprintf("malformed citation definitions %s: %s; put each on a line of its own (docsite fix does)",
			strings.Join(keys, " "), strings.Join(what, " and ")))
}

// shadows reports a key that a references file defines with another URL
// than a references file above it: pages below see one source, pages
// elsewhere the other.
func (c *checker) shadows(f *File, d citation.Def) {
	dir := path.Dir(f.Path)
	for _, other := range c.ix.Chain(f.Path) {
		if path.Dir(other) == dir {
			continue
		}
		od, ok := c.ix.Lookup(other, d.Key)
		if !ok {
			continue
		}
		if od.URL != d.URL {
			c.report(f, d.Start, d.End, diag.Error, RuleCitationDuplicate, d.Key,
				fmt.Sprintf("[%s] is also defined in %s (line %d) with another URL (%s); pages under %s/ get this one, other pages that one",
					d.Key, other, c.line(od), od.URL, dir))
		}
		return
	}
}

// conflict reports a page-local definition that REFERENCES.md lacks or
// defines differently.
func (c *checker) conflict(f *File, d citation.Def) {
	sd, ok := c.ix.Shared(f.Path, d.Key)
	if !ok {
		where := "REFERENCES.md"
		if chain := c.ix.Chain(f.Path); len(chain) > 0 {
			where = chain[0]
		}
		c.report(f, d.Start, d.End, diag.Warning, RuleCitationConflict, d.Key,
			fmt.Sprintf("[%s] is defined on this page but not in %s; move the definition there", d.Key, where))
		return
	}
	switch {
	case sd.URL != d.URL:
		c.report(f, d.Start, d.End, diag.Warning, RuleCitationConflict, d.Key,
			fmt.Sprintf("[%s] points to %s here but to %s in %s (line %d), which wins; make the two agree",
				d.Key, d.URL, sd.URL, sd.File, c.line(sd)))
	case normTitle(sd.Title) != normTitle(d.Title):
		c.report(f, d.Start, d.End, diag.Warning, RuleCitationConflict, d.Key,
			fmt.Sprintf("[%s] is titled %q here but %q in %s (line %d), which wins; make the two agree",
				d.Key, d.Title, sd.Title, sd.File, c.line(sd)))
	}
}

func normTitle(s string) string { return strings.Join(strings.Fields(s), " ") }

func (c *checker) use(f *File, u citation.Use, local map[string]citation.Def) {
	if d, ok := c.ix.Resolve(f.Path, u.Key); ok {
		c.cited[d.ID()] = true
		c.keys[u.Key] = d
		return
	}
	if _, ok := local[u.Key]; ok {
		return
	}
	if !citation.Shaped(u.Key) {
		return
	}
	cands := c.ix.Visible(f.Path)
	for k := range local {
		cands = append(cands, k)
	}
	if len(cands) == 0 {
		cands = c.ix.Keys()
	}
	msg := fmt.Sprintf("[%s] is defined neither on this page nor in REFERENCES.md", u.Key)
	sug := Nearest(u.Key, cands)
	if sug != "" {
		msg += "; did you mean [" + sug + "]?"
	}
	c.report(f, u.Start, u.End, diag.Error, RuleCitationUndefined, u.Key, msg).Suggestion = sug
}

// unused reports definitions in references files that no page cites.
func (c *checker) unused() {
	for _, file := range c.ix.Files() {
		l, ok := c.lines[file]
		if !ok {
			continue
		}
		for _, d := range c.ix.Defs(file) {
			if c.cited[d.ID()] {
				continue
			}
			msg := fmt.Sprintf("[%s] is cited by no page; remove it or cite it where it belongs", d.Key)
			if other, ok := c.keys[d.Key]; ok {
				msg = fmt.Sprintf("[%s] is cited by no page that sees this definition: the pages citing it get the one in %s", d.Key, other.File)
			}
			diagn := diag.Diagnostic{File: file, Severity: diag.Warning, Rule: RuleCitationUnused, Target: d.Key, Message: msg}
			l.Span(&diagn, d.Start, d.End)
			c.out = append(c.out, diagn)
		}
	}
}

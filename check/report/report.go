// Package report prints the findings of docsite check in the four formats
// the command offers: text for people, json for scripts, github for
// pull-request annotations and sarif for code scanning.
package report

import (
	"bufio"
	"fmt"
	"io"
	"path"
	"slices"

	"docsite/internal/diag"
)

// Summary counts what the check covered and found.
type Summary struct {
	Files    int
	Links    int
	Errors   int
	Warnings int
}

// Formats lists the names Write accepts, for usage messages.
var Formats = []string{"text", "json", "github", "sarif"}

// Option changes how Write prints.
type Option func(*config)

type config struct {
	source  func(file string) []byte
	lines   func(file string) *diag.Lines
	color   bool
	prefix  string
	version string
	infoURI string
	rules   []diag.Rule
}

// WithRules gives SARIF the catalogue of rules to describe (check.Catalogue).
func WithRules(rules []diag.Rule) Option {
	return func(c *config) { c.rules = rules }
}

// WithSource gives the text format each file's bytes so it can show the line
// a finding is on. The function may return nil for a file it cannot read.
func WithSource(f func(file string) []byte) Option {
	return func(c *config) { c.source = f }
}

// WithLines gives the text format each file's line index, when the caller
// has one already (a loaded page's), so that the report does not index
// every file again. The function may return nil; the index is then made.
func WithLines(f func(file string) *diag.Lines) Option {
	return func(c *config) { c.lines = f }
}

// WithColor turns on ANSI colour in the text format. The caller decides,
// usually with ColorAllowed.
func WithColor(on bool) Option {
	return func(c *config) { c.color = on }
}

// WithPathPrefix is prepended to every file path in the github and sarif
// formats, which need paths relative to the repository root rather than to
// the content folder (for example "content").
func WithPathPrefix(prefix string) Option {
	return func(c *config) { c.prefix = prefix }
}

// WithToolVersion sets the version SARIF reports for docsite.
func WithToolVersion(v string) Option {
	return func(c *config) { c.version = v }
}

// WithToolURI sets the informationUri SARIF reports for docsite.
func WithToolURI(uri string) Option {
	return func(c *config) { c.infoURI = uri }
}

// Write prints ds in the named format. Findings are printed in the order of
// diag.Sort whatever order they come in; findings with severity Off are left
// out. ds itself is not changed.
func Write(w io.Writer, format string, ds []diag.Diagnostic, sum Summary, opts ...Option) error {
	cfg := config{version: "dev"}
	for _, o := range opts {
		o(&cfg)
	}
	var write func(*bufio.Writer, []diag.Diagnostic, Summary, *config) error
	switch format {
	case "text":
		write = writeText
	case "json":
		write = writeJSON
	case "github":
		write = writeGitHub
	case "sarif":
		write = writeSARIF
	default:
		return fmt.Errorf("unknown format %q (want one of text, json, github, sarif)", format)
	}
	ds = slices.DeleteFunc(slices.Clone(ds), func(d diag.Diagnostic) bool { return d.Severity == diag.Off })
	diag.Sort(ds)
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := write(bw, ds, sum, &cfg); err != nil {
		return err
	}
	return bw.Flush()
}

// repoPath is a finding's file as seen from the repository root.
func (c *config) repoPath(file string) string {
	if c.prefix == "" {
		return file
	}
	return path.Join(c.prefix, file)
}

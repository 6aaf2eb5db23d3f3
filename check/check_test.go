package check_test

import (
	"docsite/internal/sitetest"

	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"docsite/check"
	"docsite/check/report"
	"docsite/internal/config"
	"docsite/internal/diag"
	"docsite/internal/site"
	"docsite/render/build"
)

const corpus = "testdata/corpus"

// load reads a content folder through the real pipeline, exactly as
// docsite check does: one parse per page into the model, no rendering.
func load(t *testing.T, dir string) *site.Site {
	t.Helper()
	pl, err := build.NewPipeline(build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := pl.Model(build.Options{Content: dir, Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// finding is what the tests pin down of a diagnostic.
type finding struct {
	File       string
	Line, Col  int
	Rule       string
	Target     string
	Suggestion string
}

func (f finding) String() string {
	s := fmt.Sprintf("%s:%d:%d %s %q", f.File, f.Line, f.Col, f.Rule, f.Target)
	if f.Suggestion != "" {
		s += " → " + f.Suggestion
	}
	return s
}

func findings(ds []diag.Diagnostic) []finding {
	out := make([]finding, 0, len(ds))
	for _, d := range ds {
		out = append(out, finding{d.File, d.Line, d.Column, string(d.Rule), d.Target, d.Suggestion})
	}
	return out
}

// sameFindings reports the difference between two sets of findings.
func sameFindings(t *testing.T, got, want []finding) {
	t.Helper()
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing:    %v", w)
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			t.Errorf("unexpected: %v", g)
		}
	}
}

// corpusWant is every finding in testdata/corpus, and nothing else: each
// page holds known-good links next to the broken ones, and traps.md holds
// link-shaped text in code, comments, diagrams and YAML that is no link.
var corpusWant = []finding{
	// heading/duplicate-id: explicit ids that collide, with a heading slug
	// or with each other, whichever comes first.
	{"01-basics/ids.md", 5, 1, "heading/duplicate-id", "#intro", ""},
	{"01-basics/ids.md", 9, 8, "heading/duplicate-id", "#setup", ""},
	{"01-basics/ids.md", 12, 11, "heading/duplicate-id", "#once", ""},
	{"01-basics/ids.md", 14, 25, "heading/duplicate-id", "#n1", ""},

	// Inline links with titles; a renumbered heading; a moved file.
	{"01-basics/links.md", 6, 6, "link/missing-anchor", "anchors.md#131-核心理念演进", "anchors.md#121-核心理念演进"},
	{"01-basics/links.md", 6, 51, "link/missing-file", "guide.md#usage", "../02-moved/guide.md#usage"},
	// Columns count code points, not bytes.
	{"01-basics/links.md", 7, 9, "link/missing-file", "nowhere.md", ""},

	// Reference-style links report at the use, not the definition.
	{"01-basics/links.md", 12, 6, "link/missing-anchor", "anchors.md#示例-2", "anchors.md#示例-1"},
	{"01-basics/links.md", 12, 59, "link/missing-image", "../assets/pic.jpg", "../assets/pic.png"},

	// Angle brackets, percent-encoded fragments, emoji headings.
	{"01-basics/links.md", 24, 6, "link/missing-file", "../c d.md", "../a b.md"},
	// The suggestion is a guess: any two-character slug is within the
	// distance allowed for a one-character fragment.
	{"01-basics/links.md", 24, 28, "link/missing-anchor", "anchors.md#%E6%97%A0", "anchors.md#标题"},
	{"01-basics/links.md", 24, 61, "link/missing-anchor", "anchors.md#目录", "anchors.md#-目录"},

	// The same page.
	{"01-basics/links.md", 28, 46, "link/missing-anchor", "#nope", ""},

	// Tables.
	{"01-basics/links.md", 34, 30, "link/missing-anchor", "anchors.md#hello-world-1", "anchors.md#hello-world"},
	{"01-basics/links.md", 35, 37, "link/missing-image", "../assets/diagram.png", "../assets/diagram.svg"},

	// Lists: a folder renumbered from 02- to 03-.
	{"01-basics/links.md", 41, 6, "link/missing-file", "../02-principles/principles.md", "../03-principles/principles.md"},

	// Footnotes.
	{"01-basics/links.md", 49, 13, "link/missing-anchor", "anchors.md#emoji-rocket", "anchors.md#emoji--rocket"},

	// Blockquotes, nested.
	{"01-basics/links.md", 55, 13, "link/missing-anchor", "../03-principles/principles.md#how", ""},

	// Raw HTML: the position is the attribute value's.
	{"01-basics/links.md", 62, 17, "link/missing-file", "missing.md", ""},
	{"01-basics/links.md", 62, 55, "link/missing-image", "../assets/nope.png", ""},

	// Case, outside, folders.
	{"01-basics/links.md", 66, 1, "link/case-mismatch", "../docs/setup-guide.md", "../docs/Setup-Guide.md"},
	{"01-basics/links.md", 66, 32, "link/case-mismatch", "../Docs/Setup-Guide.md#install", "../docs/Setup-Guide.md#install"},
	{"01-basics/links.md", 67, 1, "link/outside-content", "../../outside.md", ""},
	{"01-basics/links.md", 67, 29, "link/outside-content", "../../../etc/passwd", ""},
	{"01-basics/links.md", 68, 1, "link/folder-without-page", "../empty/", ""},
	{"01-basics/links.md", 68, 25, "link/folder-without-page", "../empty", ""},
	{"01-basics/links.md", 69, 62, "link/missing-anchor", "../02-moved/README.md#nope", ""},

	// A link whose text wraps is reported where it starts.
	{"01-basics/links.md", 77, 19, "link/missing-anchor", "anchors.md#not-there", ""},
}

func TestCorpus(t *testing.T) {
	s := load(t, corpus)
	ds := check.Run(s, linkConfig())
	sameFindings(t, findings(ds), corpusWant)

	for _, d := range ds {
		if d.Severity != diag.Error {
			t.Errorf("%s:%d: %s has severity %v, want error by default", d.File, d.Line, d.Rule, d.Severity)
		}
		if d.EndLine < d.Line || (d.EndLine == d.Line && d.EndColumn < d.Column) {
			t.Errorf("%s:%d:%d: span ends before it starts (%d:%d)", d.File, d.Line, d.Column, d.EndLine, d.EndColumn)
		}
		if d.Message == "" {
			t.Errorf("%s:%d:%d: %s has no message", d.File, d.Line, d.Column, d.Rule)
		}
	}

	// Every rule of issue 3 that a zero-configuration site can break is
	// exercised, so the corpus cannot quietly stop covering one.
	for _, rule := range []string{
		"link/missing-file", "link/missing-anchor", "link/missing-image", "link/case-mismatch",
		"link/outside-content", "link/folder-without-page", "heading/duplicate-id",
	} {
		if !slices.ContainsFunc(ds, func(d diag.Diagnostic) bool { return string(d.Rule) == rule }) {
			t.Errorf("the corpus has no finding of %s", rule)
		}
	}
}

// TestTrapsAreNoLinks pins the traps down at the model: not one link is
// recorded on the page, so no rule, present or future, can report one.
func TestTrapsAreNoLinks(t *testing.T) {
	s := load(t, corpus)
	p := s.ByPath["01-basics/traps.md"]
	if p == nil {
		t.Fatal("traps.md not loaded")
	}
	for _, l := range p.Links {
		line, col := p.Lines.Position(l.Start)
		t.Errorf("traps.md:%d:%d: %q recorded as a link", line, col, l.Dest)
	}
}

// TestCorpusAnchors checks the anchors the corpus relies on, so a failure in
// TestCorpus can be told apart from a slug that changed.
func TestCorpusAnchors(t *testing.T) {
	s := load(t, corpus)
	p := s.ByPath["01-basics/anchors.md"]
	want := []string{
		"1-锚点", "-目录", "12-技术层次划分", "121-核心理念演进", "标题", "示例", "示例-1",
		"hello-world", "emoji--rocket", "custom-anchor", "legacy-name", "html-heading", "中文锚点",
	}
	for _, id := range want {
		if _, ok := p.Anchors[id]; !ok {
			t.Errorf("anchors.md has no anchor %q", id)
		}
	}
	if len(p.Anchors) != len(want) {
		var got []string
		for id := range p.Anchors {
			got = append(got, id)
		}
		slices.Sort(got)
		t.Errorf("anchors.md has %d anchors %q, want %d", len(got), got, len(want))
	}
}

// TestGolden prints the corpus's findings in every format and compares them
// with testdata/golden; run with -update after a deliberate change.
func TestGolden(t *testing.T) {
	s := load(t, corpus)
	ds := check.Run(s, linkConfig())
	sum := check.Summary(s, ds)
	for _, format := range report.Formats {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			err := report.Write(&buf, format, ds, sum, report.WithRules(check.Catalogue()),
				report.WithToolVersion("test"),
				report.WithPathPrefix("content"),
				report.WithSource(func(file string) []byte {
					if p := s.ByPath[file]; p != nil {
						return p.Source
					}
					return nil
				}))
			if err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", "golden", "corpus."+format+".golden"), buf.Bytes())
		})
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	sitetest.Golden(t, path, got)
}

// TestRunConfig applies docsite.yaml: severities per rule and ignore globs.
func TestRunConfig(t *testing.T) {
	s := load(t, corpus)
	cfg, err := config.Parse("docsite.yaml", []byte(`
rules:
  link/missing-anchor: warning
  link/case-mismatch: off
  numbering/heading: off
  citation/conflict: off
ignore:
  files: ["01-basics/ids.md"]
  targets: ["../../*", "../empty*"]
`))
	if err != nil {
		t.Fatal(err)
	}
	ds := check.Run(s, cfg)
	count := map[diag.RuleID]map[diag.Severity]int{}
	for _, d := range ds {
		if count[d.Rule] == nil {
			count[d.Rule] = map[diag.Severity]int{}
		}
		count[d.Rule][d.Severity]++
	}
	want := map[string]map[diag.Severity]int{
		"link/missing-anchor": {diag.Warning: 10},
		"link/missing-file":   {diag.Error: 5},
		"link/missing-image":  {diag.Error: 3},
	}
	if fmt.Sprint(count) != fmt.Sprint(want) {
		t.Errorf("findings by rule and severity:\n got %v\nwant %v", count, want)
	}
	sum := check.Summary(s, ds)
	if sum.Errors != 8 || sum.Warnings != 10 {
		t.Errorf("summary counts %d errors, %d warnings; want 8, 10", sum.Errors, sum.Warnings)
	}
}

// TestHeadingContents: a heading is no place for the checker to stop
// looking. GitHub READMEs often anchor a heading with raw HTML
// (## <a name="x"></a>Title) and link from a heading to another page.
func TestHeadingContents(t *testing.T) {
	dir := sitetest.Tree(t, `
-- README.md --
# Home

## <a name="setup-anchor"></a>Install

## See [the guide](nope.md)

Go to [install](#setup-anchor).
`)
	ds := check.Run(load(t, dir), linkConfig())
	want := []finding{{"README.md", 5, 8, "link/missing-file", "nope.md", ""}}
	if got := findings(ds); !slices.Equal(got, want) {
		t.Error("BUG(render/markdown/extract.go): heading children are skipped, so links and raw-HTML anchors inside headings are lost: got", got, "want", want)
	}
}

// TestRawHTMLPositions: a raw-HTML finding is at the attribute value, even
// when the value's text also occurs earlier in the tag, or is written with
// an entity.
func TestRawHTMLPositions(t *testing.T) {
	// line 3: src value at column 23; line 5: value at column 10; line 7:
	// the second value at column 30.
	dir := sitetest.Tree(t, `
-- README.md --
# Home

<img alt="x.png" src="x.png">

<a href="a&amp;b.md">amp</a>

<div id="div"></div><div id="div"></div>
`)
	ds := check.Run(load(t, dir), linkConfig())
	want := []finding{
		{"README.md", 3, 23, "link/missing-image", "x.png", ""},
		{"README.md", 5, 10, "link/missing-file", "a&b.md", ""},
		{"README.md", 7, 30, "heading/duplicate-id", "#div", ""},
	}
	got := findings(ds)
	if !slices.Equal(got, want) {
		t.Error("BUG(render/markdown/rawhtml.go scanHTML): the value's offset is bytes.Index(raw, value), which finds earlier text in the tag and misses entity-decoded values: got", got, "want", want)
	}
}

// TestSuggestions covers the suggestion rules on their own: a moved file is
// found by name wherever it went, preferring the folder that shares most
// with the path written; a renumbered heading by its text.
func TestSuggestions(t *testing.T) {
	dir := sitetest.Tree(t, `
-- README.md --
# Home
-- 01-core/README.md --
# Core

[a](../02-guide/install.md#31-下载)
[b](install.md)
[c](../01-core/intro.md#1-引言)
-- 03-guide/install.md --
# Install

## 3.2 下载
-- archive/03-guide/old/install.md --
# Old install
-- 01-core/intro.md --
# 1. 引言

## 2. 引言
-- 01-core/notes/unrelated-name.md --
# Unrelated
`)
	ds := check.Run(load(t, dir), linkConfig())
	want := []finding{
		// The folder 02-guide became 03-guide; the archive copy shares less.
		{"01-core/README.md", 3, 1, "link/missing-file", "../02-guide/install.md#31-下载", "../03-guide/install.md#31-下载"},
		{"01-core/README.md", 4, 1, "link/missing-file", "install.md", "../03-guide/install.md"},
	}
	sameFindings(t, findings(ds), want)
}

// TestLinkToDraft: a draft page is not published (without --drafts), so a
// link to it is broken on the site and the checker must say so.
func TestLinkToDraft(t *testing.T) {
	dir := sitetest.Tree(t, `
-- README.md --
# Home

[draft](wip.md#x)
-- wip.md --
---
draft: true
---
# WIP
`)
	ds := check.Run(load(t, dir), linkConfig())
	if !slices.ContainsFunc(ds, func(d diag.Diagnostic) bool {
		return d.File == "README.md" && d.Line == 3 && d.Column == 1 && strings.HasPrefix(string(d.Rule), "link/") && d.Target == "wip.md#x"
	}) {
		t.Error("BUG(render/site/resolve.go Resolve): a link to a draft page resolves as a copied file (Exists is true, ByPath no longer has it), so check reports nothing, and build links to /wip/, which is not published: got", findings(ds))
	}
}

// linkConfig turns off the rules of other packages (numbering, citations,
// translations), which have fixtures of their own, so these fixtures test
// the link rules alone.
func linkConfig() *config.Config {
	cfg := config.Default()
	cfg.Rules = map[string]string{}
	for _, r := range []string{"numbering/title", "numbering/heading", "toc/out-of-sync", "citation/undefined", "citation/duplicate",
		"citation/malformed", "citation/unused", "citation/conflict", "translation/out-of-sync", "translation/cross-link"} {
		cfg.Rules[r] = "off"
	}
	// Opt-in (off by default): the corpus still pins where it fires.
	cfg.Rules["link/folder-without-page"] = "error"
	return cfg
}

// TestFolderLinksWork: a link to a folder that exists is no finding by
// default (GitHub lists the folder, the site shows its generated index);
// docsite.yaml can ask for the opt-in rule.
func TestFolderLinksWork(t *testing.T) {
	s := load(t, corpus)
	for _, d := range check.Run(s, config.Default()) {
		if d.Rule == "link/folder-without-page" {
			t.Errorf("folder link reported by default: %+v", d)
		}
	}
	cfg := config.Default()
	cfg.Rules = map[string]string{"link/folder-without-page": "warning"}
	n := 0
	for _, d := range check.Run(s, cfg) {
		if d.Rule == "link/folder-without-page" {
			n++
			if d.Severity != diag.Warning {
				t.Errorf("opted in as warning, got %v", d.Severity)
			}
		}
	}
	if n != 2 {
		t.Errorf("opted in: want the corpus's 2 folder links, got %d", n)
	}
	p := s.ByPath["01-basics/links.md"]
	if u, ok := s.LinkURL(p, "../empty/"); !ok || u != "/empty/" {
		t.Errorf("a folder link goes to the folder's generated index, got %q %v", u, ok)
	}
}

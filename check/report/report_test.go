package report

import (
	"docsite/internal/sitetest"

	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"docsite/internal/diag"
)

// sources are the files the fixture diagnostics point into.
var sources = map[string]string{
	"docs/中文/页面.md": "# 标题\n\n参见[安装指南](../安装.md#第一步)了解详情。\n表格：| 名称 | [链接](x.md) |\n",
	"crlf.md":       "line one\r\nsee [here](missing.md) now\r\n\r\n",
	"a.md":          "[start](nope.md) of file\n\tindented [x](y.md#z)\nemoji 🎉 [party](p.md)\n[multi\nline](m.md)\n",
}

func fixture() []diag.Diagnostic {
	return []diag.Diagnostic{
		// Given out of order: Write sorts.
		{File: "docs/中文/页面.md", Line: 3, Column: 3, EndLine: 3, EndColumn: 23, Severity: diag.Error,
			Rule: "link/missing-anchor", Message: "没有标题 “第一步” in 安装.md",
			Target: "../安装.md#第一步", Suggestion: "../安装.md#1-第一步"},
		{File: "docs/中文/页面.md", Line: 4, Column: 11, EndLine: 4, EndColumn: 21, Severity: diag.Warning,
			Rule: "link/case-mismatch", Message: "x.md is named X.md", Target: "x.md", Suggestion: "X.md"},
		{File: "crlf.md", Line: 2, Column: 5, EndLine: 2, EndColumn: 23, Severity: diag.Error,
			Rule: "link/missing-file", Message: "no file missing.md", Target: "missing.md"},
		{File: "a.md", Line: 1, Column: 1, EndLine: 1, EndColumn: 17, Severity: diag.Error,
			Rule: "link/missing-file", Message: "no file nope.md", Target: "nope.md", Suggestion: "note.md"},
		{File: "a.md", Line: 2, Column: 11, EndLine: 2, EndColumn: 80, Severity: diag.Error,
			Rule: "link/missing-anchor", Message: "end column past the line: 100% sure, really: yes\nsecond line",
			Target: "y.md#z"},
		{File: "a.md", Line: 3, Column: 9, EndLine: 3, EndColumn: 22, Severity: diag.Warning,
			Rule: "link/missing-file", Message: "after an emoji", Target: "p.md"},
		{File: "a.md", Line: 4, Column: 1, EndLine: 5, EndColumn: 12, Severity: diag.Error,
			Rule: "link/missing-file", Message: "a link over two lines", Target: "m.md"},
		{File: "a.md", Line: 9, Column: 1, EndLine: 9, EndColumn: 2, Severity: diag.Error,
			Rule: "math/parse", Message: "line past the end of the file"},
		{File: "orphan,page:1.md", Severity: diag.Warning, Rule: "page/orphan", Message: "no page links here"},
		{File: "a.md", Line: 1, Column: 1, Severity: diag.Off, Rule: "link/missing-file", Message: "switched off"},
		{File: "a.md", Line: 1, Column: 3, EndLine: 1, EndColumn: 3, Severity: diag.Warning,
			Rule: "future/rule", Message: "a rule the catalogue does not know yet"},
	}
}

var fixtureSummary = Summary{Files: 4, Links: 9, Errors: 6, Warnings: 4}

func source(file string) []byte {
	if s, ok := sources[file]; ok {
		return []byte(s)
	}
	return nil
}

// testRules stands for the checker's catalogue (check.Catalogue, which this
// package cannot import): SARIF describes each rule it is given.
var testRules = []diag.Rule{
	{ID: "link/missing-file", Severity: diag.Error, Short: "Link to a file that does not exist", Help: "Point the link at the file's new path."},
	{ID: "link/missing-anchor", Severity: diag.Error, Short: "Link to a heading that does not exist", Help: "Link to the heading's current slug."},
	{ID: "link/case-mismatch", Severity: diag.Error, Short: "Link that works only on a case-insensitive disk", Help: "Write the name as the file is named."},
	{ID: "math/parse", Severity: diag.Error, Short: "Formula that does not parse", Help: "Fix the TeX; the message gives the error."},
	{ID: "page/orphan", Severity: diag.Warning, Short: "Page no link reaches", Help: "Link to it or remove it."},
}

func TestGolden(t *testing.T) {
	opts := []Option{WithSource(source), WithPathPrefix("content"), WithToolVersion("1.2.3"), WithRules(testRules)}
	cases := []struct {
		name   string
		format string
		ds     []diag.Diagnostic
		sum    Summary
		opts   []Option
	}{
		{"mixed.text", "text", fixture(), fixtureSummary, opts},
		{"mixed.color.text", "text", fixture(), fixtureSummary, append(opts, WithColor(true))},
		{"mixed.json", "json", fixture(), fixtureSummary, opts},
		{"mixed.github", "github", fixture(), fixtureSummary, opts},
		{"mixed.sarif", "sarif", fixture(), fixtureSummary, opts},
		{"empty.text", "text", nil, Summary{Files: 3}, opts},
		{"empty.json", "json", nil, Summary{Files: 3}, opts},
		{"empty.github", "github", nil, Summary{Files: 3}, opts},
		{"empty.sarif", "sarif", nil, Summary{Files: 3}, opts},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, c.format, c.ds, c.sum, c.opts...); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", c.name+".golden"), buf.Bytes())
		})
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	sitetest.Golden(t, path, got)
}

func TestUnknownFormat(t *testing.T) {
	var buf bytes.Buffer
	err := Write(&buf, "xml", fixture(), fixtureSummary)
	if err == nil || !strings.Contains(err.Error(), `"xml"`) {
		t.Fatalf("err = %v, want an error naming the format", err)
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %q for an unknown format", buf.String())
	}
}

func TestWriteDoesNotReorderInput(t *testing.T) {
	ds := fixture()
	first := ds[0]
	if err := Write(&bytes.Buffer{}, "json", ds, fixtureSummary); err != nil {
		t.Fatal(err)
	}
	if ds[0] != first || len(ds) != len(fixture()) {
		t.Error("Write changed the caller's slice")
	}
}

// TestJSONSchema checks the shape of SPEC §9 by decoding, and the key order
// by position in the raw output.
func TestJSONSchema(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, "json", fixture(), fixtureSummary); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Version     int
		Summary     map[string]int
		Diagnostics []map[string]any
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Version != 1 || got.Summary["files"] != 4 || got.Summary["links"] != 9 ||
		got.Summary["errors"] != 6 || got.Summary["warnings"] != 4 {
		t.Errorf("header = %d %v", got.Version, got.Summary)
	}
	if len(got.Diagnostics) != len(fixture())-1 {
		t.Errorf("%d diagnostics, want %d (the Off one left out)", len(got.Diagnostics), len(fixture())-1)
	}
	for _, d := range got.Diagnostics {
		if _, ok := d["target"]; ok && d["target"] == "" {
			t.Errorf("empty target written: %v", d)
		}
	}
	// Key order: each object's keys appear in the order of the spec.
	raw := buf.String()
	order := []string{`"version"`, `"summary"`, `"files"`, `"links"`, `"errors"`, `"warnings"`, `"diagnostics"`,
		`"file"`, `"line"`, `"column"`, `"endLine"`, `"endColumn"`, `"severity"`, `"rule"`, `"message"`, `"target"`, `"suggestion"`}
	at := 0
	for _, k := range order {
		i := strings.Index(raw[at:], k)
		if i < 0 {
			t.Fatalf("key %s missing or out of order", k)
		}
		at += i
	}
	if strings.Contains(raw, `\u003c`) || strings.Contains(raw, `\u0026`) {
		t.Error("HTML escaping in JSON output")
	}

	buf.Reset()
	if err := Write(&buf, "json", nil, Summary{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"diagnostics": []`) {
		t.Errorf("empty report has no empty array:\n%s", buf.String())
	}
}

func TestGitHubEscaping(t *testing.T) {
	d := diag.Diagnostic{File: "a,b:c%.md", Line: 2, Column: 3, EndLine: 2, EndColumn: 7,
		Rule: "x/y", Message: "50% off\r\nnext: a,b", Suggestion: "z.md"}
	var buf bytes.Buffer
	if err := Write(&buf, "github", []diag.Diagnostic{d}, Summary{}, WithPathPrefix("./content/")); err != nil {
		t.Fatal(err)
	}
	want := "::error file=content/a%2Cb%3Ac%25.md,line=2,col=3,endLine=2,endColumn=7,title=x/y::50%25 off%0D%0Anext: a,b%0Asuggestion: z.md\n"
	if buf.String() != want {
		t.Errorf("got  %q\nwant %q", buf.String(), want)
	}
}

func TestGitHubPositions(t *testing.T) {
	cases := []struct {
		d    diag.Diagnostic
		want string
	}{
		{diag.Diagnostic{File: "f.md", Line: 3, Column: 2, EndLine: 5, EndColumn: 1, Severity: diag.Warning, Rule: "r", Message: "m"},
			"::warning file=f.md,line=3,endLine=5,title=r::m\n"},
		{diag.Diagnostic{File: "f.md", Line: 3, Column: 2, EndLine: 3, EndColumn: 2, Rule: "r", Message: "m"},
			"::error file=f.md,line=3,col=2,title=r::m\n"},
		{diag.Diagnostic{File: "f.md", Rule: "r", Message: "m"},
			"::error file=f.md,title=r::m\n"},
	}
	for _, c := range cases {
		var buf bytes.Buffer
		if err := Write(&buf, "github", []diag.Diagnostic{c.d}, Summary{}); err != nil {
			t.Fatal(err)
		}
		if buf.String() != c.want {
			t.Errorf("got  %q\nwant %q", buf.String(), c.want)
		}
	}
}

func TestColorOnlyWhenAsked(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, "text", fixture(), fixtureSummary, WithSource(source)); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "\x1b") {
		t.Error("escape sequence without WithColor")
	}
}

func TestColorAllowed(t *testing.T) {
	t.Setenv("NO_COLOR", "x")
	os.Unsetenv("NO_COLOR") // t.Setenv restores the caller's value afterwards
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if ColorAllowed(f) {
		t.Error("colour allowed on a regular file")
	}
	if null, err := os.Open(os.DevNull); err == nil {
		defer null.Close()
		if ColorAllowed(null) {
			t.Error("colour allowed on " + os.DevNull)
		}
	}
	if ColorAllowed(nil) {
		t.Error("colour allowed on nil")
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if ColorAllowed(w) {
		t.Error("colour allowed on a pipe")
	}
}

// BenchmarkWrite prints 3,000 findings over 300 files, the size of the
// corpus's old breakage, in each format.
func BenchmarkWrite(b *testing.B) {
	line := "参见[安装指南](../安装.md#第一步)了解详情，see [the guide](../guide.md#install) too.\n"
	src := []byte(strings.Repeat(line, 40))
	var ds []diag.Diagnostic
	for i := range 3000 {
		ds = append(ds, diag.Diagnostic{File: "docs/" + strings.Repeat("x", i%300) + ".md", Line: i%40 + 1, Column: 3,
			EndLine: i%40 + 1, EndColumn: 23, Rule: "link/missing-anchor", Message: "no heading 第一步", Target: "../安装.md#第一步"})
	}
	for _, format := range Formats {
		b.Run(format, func(b *testing.B) {
			for b.Loop() {
				var buf bytes.Buffer
				if err := Write(&buf, format, ds, fixtureSummary, WithSource(func(string) []byte { return src })); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestLinesGiven: the text format takes a file's line index from the
// caller when it has one (a loaded page's) and makes one otherwise; the
// report is the same either way.
func TestLinesGiven(t *testing.T) {
	asked := map[string]int{}
	lines := func(file string) *diag.Lines {
		asked[file]++
		if file == "crlf.md" {
			return nil // the caller has none: the report makes it
		}
		return diag.NewLines(source(file))
	}
	var buf bytes.Buffer
	if err := Write(&buf, "text", fixture(), fixtureSummary, WithSource(source), WithLines(lines)); err != nil {
		t.Fatal(err)
	}
	golden(t, filepath.Join("testdata", "mixed.text.golden"), buf.Bytes())
	for file, n := range asked {
		if n != 1 {
			t.Errorf("index of %s asked %d times, want once", file, n)
		}
	}
	if len(asked) != 4 {
		t.Errorf("indexes asked for %v, want the 4 files with findings", asked)
	}
}

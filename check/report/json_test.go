package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"testing"

	"docsite/internal/diag"
)

// byEncodingJSON is the report as encoding/json writes it from structs in
// the spec's key order: what writeJSON must write byte for byte.
func byEncodingJSON(t testing.TB, ds []diag.Diagnostic, sum Summary) []byte {
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
	type jsonSummary struct {
		Files    int `json:"files"`
		Links    int `json:"links"`
		Errors   int `json:"errors"`
		Warnings int `json:"warnings"`
	}
	r := struct {
		Version     int              `json:"version"`
		Summary     jsonSummary      `json:"summary"`
		Diagnostics []jsonDiagnostic `json:"diagnostics"`
	}{Version: 1, Summary: jsonSummary(sum), Diagnostics: []jsonDiagnostic{}}
	for _, d := range ds {
		r.Diagnostics = append(r.Diagnostics, jsonDiagnostic{d.File, d.Line, d.Column, d.EndLine, d.EndColumn,
			d.Severity.String(), string(d.Rule), d.Message, d.Target, d.Suggestion})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func written(t testing.TB, ds []diag.Diagnostic, sum Summary) []byte {
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	if err := writeJSON(w, ds, sum, nil); err != nil {
		t.Fatal(err)
	}
	_ = w.Flush()
	return buf.Bytes()
}

func TestJSONMatchesEncodingJSON(t *testing.T) {
	odd := []string{"", "plain", `quote " and \ back`, "tab\tnew\nline\rcr", "\b\f\x00\x1f\x7f",
		"<a href=\"x&y\">", "中文 #1.2-标题", "\u2028 and \u2029", "bad \xff utf-8 \xe4\xb8", "emoji 😀"}
	var ds []diag.Diagnostic
	for i, s := range odd {
		ds = append(ds, diag.Diagnostic{File: s, Line: i, Column: -i, EndLine: 1 << 40, Severity: diag.Warning,
			Rule: diag.RuleID(s), Message: s, Target: odd[(i+1)%len(odd)], Suggestion: odd[(i+3)%len(odd)]})
	}
	cases := map[string][]diag.Diagnostic{"none": nil, "one": ds[:1], "odd strings": ds, "many": fixture()}
	for name, ds := range cases {
		sum := Summary{Files: len(ds), Links: 7, Errors: 2, Warnings: len(ds) * 3}
		if got, want := written(t, ds, sum), byEncodingJSON(t, ds, sum); !bytes.Equal(got, want) {
			t.Errorf("%s:\n got %s\nwant %s", name, got, want)
		}
	}
}

func FuzzJSONString(f *testing.F) {
	for _, s := range []string{"", "a\"b", "\xff", "\u2028", "中\x01文"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, msg, target string) {
		ds := []diag.Diagnostic{{File: target, Message: msg, Target: target, Rule: "x/y"}}
		if got, want := written(t, ds, Summary{}), byEncodingJSON(t, ds, Summary{}); !bytes.Equal(got, want) {
			t.Errorf("got %s\nwant %s", got, want)
		}
	})
}

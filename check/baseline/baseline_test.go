package baseline

import (
	"docsite/internal/sitetest"

	"os"
	"path/filepath"
	"slices"
	"testing"

	"docsite/internal/diag"
)

func d(file string, line int, rule, target, msg string) diag.Diagnostic {
	return diag.Diagnostic{File: file, Line: line, Column: 1, EndLine: line, EndColumn: 9, Rule: diag.RuleID(rule), Target: target, Message: msg}
}

func lines(ds []diag.Diagnostic) []int {
	var out []int
	for _, x := range ds {
		out = append(out, x.Line)
	}
	return out
}

func TestFilter(t *testing.T) {
	old := []diag.Diagnostic{
		d("a.md", 3, "link/missing-file", "x.md", "no file at x.md"),
		d("a.md", 9, "link/missing-file", "x.md", "no file at x.md"),
		d("a.md", 12, "link/missing-anchor", "#gone", "no heading #gone"),
		d("b/c.md", 1, "page/orphan", "", "no page links here"),
	}
	b := New(old)
	tests := []struct {
		name  string
		today []diag.Diagnostic
		want  []int // lines of the findings reported as new
	}{
		{"unchanged", old, nil},
		{"lines shifted and message reworded", []diag.Diagnostic{
			d("a.md", 30, "link/missing-file", "x.md", "nothing at x.md"),
			d("a.md", 90, "link/missing-file", "x.md", "nothing at x.md"),
			d("a.md", 120, "link/missing-anchor", "#gone", "no anchor #gone"),
			d("b/c.md", 1, "page/orphan", "", "unreachable"),
		}, nil},
		{"one more of a known key: the last one is new", []diag.Diagnostic{
			d("a.md", 3, "link/missing-file", "x.md", ""),
			d("a.md", 9, "link/missing-file", "x.md", ""),
			d("a.md", 40, "link/missing-file", "x.md", ""),
		}, []int{40}},
		{"surplus found even when ds is not sorted", []diag.Diagnostic{
			d("a.md", 40, "link/missing-file", "x.md", ""),
			d("a.md", 3, "link/missing-file", "x.md", ""),
			d("a.md", 9, "link/missing-file", "x.md", ""),
		}, []int{40}},
		{"fewer than recorded", []diag.Diagnostic{d("a.md", 9, "link/missing-file", "x.md", "")}, nil},
		{"same target, other rule", []diag.Diagnostic{d("a.md", 3, "link/case-mismatch", "x.md", "")}, []int{3}},
		{"same rule and target, other file", []diag.Diagnostic{d("b.md", 3, "link/missing-file", "x.md", "")}, []int{3}},
		{"same file and rule, other target", []diag.Diagnostic{d("a.md", 12, "link/missing-anchor", "#went", "")}, []int{12}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := lines(b.Filter(tc.today))
			if !slices.Equal(got, tc.want) {
				t.Errorf("new findings at lines %v, want %v", got, tc.want)
			}
		})
	}
}

func TestWriteLoadRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".docsite-baseline.json")
	ds := []diag.Diagnostic{
		d("z.md", 1, "link/missing-file", "q.md", ""),
		d("a.md", 5, "link/missing-file", "x.md?a=1&b=<2>", ""),
		d("a.md", 2, "link/missing-file", "x.md?a=1&b=<2>", ""),
		d("文档/说明.md", 7, "link/missing-anchor", "#安装", ""),
	}
	if err := Write(path, ds); err != nil {
		t.Fatal(err)
	}
	b, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if b.Len() != len(ds) {
		t.Errorf("Len = %d, want %d", b.Len(), len(ds))
	}
	if got := b.Filter(ds); len(got) != 0 {
		t.Errorf("everything recorded should be filtered, got %v", got)
	}
	got, _ := os.ReadFile(path)
	sitetest.Golden(t, filepath.Join("testdata", "baseline.golden.json"), got)
	// Stable: the same findings in another order write the same bytes.
	slices.Reverse(ds)
	if err := Write(path, ds); err != nil {
		t.Fatal(err)
	}
	again, _ := os.ReadFile(path)
	if string(again) != string(got) {
		t.Errorf("order of findings changed the file:\n%s", again)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*.json.*")); len(left) > 0 {
		t.Errorf("temporary files left behind: %v", left)
	}
}

// A fixed finding leaves the baseline when it is written again, so it cannot
// come back unnoticed later.
func TestFixedFindingDropsOut(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.json")
	broken := d("a.md", 3, "link/missing-file", "x.md", "")
	other := d("a.md", 8, "link/missing-anchor", "#y", "")
	if err := Write(path, []diag.Diagnostic{broken, other}); err != nil {
		t.Fatal(err)
	}
	// The link is fixed; the baseline is rewritten from today's findings.
	if err := Write(path, []diag.Diagnostic{other}); err != nil {
		t.Fatal(err)
	}
	b, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	// Someone breaks the same link again: it is new.
	if got := b.Filter([]diag.Diagnostic{broken, other}); len(got) != 1 || got[0] != broken {
		t.Errorf("Filter = %v, want only the re-broken link", got)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"garbage.json":   "not json",
		"future.json":    `{"version": 99, "findings": []}`,
		"noversion.json": `{"findings": []}`,
	} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(data), 0o644)
		if _, err := Load(p); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := Load(filepath.Join(dir, "absent.json")); !os.IsNotExist(err) {
		t.Errorf("absent file: %v, want a not-exist error", err)
	}
	if err := Write(filepath.Join(dir, "no", "such", "dir.json"), nil); err == nil {
		t.Error("Write into a missing folder: no error")
	}
}

func TestEmpty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "b.json")
	if err := Write(path, nil); err != nil {
		t.Fatal(err)
	}
	b, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	ds := []diag.Diagnostic{d("a.md", 1, "r", "t", "")}
	if got := b.Filter(ds); len(got) != 1 {
		t.Errorf("empty baseline filtered %v", got)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"version": 1, "findings": [{"file":"a.md","rule":"r","target":"t","count":2}]}`))
	f.Add([]byte(`{"version": 1, "findings": [{"file":"a.md","rule":"r","count":-5}]}`))
	f.Add([]byte(`{"version": 1}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := Parse(data)
		if err != nil {
			return
		}
		out := b.Filter([]diag.Diagnostic{d("a.md", 1, "r", "t", ""), d("a.md", 2, "r", "t", "")})
		if len(out) > 2 {
			t.Fatalf("Filter invented findings: %v", out)
		}
		// What was parsed writes back and parses to the same counts.
		data2, err := b.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		b2, err := Parse(data2)
		if err != nil {
			t.Fatalf("re-parse: %v\n%s", err, data2)
		}
		if b2.Len() != b.Len() {
			t.Fatalf("Len %d after round trip, was %d", b2.Len(), b.Len())
		}
	})
}

func TestFollow(t *testing.T) {
	b := New([]diag.Diagnostic{
		d("guide/a.md", 3, "link/missing-file", "../zzz.md", ""),
		d("api/x.md", 3, "link/missing-file", "y.md", ""),
	})
	moved := b.Follow(map[string]string{"guide/a.md": "manual/a.md"})
	today := []diag.Diagnostic{
		d("manual/a.md", 3, "link/missing-file", "../zzz.md", ""), // old breakage, moved along
		d("manual/a.md", 5, "link/missing-file", "b.md", ""),      // broken by the move
		d("api/x.md", 3, "link/missing-file", "y.md", ""),
	}
	if got := lines(moved.Filter(today)); !slices.Equal(got, []int{5}) {
		t.Errorf("after the move, new findings at lines %v, want [5]", got)
	}
	if b.Entries[1].File != "guide/a.md" && b.Entries[0].File != "guide/a.md" {
		t.Error("Follow changed the original baseline")
	}
}

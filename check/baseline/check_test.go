package baseline_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"docsite/check"
	"docsite/check/baseline"
	"docsite/internal/config"
	"docsite/internal/diag"
	"docsite/render/build"
)

// findings runs the source checks on a content folder as "docsite check" does.
func findings(t *testing.T, dir string) []diag.Diagnostic {
	t.Helper()
	pl, err := build.NewPipeline(build.Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	s, err := pl.Model(build.Options{Content: dir, Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	return check.Run(s, cfg)
}

func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// The adoption story on real findings: record, edit above the old breakage,
// add a new break, fix an old one and record again.
func TestAdoption(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"README.md": "# Home\n\n[a](a.md) [gone](gone.md)\n",
		"a.md":      "# A\n\n[x](missing.md)\n\n[y](missing.md)\n\n[b](#nope)\n",
	})
	before := findings(t, dir)
	if len(before) != 4 {
		t.Fatalf("fixture has %d findings, want 4: %v", len(before), before)
	}
	path := filepath.Join(t.TempDir(), ".docsite-baseline.json")
	if err := baseline.Write(path, before); err != nil {
		t.Fatal(err)
	}
	b, err := baseline.Load(path)
	if err != nil {
		t.Fatal(err)
	}

	// Lines inserted above every finding: nothing comes back.
	write(t, dir, map[string]string{
		"a.md": "# A\n\nA new\nintroduction\nof four lines.\n\n[x](missing.md)\n\n[y](missing.md)\n\n[b](#nope)\n",
	})
	shifted := findings(t, dir)
	if shifted[1].File != "a.md" || shifted[1].Line == before[1].Line {
		t.Fatalf("the edit did not move the findings: %v", shifted)
	}
	if got := b.Filter(shifted); len(got) != 0 {
		t.Errorf("shifted findings reported as new: %v", got)
	}

	// A third link to the same missing file: only that one is new.
	write(t, dir, map[string]string{
		"a.md": "# A\n\n[x](missing.md)\n\n[y](missing.md)\n\n[b](#nope)\n\n[z](missing.md)\n",
	})
	got := b.Filter(findings(t, dir))
	if len(got) != 1 || got[0].Target != "missing.md" || got[0].Line != 9 {
		t.Errorf("new findings = %v, want the link on line 9", got)
	}

	// gone.md is fixed and the baseline rewritten: it is out of the file,
	// so breaking it again is news.
	write(t, dir, map[string]string{"gone.md": "# Gone\n", "README.md": "# Home\n\n[a](a.md) [gone](gone.md)\n"})
	if err := baseline.Write(path, findings(t, dir)); err != nil {
		t.Fatal(err)
	}
	if b, err = baseline.Load(path); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "gone.md"))
	got = b.Filter(findings(t, dir))
	var targets []string
	for _, d := range got {
		targets = append(targets, d.File+" "+d.Target)
	}
	if !slices.Equal(targets, []string{"README.md gone.md"}) {
		t.Errorf("after the fix and a new break: %v", targets)
	}
}

package links_test

import (
	"testing"

	"docsite/check/links"
	"docsite/internal/load"
	"docsite/internal/sitetest"
)

// A missing file's suggestion: what the link names from the content folder
// first (a link written as from the repository's root), then the file of
// that name nearest in folders.
func TestMissingFileSuggestions(t *testing.T) {
	dir := sitetest.Tree(t, `-- cases/README.md --
# Cases
-- cases/examples/README.md --
# Examples
-- cases/status.md --
# Status

[root-relative](cases/README.md) [deeper](cases/examples/README.md)
[renamed](guide.md)
-- docs/guide.md --
# Guide
`)
	pl := load.NewParser()
	defer pl.Close()
	s, err := pl.Site(load.Options{Content: dir})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range links.Check(s, func(string) bool { return false }) {
		got[f.Target] = f.Suggestion
	}
	for dest, want := range map[string]string{
		"cases/README.md":          "README.md",
		"cases/examples/README.md": "examples/README.md",
		"guide.md":                 "../docs/guide.md",
	} {
		if got[dest] != want {
			t.Errorf("%s: suggestion %q, want %q", dest, got[dest], want)
		}
	}
}

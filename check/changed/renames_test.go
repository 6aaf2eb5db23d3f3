package changed

import (
	"maps"
	"testing"
)

func TestFollowRenames(t *testing.T) {
	// Newest first, as git log lists them.
	entries := []entry{
		{status: 'R', path: "docs/b.md", to: "docs/c.md"},
		{status: 'M', path: "docs/x.md"},
		{status: 'R', path: "docs/a.md", to: "docs/b.md"},
		{status: 'R', path: "docs/p.md", to: "docs/q.md"},
		{status: 'R', path: "docs/q.md", to: "docs/p.md"}, // older: q became p, then p became q
		{status: 'R', path: "other/o.md", to: "docs/o.md"},
		{status: 'R', path: "docs/out.md", to: "other/out.md"},
	}
	got := follow(entries, "docs/")
	want := map[string]string{"b.md": "c.md", "a.md": "c.md", "p.md": "q.md"}
	if !maps.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

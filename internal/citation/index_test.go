package citation

import (
	"strings"
	"testing"
)

func defsOf(src string) []Def {
	d, _ := ParseDefs([]byte(src), 0)
	return d
}

// twoFolders is a site whose folders k3s/ and wasm/ each have their own
// REFERENCES.md defining the same key differently, below a root one.
func twoFolders() *Index {
	return NewIndex(map[string][]Def{
		"REFERENCES.md": defsOf("[runtime-docs]: https://root.example/runtime \"根\"\n" +
			"[k8s-scale]: https://kubernetes.io/docs/setup/best-practices/cluster-large/\n"),
		"k3s/REFERENCES.md":  defsOf("[runtime-docs]: [K3s 运行时](https://docs.k3s.io/)\n"),
		"wasm/REFERENCES.md": defsOf("[runtime-docs]: [WasmEdge 运行时](https://wasmedge.org/docs/)\n[runtime-docs]: https://dup.example/\n"),
	}, map[string][]Def{
		"k3s/edge/page.md": defsOf("[runtime-docs]: https://local.example/\n[edge-only]: https://edge.example/\n"),
		"other.md":         defsOf("[edge-only]: https://other.example/\n"),
	})
}

func TestResolveNearest(t *testing.T) {
	ix := twoFolders()
	tests := []struct {
		page, key, url, file string
	}{
		{"k3s/page.md", "runtime-docs", "https://docs.k3s.io/", "k3s/REFERENCES.md"},
		{"wasm/page.md", "runtime-docs", "https://wasmedge.org/docs/", "wasm/REFERENCES.md"},
		{"wasm/deep/er/page.md", "runtime-docs", "https://wasmedge.org/docs/", "wasm/REFERENCES.md"},
		{"page.md", "runtime-docs", "https://root.example/runtime", "REFERENCES.md"},
		{"docker/page.md", "runtime-docs", "https://root.example/runtime", "REFERENCES.md"},
		// A key the nearest file lacks is found further up.
		{"k3s/page.md", "k8s-scale", "https://kubernetes.io/docs/setup/best-practices/cluster-large/", "REFERENCES.md"},
		// REFERENCES.md wins over the page's own definition…
		{"k3s/edge/page.md", "runtime-docs", "https://docs.k3s.io/", "k3s/REFERENCES.md"},
		// …which counts for keys REFERENCES.md lacks.
		{"k3s/edge/page.md", "edge-only", "https://edge.example/", "k3s/edge/page.md"},
		{"other.md", "edge-only", "https://other.example/", "other.md"},
		{"k3s/page.md", "edge-only", "", ""},
	}
	for _, tt := range tests {
		d, ok := ix.Resolve(tt.page, tt.key)
		if ok != (tt.url != "") || d.URL != tt.url || d.File != tt.file {
			t.Errorf("Resolve(%s, %s) = %q in %q, %v; want %q in %q", tt.page, tt.key, d.URL, d.File, ok, tt.url, tt.file)
		}
	}
}

func TestAnchorsUnique(t *testing.T) {
	ix := twoFolders()
	seen := map[string]DefID{}
	check := func(d Def) {
		a := ix.Anchor(d)
		if prev, dup := seen[a]; dup && prev != d.ID() {
			t.Errorf("anchor %s for both %v and %v", a, prev, d.ID())
		}
		seen[a] = d.ID()
	}
	for _, f := range ix.Files() {
		for _, d := range ix.Defs(f) {
			check(d)
		}
	}
	for _, p := range ix.Pages() {
		for _, d := range ix.LocalOnly(p) {
			check(d)
		}
	}
	root, _ := ix.Lookup("REFERENCES.md", "runtime-docs")
	if a := ix.Anchor(root); a != "ref-runtime-docs" {
		t.Errorf("root definition anchored at %s", a)
	}
	if len(seen) != 6 {
		t.Errorf("want 6 shown definitions, got %d: %v", len(seen), seen)
	}
	// The duplicate within wasm/REFERENCES.md: the first one counts.
	if d, _ := ix.Lookup("wasm/REFERENCES.md", "runtime-docs"); d.URL != "https://wasmedge.org/docs/" {
		t.Errorf("second definition won: %v", d)
	}
}

func TestVisible(t *testing.T) {
	ix := twoFolders()
	got := ix.Visible("k3s/edge/page.md")
	want := []string{"edge-only", "k8s-scale", "runtime-docs"}
	if len(got) != len(want) {
		t.Fatalf("Visible = %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Visible = %v", got)
		}
	}
	var nilIx *Index
	if _, ok := nilIx.Resolve("a.md", "x-y"); ok || nilIx.Anchor(Def{Key: "x-y"}) != "ref-x-y" {
		t.Error("nil index")
	}
}

// TestTwoFoldersRender cites one key from pages in two folders: each page
// shows its own folder's source and links to that definition's anchor.
func TestTwoFoldersRender(t *testing.T) {
	ix := twoFolders()
	md := newMarkdown()
	src := "运行时文档 [runtime-docs]。\n"
	k3s := render(t, md, src, PageInfo{Path: "k3s/page.md", Index: ix})
	wasm := render(t, md, src, PageInfo{Path: "wasm/page.md", Index: ix, ReferencesURL: "/refs/"})
	for _, c := range []struct{ out, want string }{
		{k3s, `href="https://docs.k3s.io/"`},
		{k3s, `href="/references/#ref-runtime-docs~2"`},
		{wasm, `href="https://wasmedge.org/docs/"`},
		{wasm, `href="/refs/#ref-runtime-docs~3"`},
	} {
		if !strings.Contains(c.out, c.want) {
			t.Errorf("missing %s in\n%s", c.want, c.out)
		}
	}
}

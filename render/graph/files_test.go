package graph_test

import (
	"encoding/json"
	"strings"
	"testing"

	"docsite/internal/config"
	"docsite/render/build"
	"docsite/render/graph"
)

// TestFilesBilingual builds the data files of a site in two languages:
// each language gets its own graph of its own pages, with URLs under its
// prefix, and the previews of both languages are written.
func TestFilesBilingual(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "README.md", "# 首页\n\n见[指南](guide/)。\n")
	write(t, dir, "README.en.md", "# Home\n\nSee the [guide](guide/).\n")
	write(t, dir, "guide/README.md", "# 指南\n\n回到[首页](../README.md)。\n")
	write(t, dir, "guide/README.en.md", "# Guide\n\nBack [home](../README.en.md).\n")
	pl, err := build.NewPipeline(build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := pl.Load(build.Options{Content: dir, Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	files := graph.Files(s)
	if len(s.Langs) != 2 {
		t.Fatalf("languages %v", s.Langs)
	}
	for _, lang := range s.Langs {
		var g struct {
			Lang  string
			Nodes []struct {
				ID      int
				Title   string
				URL     string
				Chapter int
				Degree  int
			}
			Edges [][2]int
		}
		b, ok := files[graph.DataFile(lang)]
		if !ok {
			t.Fatalf("no %s", graph.DataFile(lang))
		}
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if g.Lang != lang || len(g.Nodes) != 2 || len(g.Edges) != 2 {
			t.Errorf("%s: %s", lang, b)
		}
		for _, n := range g.Nodes {
			if lang != s.Langs[0] && !strings.HasPrefix(n.URL, "/en/") {
				t.Errorf("%s graph holds %s", lang, n.URL)
			}
			if n.Degree != 1 {
				t.Errorf("%s: %s has degree %d", lang, n.URL, n.Degree)
			}
		}
	}
	var shards struct{ Shards int }
	if err := json.Unmarshal(files["assets/previews/index.json"], &shards); err != nil || shards.Shards != 1 {
		t.Fatalf("previews index: %s", files["assets/previews/index.json"])
	}
	var pv map[string]graph.Preview
	if err := json.Unmarshal(files["assets/previews/0.json"], &pv); err != nil {
		t.Fatal(err)
	}
	if pv["/en/guide/"].Title != "Guide" || pv["/guide/"].Title != "指南" {
		t.Errorf("previews: %v", pv)
	}
	if u := graph.URL(s, "en"); u != "/en/graph/" {
		t.Errorf("English graph page at %s", u)
	}
}

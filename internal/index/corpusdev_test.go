package index_test

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/yuin/goldmark/ast"

	"docsite/internal/glossary"
	"docsite/internal/load"
	"docsite/internal/site"
	"docsite/internal/sitetest"
)

// The reviewed sample: every tooltip the build puts on 40 pages of
// ../shared/corpus-dev, each labelled by a reader as right (the term meant,
// at that place) or wrong. corpus-dev keeps no glossary of its own, so the
// project's content/GLOSSARY.md is put where the knowledge base keeps its
// glossary, and found there with no configuration. The file holds
// positions and terms only, never the corpus's text.
const (
	samplePath  = "testdata/corpus-dev-tooltips.tsv"
	samplePages = 40
)

type tooltip struct {
	pos, term string // pos is path:line:col of the marked text
}

// TestCorpusDevTooltips rebuilds the sample and compares it with the
// labels: a tooltip nobody reviewed fails the test (go test -update writes
// it unlabelled, as "?", for review), and the labelled ones must be ≥ 95 %
// right.
func TestCorpusDevTooltips(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the whole corpus")
	}
	got := corpusTooltips(t, sitetest.Shared(t, "corpus-dev"))
	labels := readSample(t)
	if sitetest.Updating() {
		writeSample(t, got, labels)
		labels = readSample(t)
	}
	right, wrong := 0, 0
	for _, tt := range got {
		switch labels[tt] {
		case "ok":
			right++
		case "wrong":
			wrong++
		default:
			t.Errorf("%s %s: not reviewed (go test -update adds it as ?; label it ok or wrong)", tt.pos, tt.term)
		}
	}
	if len(got) < len(labels) {
		t.Errorf("%d tooltips, %d labelled: some reviewed ones are gone (go test -update)", len(got), len(labels))
	}
	precision := float64(right) / float64(max(right+wrong, 1))
	t.Logf("%d tooltips on %d pages: %d right, %d wrong, precision %.1f %%", len(got), samplePages, right, wrong, 100*precision)
	if precision < 0.95 {
		t.Errorf("precision %.1f %% < 95 %%", 100*precision)
	}
}

// corpusTooltips copies the corpus beside the project's glossary, builds it
// as the build does, and lists the tooltips on the sample pages: every
// ⌈n/40⌉-th page, in path order, of those with any.
func corpusTooltips(t *testing.T, corpus string) []tooltip {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(corpus)); err != nil {
		t.Fatal(err)
	}
	g, err := os.ReadFile("../../content/GLOSSARY.md")
	if err != nil {
		t.Skip(err)
	}
	src := filepath.Join(dir, "docs/TECHNICAL/10-reference-trends/acronyms-glossary/acronyms-glossary.md")
	if err := os.MkdirAll(filepath.Dir(src), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(src, g, 0o644); err != nil {
		t.Fatal(err)
	}
	pr := load.NewParser(load.WithWorkers(2))
	defer pr.Close()
	var mu sync.Mutex
	byPage := map[string][]tooltip{}
	_, err = pr.Site(load.Options{Content: dir, Page: func(_ *site.Site, p *site.Page, doc ast.Node) {
		var tts []tooltip
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if tn, ok := n.(*glossary.TermNode); ok && entering && !p.GlossarySource {
				line, col := p.Lines.Position(textStart(tn))
				tts = append(tts, tooltip{fmt.Sprintf("%s:%d:%d", p.Path, line, col), tn.Term.Term})
			}
			return ast.WalkContinue, nil
		})
		if len(tts) > 0 {
			mu.Lock()
			byPage[p.Path] = tts
			mu.Unlock()
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	paths := make([]string, 0, len(byPage))
	for p := range byPage {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	step := max((len(paths)+samplePages-1)/samplePages, 1)
	var out []tooltip
	for i := 0; i < len(paths) && i/step < samplePages; i += step {
		out = append(out, byPage[paths[i]]...)
	}
	return out
}

func textStart(n ast.Node) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	return 0
}

func readSample(t *testing.T) map[tooltip]string {
	labels := map[tooltip]string{}
	f, err := os.Open(samplePath)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return labels
		}
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) >= 3 && !strings.HasPrefix(fields[0], "#") {
			labels[tooltip{fields[0], fields[1]}] = fields[2]
		}
	}
	return labels
}

// writeSample writes the sample, keeping the labels already given.
func writeSample(t *testing.T, got []tooltip, labels map[tooltip]string) {
	var b strings.Builder
	b.WriteString("# position\tterm\tlabel (ok: the right term at the right place; wrong: not)\n")
	for _, tt := range got {
		l := labels[tt]
		if l == "" {
			l = "?"
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\n", tt.pos, tt.term, l)
	}
	if err := os.WriteFile(samplePath, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

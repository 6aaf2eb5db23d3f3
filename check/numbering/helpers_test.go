package numbering

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"docsite/internal/config"
	"docsite/internal/diag"
	"docsite/internal/numbering"
	"docsite/internal/site"
	"docsite/internal/slug"
	"docsite/render/build"
)

var (
	pipelineOnce sync.Once
	pipeline     *build.Pipeline
	pipelineErr  error
)

// model loads a content folder through the real parser and index.
func model(t testing.TB, dir string) *site.Site {
	t.Helper()
	pipelineOnce.Do(func() { pipeline, pipelineErr = build.NewPipeline(build.Options{}) })
	if pipelineErr != nil {
		t.Fatal(pipelineErr)
	}
	s, err := pipeline.Model(build.Options{Content: dir, Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// parsePage parses one Markdown page through the real pipeline and gives it
// the sidebar number nav ("" for none).
func parsePage(t testing.TB, src, nav string) *site.Page {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "page.md"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	p := model(t, dir).ByPath["page.md"]
	setNav(p, nav)
	return p
}

// setNav places p in a fake sidebar at number nav; "" makes it the home page.
func setNav(p *site.Page, nav string) {
	p.Nav = &site.NavNode{Number: nav, Page: p}
	if nav != "" {
		p.Nav.Parent = &site.NavNode{}
	}
}

// headingsPage builds a page by hand from heading lines ("## 1.1 x"); other
// lines are kept as text. It needs no parser, so fuzzing stays fast.
func headingsPage(src, nav string) *site.Page {
	p := &site.Page{Path: "page.md", Source: []byte(src), Lines: diag.NewLines([]byte(src)), Anchors: map[string]site.Anchor{}}
	var slugs slug.Slugger
	off := 0
	for line := range strings.SplitAfterSeq(src, "\n") {
		t := strings.TrimRight(line, "\r\n")
		level := len(t) - len(strings.TrimLeft(t, "#"))
		if level >= 1 && level <= 6 && (len(t) == level || t[level] == ' ') {
			text := strings.TrimSpace(t[level:])
			h := site.Heading{Level: level, Text: text, ID: slugs.Slug(text), Offset: off}
			p.Headings = append(p.Headings, h)
			if level == 1 && p.H1 == "" {
				p.H1, p.H1Offset = text, off
			}
		}
		off += len(line)
	}
	setNav(p, nav)
	return p
}

// render writes diagnostics one a line as "rule line: message => suggestion".
func render(ds []diag.Diagnostic) []string {
	diag.Sort(ds)
	var out []string
	for _, d := range ds {
		s := string(d.Rule) + " " + strconv.Itoa(d.Line) + ": " + d.Message
		if d.Suggestion != "" {
			s += " => " + d.Suggestion
		}
		out = append(out, s)
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

func splitHeading(text string) (lead, written, rest string, ok bool) {
	return numbering.Split(text)
}

package diagrams_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"docsite/check/diagrams"
	"docsite/internal/config"
	"docsite/internal/load"
	"docsite/internal/site"
	"docsite/internal/sitetest"
)

func model(t *testing.T, dir string) *site.Site {
	t.Helper()
	pr := load.NewParser()
	t.Cleanup(pr.Close)
	s, err := pr.Site(load.Options{Content: dir, Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestPositions: a finding is where mermaid stops, in the file's lines and
// columns (code points), through front matter, a list's indent, a block
// quote's "> " and Chinese text before the error.
func TestPositions(t *testing.T) {
	dir := sitetest.Tree(t, "-- a.md --\n"+`---
title: 图
---
# 图

`+"```mermaid"+`
graph TD
  开始[开始] --> 结束(f(x))
`+"```"+`

- 列表

  `+"```mermaid"+`
  mindmap
    root
  other root
  `+"```"+`

> `+"```mermaid"+`
> flowchart LR
> A --> B
> subgraph s
> `+"```"+`

`+"```mermaid"+`
sequenceDiagram
  A->>B: fine, not checked beyond its keyword
`+"```"+`

`+"```mermaid"+`
graphx TD
`+"```"+`
`)
	var got []string
	for _, d := range diagrams.Check(model(t, dir)) {
		got = append(got, fmt.Sprintf("%d:%d-%d:%d %s %q", d.Line, d.Column, d.EndLine, d.EndColumn, d.Rule, d.Target))
	}
	want := []string{
		`8:18-8:19 mermaid/parse "开始[开始] --> 结束(f(x))"`,
		`16:3-16:4 mermaid/parse "other root"`,
		`23:1-23:2 mermaid/parse ""`,
		`30:1-30:11 mermaid/unknown-type "graphx"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestHugeDiagrams: a 1 MB diagram and 10,000 unclosed nested subgraphs
// end in a finding each, through the whole parse, in well under a second
// or two, not in a hang.
func TestHugeDiagrams(t *testing.T) {
	fence := func(body string) string { return "```mermaid\n" + body + "```\n\n" }
	src := "# 大图\n\n" +
		fence("graph TD\n"+strings.Repeat("A[标签] --> B\n", (1<<20)/18)+"C[f(x)]\n") +
		fence("graph TD\n"+strings.Repeat("subgraph s\n", 10000)+"A\n")
	dir := sitetest.Tree(t, "-- big.md --\n"+src)
	start := time.Now()
	var got []string
	for _, d := range diagrams.Check(model(t, dir)) {
		got = append(got, fmt.Sprintf("%s %d", d.Rule, d.Line))
	}
	if len(got) != 2 || !strings.HasPrefix(got[0], "mermaid/parse") || !strings.HasPrefix(got[1], "mermaid/parse") {
		t.Errorf("got %q, want two mermaid/parse findings", got)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	} else {
		t.Logf("1 MB diagram and 10,000-deep nesting: %v", d)
	}
}

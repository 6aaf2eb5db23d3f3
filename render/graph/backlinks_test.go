package graph_test

import (
	"strings"
	"testing"

	"docsite/internal/config"
	"docsite/internal/site"
	"docsite/render/build"
	"docsite/render/graph"
)

// fixture loads testdata/site through the real pipeline.
func fixture(t *testing.T) *site.Site {
	t.Helper()
	pl, err := build.NewPipeline(build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := pl.Load(build.Options{Content: "testdata/site", Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// entry is a backlink as the test writes it: the linking page's path and
// its context with the link text in [[…]].
type entry struct{ from, context string }

func TestBacklinks(t *testing.T) {
	s := fixture(t)
	bl := graph.Backlinks(s)
	for _, tc := range []struct {
		page string
		want []entry
	}{
		{"01-overview/overview.md", []entry{
			// folder link from the landing page of the site, first in content order
			{"README.md", "本知识库从[[总览]]开始，逐章展开。"},
			// plain relative link; the broken link after it changes nothing
			{"02-principles/principles.md", "It builds on the [[overview]]."},
			// raw HTML link in a sentence too long to keep whole; the case-mismatched
			// link and the image come later and add no entry
			{"02-principles/01-declarative.md", "…API 让用户只描述期望状态，而由系统中的控制循环不断观察实际状态并采取行动使两者一致，这种思想贯穿了 Kubernetes 的全部设计，也正是[[总览页]]反复强调的核心理念，之后的每一章都会从这个角度重新审视各自的技术选择与取舍，直到全书结束。"},
		}},
		{"02-principles/principles.md", []entry{
			// fragment link
			{"README.md", "第二章讲[[设计原则]]。"},
			// fragment link in a list item wrapped over two lines, then a
			// reference-style link to the same page: one entry, the first link
			{"01-overview/overview.md", "理念层：云原生核心思想演进（见 [[2. 理念层]]）"},
			// link to the folder resolves to its landing page
			{"02-principles/01-declarative.md", "回到[[理念层]]。"},
		}},
		{"02-principles/01-declarative.md", []entry{
			{"02-principles/principles.md", "细节见[[声明式]]一节。"},
		}},
		// nothing but links to itself
		{"README.md", nil},
	} {
		var got []entry
		for _, b := range bl[s.ByPath[tc.page]] {
			ctx := b.Context[:b.Mark[0]] + "[[" + b.Context[b.Mark[0]:b.Mark[1]] + "]]" + b.Context[b.Mark[1]:]
			got = append(got, entry{b.From.Path, ctx})
		}
		if len(got) != len(tc.want) {
			t.Errorf("%s: %d backlinks, want %d: %q", tc.page, len(got), len(tc.want), got)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%s #%d:\n got %q\nwant %q", tc.page, i, got[i], tc.want[i])
			}
		}
	}
}

func TestBacklinksReferenceOnly(t *testing.T) {
	// A page whose only link to another is reference-style still counts.
	dir := t.TempDir()
	write(t, dir, "a.md", "# A\n\nSee [the other page][b] for more.\n\n[b]: b.md#part\n")
	write(t, dir, "b.md", "# B\n\n## Part\n\ntext\n")
	pl, _ := build.NewPipeline(build.Options{})
	s, err := pl.Load(build.Options{Content: dir, Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	bl := graph.Backlinks(s)[s.ByPath["b.md"]]
	if len(bl) != 1 || bl[0].From.Path != "a.md" || bl[0].Context != "See the other page for more." {
		t.Fatalf("backlinks of b.md: %+v", bl)
	}
}

func TestBacklinksHTML(t *testing.T) {
	s := fixture(t)
	p := s.ByPath["01-overview/overview.md"]
	h := string(graph.BacklinksHTML(graph.Backlinks(s)[p], s, "zh-CN"))
	for _, want := range []string{
		`<section class="backlinks" aria-labelledby="docsite-backlinks">`,
		`<h2 id="docsite-backlinks">链接到本页</h2>`,
		`<li><a href="/02-principles/">`,
		`<span class="num">2</span> 理念层</a><p class="backlink-context">It builds on the <mark>overview</mark>.</p>`,
	} {
		if !strings.Contains(h, want) {
			t.Errorf("backlinks HTML lacks %q:\n%s", want, h)
		}
	}
	if en := string(graph.BacklinksHTML(graph.Backlinks(s)[p], s, "en")); !strings.Contains(en, "Pages that link here") {
		t.Errorf("English heading missing:\n%s", en)
	}
	if h := graph.BacklinksHTML(nil, s, "en"); h != "" {
		t.Errorf("no backlinks gave %q", h)
	}
}

package markdown

import (
	"docsite/internal/sitetest"

	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"docsite/internal/config"
	"docsite/internal/diag"
	"docsite/internal/math"
	"docsite/internal/site"
)

// page makes a one-page site so links resolve against real files.
func page(t testing.TB, src string, files ...string) (*site.Site, *site.Page) {
	t.Helper()
	archive := "-- 01-overview/overview.md --\n" + src
	for i := 0; i+1 < len(files); i += 2 {
		archive += "\n-- " + files[i] + " --\n" + files[i+1]
	}
	dir := sitetest.Tree(t, archive)
	s, err := site.Load(dir, config.Default())
	if err != nil {
		t.Fatal(err)
	}
	return s, s.ByPath["01-overview/overview.md"]
}

func TestParseModel(t *testing.T) {
	src := "# 1. 总览\n\n## 📑 目录\n\n- [1.2.1 核心理念演进](#121-核心理念演进)\n\n### 1.2.1 核心理念演进\n\n" +
		"见 [原理](../02-principles/principles.md#21-理念 \"标题\") 与 [ref][r] 和 <a href=\"x.png\" id=\"top\">x</a>\n\n" +
		"[r]: <../02-principles/principles.md>\n\n```yaml\na: [wasm-app]\n```\n\n## 参考\n\n## 参考\n"
	_, p := page(t, src, "02-principles/principles.md", "# 2. 原理\n", "01-overview/x.png", "png")
	New().Parse(p)
	if p.Title != "1. 总览" {
		t.Errorf("title %q", p.Title)
	}
	var ids []string
	for _, h := range p.Headings {
		ids = append(ids, h.ID)
	}
	if got := strings.Join(ids, " "); got != "1-总览 -目录 121-核心理念演进 参考 参考-1" {
		t.Errorf("heading IDs: %s", got)
	}
	var dests []string
	for _, l := range p.Links {
		dests = append(dests, l.Dest)
	}
	if got := strings.Join(dests, " "); got != "#121-核心理念演进 ../02-principles/principles.md#21-理念 ../02-principles/principles.md x.png" {
		t.Errorf("links: %s", got)
	}
	if _, ok := p.Anchors["top"]; !ok {
		t.Errorf("raw HTML id not an anchor: %v", p.Anchors)
	}
	l := p.Links[1]
	if got := string(p.Source[l.Start:l.End]); got != `[原理](../02-principles/principles.md#21-理念 "标题")` {
		t.Errorf("link span %q", got)
	}
	if len(p.Code) != 1 || p.Code[0].Lang != "yaml" {
		t.Errorf("code: %+v", p.Code)
	}
}

func TestRenderRewritesLinks(t *testing.T) {
	src := "# T\n\n[a](../02-principles/principles.md#x) ![i](x.png) <a href=\"../02-principles/principles.md\">h</a> [ext](https://example.com/a.md)\n"
	s, p := page(t, src, "02-principles/principles.md", "# P\n", "01-overview/x.png", "png")
	c := New()
	doc := c.Parse(p)
	s.Navigate(false)
	body, err := c.Render(p, doc, func(d string) (string, bool) { return s.LinkURL(p, d) })
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`href="/02-principles/#x"`, `src="/01-overview/x.png"`, `<a href="/02-principles/">h</a>`, `href="https://example.com/a.md"`} {
		if !strings.Contains(string(body), want) {
			t.Errorf("missing %s in\n%s", want, body)
		}
	}
}

func TestWideTableKeepsCells(t *testing.T) {
	src := "| a | b |\n| - | - |\n| 1 | 2 | **三** |\n"
	_, p := page(t, src)
	c := New()
	body, _ := c.Render(p, c.Parse(p), nil)
	if !strings.Contains(string(body), "<td><strong>三</strong></td>") || strings.Count(string(body), "<th>") != 2 ||
		!strings.Contains(string(body), `<th role="cell"></th>`) {
		t.Errorf("extra cell lost, or its padded header announced as a header:\n%s", body)
	}
}

func TestEmptyCornerHeaderIsACell(t *testing.T) {
	_, p := page(t, "|   | x |\n| - | - |\n| y | 1 |\n")
	c := New()
	body, _ := c.Render(p, c.Parse(p), nil)
	if !strings.Contains(string(body), `<th role="cell"></th>`) || !strings.Contains(string(body), "<th>x</th>") {
		t.Errorf("empty corner header:\n%s", body)
	}
}

func TestSectionsJoinChineseLines(t *testing.T) {
	_, p := page(t, "# T\n\n适用\n于技术决策\nand English\nwords\n\n## 二\n\n文本\n")
	New().Parse(p)
	if len(p.Text) != 3 || p.Text[1].Text != "适用于技术决策 and English words" || p.Text[2].Anchor != "二" {
		t.Errorf("sections: %+v", p.Text)
	}
}

func TestChineseEmphasisAndBreaks(t *testing.T) {
	_, p := page(t, "**（集装箱）**是\n适用\n于技术决策\n")
	c := New()
	body, _ := c.Render(p, c.Parse(p), nil)
	if !strings.Contains(string(body), "<strong>（集装箱）</strong>是适用于技术决策") {
		t.Errorf("got %s", body)
	}
}

func TestScriptInRawHTMLIsReported(t *testing.T) {
	src := "# T\n\n<div onclick=\"x()\">a</div>\n\n```html\n<script>no</script>\n```\n\n`<script>` and [x](javascript:alert(1))\n\n<script>\nyes()\n</script>\n"
	_, p := page(t, src)
	New().Parse(p)
	var got []string
	for _, d := range p.Diags {
		if d.Rule == "html/script" {
			got = append(got, fmt.Sprintf("%d:%d", d.Line, d.Column))
		}
	}
	if strings.Join(got, " ") != "3:6 9:16 11:1" {
		t.Errorf("html/script at %v, want 3:6 9:16 11:1", got)
	}
}

func TestSanitizeRemovesScript(t *testing.T) {
	_, p := page(t, "<p onclick=\"x()\">a <script>b()</script></p>\n\n[x](javascript:alert(1))\n")
	c := New(WithSanitize(true))
	body, _ := c.Render(p, c.Parse(p), func(string) (string, bool) { return "", false })
	if strings.Contains(string(body), "onclick") || strings.Contains(string(body), "<script") || strings.Contains(string(body), "javascript:") {
		t.Errorf("script left in %s", body)
	}
}

// TestHeadingEntities: GitHub slugs the heading as it renders, with
// character references resolved, so a hand-written TOC link to
// "#tom--jerry" works and the outline shows "&" once.
func TestHeadingEntities(t *testing.T) {
	_, p := page(t, "## Tom &amp; Jerry\n\n## a &lt;b&gt; &#169;\n")
	New().Parse(p)
	var got []string
	for _, h := range p.Headings {
		got = append(got, h.ID+"="+h.Text)
	}
	if want := "tom--jerry=Tom & Jerry a-b-=a <b> ©"; strings.Join(got, " ") != want {
		t.Errorf("headings %q, want %q", strings.Join(got, " "), want)
	}
}

// The checker's parse differs from the builder's only in what it leaves
// out: summary, section and code text, where each link's text lies.
// Formulas get the same verdicts and findings; paragraphs of prose, which
// it does not parse inline, hold nothing the model keeps.
func TestForCheckingKeepsTheModel(t *testing.T) {
	src := "# 1. 总览\n\n见 [原理](../02-principles/principles.md) 和 $x^2$，$\\frac{a$ 与 $\\tag{1} x$。\n\n" +
		"$$\n\\begin{align} a \\end{align}\n$$\n\n## 参考\n\n- <https://example.org>\n\n```mermaid\ngraph TD\nA-->B\n```\n"
	_, full := page(t, src, "02-principles/principles.md", "# 2. 原理\n")
	engine := WithMath(math.NewNative(nil))
	builder, checker := New(engine), New(engine, ForChecking())
	checked := sameModel(t, builder, checker, "page", *full)
	if len(checked.Math) != 4 || len(checked.Diags) != 2 {
		t.Errorf("formulas %+v, findings %+v: want 4 formulas, 2 of them rejected", checked.Math, checked.Diags)
	}
	// Prose next to every block that could take it over or depend on it.
	for i, src := range []string{
		"prose\nSetext\n===\n", "prose\n---\n\n# h\n", "prose\n$$\nx = 1\n", "prose\n\\[\nx\n", "a *b* c\n$$x$$\n",
		"- tight\n- list\n\n[r]: x.md\n", "- loose\n\n- list\n", "> quoted\nlazy\n> ---\n", "text[^1]\n\n[^1]: note *x*\n",
		"| a | b |\n| - | - |\n| 1 | 2 |\nafter\n", "1. one\n2. two\n   more\n\n   para\n", "prose\n<div id=\"x\">\n</div>\n",
		"    code\nprose\n", "中文\n标题\n===\n\n[链](#中文标题)\n", "see www.x.io\n", "mail a@b.io\n", "read http://c.io\n", "- [ ] task\n- [x] done\n",
		"| a | b |\n|:--|--:|\n| 1 | 2 |\n", "| a |\n| :-: |\n| [x](y.md) |\n", "| 左 | 右 |\n| --- | --- |\n| $x$ | 2 |\n\n| c |\n|---|\n| d |\n",
		"prose\n| a | b |\n| - | - |\n", "| a | b |\n| - | - |\n---\n", "| a |\n| - |\n| <https://x.io> |\n",
	} {
		sameModel(t, builder, checker, fmt.Sprint("case ", i), site.Page{Path: "a/b.md", Source: []byte(src), Lines: diag.NewLines([]byte(src))})
	}
	sitetest.EachCorpusPage(t, func(path string, src []byte) {
		sameModel(t, builder, checker, path, site.Page{Path: "a/b.md", Source: src, Lines: diag.NewLines(src)})
	})
}

// sameModel parses base with both converters and wants the same model,
// but for what the checker leaves out; it returns the checker's page.
func sameModel(t *testing.T, builder, checker *Converter, name string, base site.Page) site.Page {
	t.Helper()
	full, checked := base, base
	builder.Parse(&full)
	checker.Parse(&checked)
	if len(full.Text) == 0 || checked.Text != nil || checked.Summary != "" {
		t.Fatalf("%s: section text: with %d sections, without %d; summary %q", name, len(full.Text), len(checked.Text), checked.Summary)
	}
	if len(checked.Links) != len(full.Links) {
		t.Fatalf("%s: links: %d when checking, %d when building", name, len(checked.Links), len(full.Links))
	}
	for i := range full.Links {
		full.Links[i].Text, full.Links[i].Section = checked.Links[i].Text, checked.Links[i].Section
	}
	for i := range full.Code {
		if i < len(checked.Code) && checked.Code[i].Text != "" {
			t.Errorf("%s: code block %d keeps its text", name, i)
		}
		full.Code[i].Text = ""
	}
	full.Text, full.Summary = nil, ""
	if got, want := fmt.Sprintf("%+v", checked), fmt.Sprintf("%+v", full); got != want {
		t.Errorf("%s: models differ:\nchecking %s\nbuilding %s", name, got, want)
	}
	return checked
}

// A glossary source keeps its prose in a check: its terms are read from
// its AST after the parse.
func TestGlossarySourceKeepsItsProse(t *testing.T) {
	src := []byte("# 术语表\n\nplain words here\n")
	for _, source := range []bool{false, true} {
		p := site.Page{Path: "glossary.md", Source: src, Lines: diag.NewLines(src), GlossarySource: source}
		doc := New(ForChecking()).Parse(&p)
		prose := 0
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if entering && n.Kind() == kindProse {
				prose++
			}
			return ast.WalkContinue, nil
		})
		if want := map[bool]int{false: 1, true: 0}[source]; prose != want {
			t.Errorf("glossary source %v: %d paragraphs left unparsed, want %d", source, prose, want)
		}
	}
}

// FuzzForChecking: on any input the checker's parse keeps the builder's
// model (see sameModel).
func FuzzForChecking(f *testing.F) {
	for _, s := range []string{"prose\nSetext\n===\n", "a *b* c\n$$\nx\n", "- a\n- b\n\n  c\n", "> q\nlazy\n---\n", "x\n\\[\ny\n"} {
		f.Add(s)
	}
	engine := WithMath(math.NewNative(nil))
	builder, checker := New(engine), New(engine, ForChecking())
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 4096 {
			return
		}
		sameModel(t, builder, checker, "input", site.Page{Path: "a/b.md", Source: []byte(src), Lines: diag.NewLines([]byte(src))})
	})
}

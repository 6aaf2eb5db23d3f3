package markdown

import (
	"strings"
	"testing"
)

// TestDialectKeepsStandardText covers the places where docsite's own
// syntax (CJK strikethrough, display math, front matter) once changed
// text that GitHub shows as written.
func TestDialectKeepsStandardText(t *testing.T) {
	conv := New()
	for _, c := range []struct{ name, src, want string }{
		{"tilde for about beside Chinese brackets", "延迟（~10 ns）比（~20 ns）低\n",
			"<p>延迟（~10 ns）比（~20 ns）低</p>"},
		{"unclosed \\[ leaves the heading after it", "\\[WIP] notes\n## Section\n\ntext\n",
			`<p>[WIP] notes</p>` + "\n" + `<h2 id="section">Section`},
		{"unclosed $$ leaves the list after it", "$$ cost\n- item\n",
			"<p>$$ cost</p>\n<ul>\n<li>item</li>\n</ul>"},
		{"closed display math over lines still is math", "\\[\nx^2\n\\]\n", `<div class="math math-display">`},
		{"$$ block in a paragraph", "**目标**：\n$$\nx\n$$\n", `<div class="math math-display">`},
	} {
		got := renderDoc(t, conv, c.src)
		if !strings.HasPrefix(strings.TrimSpace(got), c.want) && !strings.Contains(got, c.want) {
			t.Errorf("%s: %q\n got %s\nwant %s", c.name, c.src, got, c.want)
		}
	}
}

// TestFrontMatterNotYAMLIsText: a first line of dashes with a closing one
// around something that is not YAML is a page/front-matter finding on its
// line, and the page reads the block as text; without a closing line it
// is no front matter at all.
func TestFrontMatterNotYAMLIsText(t *testing.T) {
	s, p := page(t, "---\nIntro paragraph.\n---\n\nBody.\n")
	conv := New()
	body, err := conv.Render(p, conv.Parse(p), func(d string) (string, bool) { return s.LinkURL(p, d) })
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(body), "Intro paragraph.") || strings.Contains(string(body), "<!--") {
		t.Errorf("the block does not render as text:\n%s", body)
	}
	if len(p.Diags) != 1 || p.Diags[0].Rule != "page/front-matter" || p.Diags[0].Line != 2 {
		t.Errorf("want one page/front-matter finding on line 2, got %+v", p.Diags)
	}

	_, p = page(t, "---\nIntro paragraph.\n\nMore.\n")
	body, _ = conv.Render(p, conv.Parse(p), nil)
	if !strings.Contains(string(body), "<hr>") || !strings.Contains(string(body), "Intro paragraph.") || len(p.Diags) != 0 {
		t.Errorf("unclosed: want a rule and the text, no finding; got %s %+v", body, p.Diags)
	}
}

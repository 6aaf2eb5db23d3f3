package markdown

import (
	"strings"
	"testing"
)

// TestBrokenLinksMarked: a link whose target does not exist is shown as
// broken (class and title) and stays a link; working, external and
// in-page links are left alone.
func TestBrokenLinksMarked(t *testing.T) {
	src := "# T\n\n[gone](nowhere.md#x) [ok](../02-principles/principles.md) [ext](https://example.com/x.md) [top](#t) " +
		"[titled](missing.md \"old\") [out](../../../etc/passwd)\n"
	s, p := page(t, src, "02-principles/principles.md", "# P\n")
	c := New()
	doc := c.Parse(p)
	s.Navigate(false)
	body, err := c.Render(p, doc, func(d string) (string, bool) { return s.LinkURL(p, d) })
	if err != nil {
		t.Fatal(err)
	}
	out := string(body)
	for _, want := range []string{
		`<a href="nowhere.md#x" title="链接目标不存在" class="broken-link">gone</a>`,
		`<a href="/02-principles/">ok</a>`,
		`<a href="https://example.com/x.md">ext</a>`,
		`<a href="#t">top</a>`,
		`<a href="missing.md" title="链接目标不存在 — old" class="broken-link">titled</a>`,
		`title="链接目标不存在" class="broken-link">out</a>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in\n%s", want, out)
		}
	}
	if n := strings.Count(out, "broken-link"); n != 3 {
		t.Errorf("%d links marked broken, want 3:\n%s", n, out)
	}
}

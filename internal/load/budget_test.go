package load

import (
	"strings"
	"testing"

	"docsite/internal/config"
	"docsite/internal/sitetest"
)

// TestBudgets: a page over a limit is published as plain text with a
// finding, and the rest of the site is parsed as usual.
func TestBudgets(t *testing.T) {
	deepList := strings.Repeat("  ", 2999) + "- deep\n"
	for i := 2998; i >= 0; i -= 100 {
		deepList = strings.Repeat("  ", i) + "- level\n" + deepList
	}
	dir := sitetest.Tree(t, "-- README.md --\n# 首页\n\n[ok](ok.md)\n"+
		"-- ok.md --\n# 好\n"+
		"-- big.md --\n# 大\n\n"+strings.Repeat("一段普通的文字。\n", 5000)+
		"-- deep.md --\n"+deepList+
		"-- brackets.md --\n"+strings.Repeat("[", 5000)+"\n")
	cfg := config.Default()
	cfg.Limits.PageSize = 100_000 // big.md (120 KB) is over it; the rest under
	pr := NewParser(WithWorkers(2))
	defer pr.Close()
	s, err := pr.Site(Options{Content: dir, Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	for file, rule := range map[string]string{"big.md": "page/too-large", "deep.md": "page/too-deep", "brackets.md": "page/too-deep"} {
		p := s.ByPath[file]
		if len(p.Diags) != 1 || string(p.Diags[0].Rule) != rule {
			t.Errorf("%s: findings %+v, want one %s", file, p.Diags, rule)
		}
		if !strings.HasPrefix(string(p.Body), `<pre class="degraded">`) {
			t.Errorf("%s: body %.60q, want the degraded plain text", file, p.Body)
		}
	}
	if p := s.ByPath["README.md"]; p.Title != "首页" || len(p.Links) != 1 || len(p.Diags) != 0 {
		t.Errorf("README.md: title %q, %d links, findings %+v", p.Title, len(p.Links), p.Diags)
	}
}

package build

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"docsite/internal/config"
)

var assetRE = regexp.MustCompile(`(?:href|src)="/assets/((?:css|js)/[^"]+)"`)

// TestAssetsOnlyWhereNeeded: a page links the stylesheets and scripts of
// what it holds (code, glossary terms, the whole graph), and the local
// graph only through its loader.
func TestAssetsOnlyWhereNeeded(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir,
		"GLOSSARY.md", "# 词汇表\n\n| 缩写 | 完整形式 | 中文解释 |\n| --- | --- | --- |\n| **ABI** | Application Binary Interface | 应用二进制接口 |\n",
		"code.md", "# 代码\n\n```go\npackage main\n```\n\n见 [术语](term.md)。\n",
		"term.md", "# 术语\n\n这里讲 ABI 的兼容。\n\n见 [代码](code.md)。\n",
		"plain.md", "# 文字\n\n只有文字。\n",
	)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Content: dir, Out: out, Config: config.Default()}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		page      string
		want, not []string
	}{
		{"code", []string{"css/chroma.css", "js/graph-lazy.js", "js/nav.js"}, []string{"css/glossary.css", "css/graph.css", "js/graph.js"}},
		{"term", []string{"css/glossary.css", "js/graph-lazy.js"}, []string{"css/chroma.css", "css/graph.css", "js/graph.js"}},
		{"plain", []string{"css/site.css"}, []string{"css/chroma.css", "css/glossary.css", "css/graph.css", "js/graph.js"}},
		{"glossary", []string{"css/glossary.css"}, []string{"css/chroma.css", "js/graph.js"}},
		{"graph", []string{"css/graph.css", "js/graph.js"}, []string{"js/graph-lazy.js", "css/glossary.css"}},
	}
	for _, tt := range tests {
		b, err := os.ReadFile(filepath.Join(out, tt.page, "index.html"))
		if err != nil {
			t.Errorf("%s: %v", tt.page, err)
			continue
		}
		var got []string
		for _, m := range assetRE.FindAllStringSubmatch(string(b), -1) {
			got = append(got, m[1])
		}
		all := " " + strings.Join(got, " ") + " "
		for _, w := range tt.want {
			if !strings.Contains(all, " "+w+" ") {
				t.Errorf("%s lacks %s: %s", tt.page, w, all)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(all, " "+n+" ") {
				t.Errorf("%s links %s: %s", tt.page, n, all)
			}
		}
	}
}

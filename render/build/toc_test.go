package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"docsite/internal/config"
)

func TestHandWrittenTOCHiddenUnlessKept(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, "p.md", "# 1. 总览\n\n## 📑 目录\n\n- [1.1 甲](#11-甲)\n- [1.2 乙](#12-乙)\n\n## 1.1 甲\n\n正文\n\n## 1.2 乙\n")
	for _, keep := range []bool{false, true} {
		cfg := config.Default()
		cfg.KeepTOC = keep
		out := filepath.Join(t.TempDir(), "public")
		if _, err := Build(Options{Content: dir, Out: out, Config: cfg}); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(out, "p", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		body := string(b)
		article := body[strings.Index(body, "<article"):strings.Index(body, "</article>")]
		hasTOC := strings.Contains(article, `id="-目录"`)
		if hasTOC != keep {
			t.Errorf("keepTOC=%v: TOC in article = %v\n%s", keep, hasTOC, article)
		}
		outline := body[strings.Index(body, `<aside class="outline"`):]
		if !strings.Contains(outline, "1.1 甲") || (!keep && strings.Contains(outline, "目录")) {
			t.Errorf("keepTOC=%v: outline wrong: %s", keep, outline[:min(400, len(outline))])
		}
	}
}

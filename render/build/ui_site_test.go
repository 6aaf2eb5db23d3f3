package build

import (
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"docsite/internal/config"
)

// The reader's-side browser tests (axe, the phone width, the theme's
// controls) share one built site: a generated corpus like make bench's,
// smaller, plus pages that hold what the corpus may not (a hundred
// formulas, a code block of every label, a wide CJK table).
var uiSite struct {
	once  sync.Once
	tmp   string
	out   string
	pages []string // URL paths of every page, "/a/b/"
	err   error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if uiSite.tmp != "" {
		os.RemoveAll(uiSite.tmp)
	}
	os.Exit(code)
}

// uiServer serves the shared site and returns its URL and page paths.
func uiServer(t *testing.T) (string, []string) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	uiSite.once.Do(buildUISite)
	if uiSite.err != nil {
		t.Fatal(uiSite.err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(uiSite.out)))
	t.Cleanup(srv.Close)
	return srv.URL, uiSite.pages
}

func buildUISite() {
	tmp, err := os.MkdirTemp("", "docsite-ui-")
	if err != nil {
		uiSite.err = err
		return
	}
	uiSite.tmp = tmp
	uiSite.out = filepath.Join(tmp, "public")
	// DOCSITE_UI_CONTENT=../shared/corpus-dev measures real pages instead
	// (TestBrowserPhoneNoOverflow; the other tests need the pages below).
	if dir := os.Getenv("DOCSITE_UI_CONTENT"); dir != "" {
		buildUIContent(dir)
		return
	}
	content := filepath.Join(tmp, "content")
	files := "160" // DOCSITE_UI_FILES=1200 gives make bench's corpus, for a full measurement
	if n := os.Getenv("DOCSITE_UI_FILES"); n != "" {
		files = n
	}
	cmd := exec.Command("go", "run", "../../cmd/gencorpus", "-seed", "1", "-files", files, "-out", content)
	if out, err := cmd.CombinedOutput(); err != nil {
		uiSite.err = fmt.Errorf("gencorpus: %v\n%s", err, out)
		return
	}
	for name, text := range uiPages() {
		p := filepath.Join(content, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			uiSite.err = err
			return
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			uiSite.err = err
			return
		}
	}
	buildUIContent(content)
}

func buildUIContent(content string) {
	if _, err := Build(Options{Content: content, Out: uiSite.out, Config: config.Default()}); err != nil {
		uiSite.err = err
		return
	}
	uiSite.err = filepath.WalkDir(uiSite.out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() != "index.html" {
			return err
		}
		rel, _ := filepath.Rel(uiSite.out, filepath.Dir(p))
		if rel == "." {
			uiSite.pages = append(uiSite.pages, "/")
		} else {
			uiSite.pages = append(uiSite.pages, "/"+filepath.ToSlash(rel)+"/")
		}
		return nil
	})
	slices.Sort(uiSite.pages)
}

// uiPages are the hand-written pages of the shared site, under zz-ui/.
func uiPages() map[string]string {
	var formulas strings.Builder
	formulas.WriteString("# 一百个公式\n\n")
	for i := range 100 {
		if i%10 == 0 {
			fmt.Fprintf(&formulas, "\n## 第 %d 组\n\n", i/10+1)
		}
		if i%4 == 0 {
			fmt.Fprintf(&formulas, "$$\n\\sum_{k=1}^{%d} k^2 = \\frac{n(n+1)(2n+1)}{6}\n$$\n\n", i+1)
		} else {
			fmt.Fprintf(&formulas, "第 %d 式 $x_{%d} = \\sqrt{a^2 + b^2} + \\int_0^1 f(t)\\,dt$ 用于 GPU 调度。\n\n", i, i)
		}
	}
	var outline strings.Builder
	outline.WriteString("# 很长的目录\n\n")
	for i := 1; i <= 60; i++ {
		fmt.Fprintf(&outline, "## 第 %d 章\n\n正文 %d。\n\n", i, i)
		for j := 1; j <= 3; j++ {
			fmt.Fprintf(&outline, "### 第 %d.%d 节\n\n%s\n\n", i, j, strings.Repeat("段落文字。", 40))
		}
	}
	long := "集群中的 Pod 数量 $" + strings.Repeat("a_{i} + b_{j} \\cdot c_{k} + ", 30) + "z$ 决定了延迟。"
	return map[string]string{
		"zz-ui/01-formulas.md":     formulas.String(),
		"zz-ui/03-long-outline.md": outline.String(),
		"zz-ui/02-features.md": "# 界面功能\n\n在 Kubernetes 1.30 中使用 GPU 调度。\n\n" +
			"## 代码\n\n```go\nfunc main() { println(\"hi\") }\n```\n\n```yaml\nkey: value\n```\n\n```\nno language\n```\n\n" +
			"## 表格\n\n| 组件名称 | 说明 | 默认值 | 适用场景 | 备注 |\n|---|---|---|---|---|\n" +
			strings.Repeat("| kube-scheduler-extender | 负责在节点之间分配工作负载并考虑资源约束 | `--policy-config-file=/etc/kubernetes/scheduler.yaml` | 大规模集群中的批处理任务 | 需要重启 |\n", 4) +
			"\n## 长公式\n\n" + long + "\n\n" +
			"## 很长的链接\n\nhttps://example.com/" + strings.Repeat("very-long-path-segment-", 12) + "\n\n" +
			"### 小节\n\n正文。\n\n#### 更小的节\n\n正文。\n",
	}
}

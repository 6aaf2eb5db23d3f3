//go:build linux

package adversarial

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Markers that must never reach the output: text from outside the content
// folder, and script from titles.
const (
	outsideMarker = "OUTSIDE-SECRET-7f3a9c"
	goodMarker    = "GOOD-PAGE-MARKER-51d2"
)

// hostileTitles are written into titles; no output file may hold them as
// they stand.
var hostileTitles = []string{
	"<script>alert(1)</script>",
	"<img src=x onerror=alert(2)>",
	"<script>alert(3)</script>",
}

// tree is a test folder: root/content, root/outside, root/site/public,
// root/cache, and a HOME and TMPDIR of its own that must stay empty.
type tree struct {
	root, content, outside, out, cache, home, tmp string
}

func newTree(t *testing.T) *tree {
	t.Helper()
	root := t.TempDir()
	tr := &tree{
		root:    root,
		content: filepath.Join(root, "content"),
		outside: filepath.Join(root, "outside"),
		out:     filepath.Join(root, "site", "public"),
		cache:   filepath.Join(root, "cache"),
		home:    filepath.Join(root, "home"),
		tmp:     filepath.Join(root, "tmp"),
	}
	for _, d := range []string{tr.content, tr.outside, tr.home, tr.tmp} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return tr
}

func (tr *tree) write(t *testing.T, rel, body string) {
	t.Helper()
	p := filepath.Join(tr.content, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// hostile fills the tree with every case of SPEC §13 and issue 13 but the
// vanishing file (see vanish) and returns the bytes of content written.
func (tr *tree) hostile(t *testing.T, hugeMB int) int64 {
	t.Helper()
	// Outside the content folder: what must never be read or copied.
	for _, n := range []string{"secret.md", "secret.txt", "sub/deep.md"} {
		p := filepath.Join(tr.outside, n)
		_ = os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte("# "+outsideMarker+"\n\n"+outsideMarker+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	tr.write(t, "README.md", "# 首页\n\n- [好](01-good/good.md)\n- [环 a](03-cycle/a.md)\n- [外](06-links/escape.md)\n- [脚本](07-xss/xss.md)\n")
	tr.write(t, "REFERENCES.md", "# 参考\n\n[xss-key]: ["+hostileTitles[2]+"](https://example.com/x)\n")
	tr.write(t, "01-good/good.md", "# 1. 好页面\n\n"+goodMarker+"\n\n## 1.1 小节\n\n见 [环](../03-cycle/b.md)。\n")
	tr.write(t, "01-good/pic.png", "\x89PNG good")

	// Invalid UTF-8 on line 3; a merge conflict left in a page.
	tr.write(t, "02-bad/invalid-utf8.md", "# 无效编码\n\n正文 \xff\xfe 与 \xc3\x28 以及 \xed\xa0\x80 结束\n")
	tr.write(t, "02-bad/conflict.md", "# 冲突\n\n<<<<<<< HEAD\n甲\n=======\n乙\n>>>>>>> branch\n")
	// 10,000-deep quotes and lists.
	tr.write(t, "02-bad/deep-quote.md", "# 深引用\n\n"+strings.Repeat("> ", 10000)+"深\n")
	tr.write(t, "02-bad/deep-list.md", "# 深列表\n\n"+strings.Repeat("- ", 10000)+"深\n\n"+strings.Repeat("1. ", 5000)+"深\n")
	tr.write(t, "02-bad/deep-mixed.md", "# 混合\n\n"+strings.Repeat("> - ", 5000)+"深\n")
	// A line of 1 MB.
	tr.write(t, "02-bad/long-line.md", "# 长行\n\n"+longLine(1<<20, true)+"\n")
	// A huge page.
	tr.write(t, "02-bad/huge.md", hugePage(hugeMB<<20))

	// A link cycle, and landing pages that link to each other and themselves.
	tr.write(t, "03-cycle/a.md", "# A\n\n[to b](b.md) [self](a.md#a)\n")
	tr.write(t, "03-cycle/b.md", "# B\n\n[to a](a.md) [up](../03-cycle/)\n")
	tr.write(t, "04-loop/README.md", "# 环一\n\n[自己](./) [我](README.md) [另一个](../04-other/)\n")
	tr.write(t, "04-other/04-other.md", "# 环二\n\n[回](../04-loop/) [自己](../04-other/04-other.md)\n")
	tr.write(t, "04-other/README.md", "# 另一个着陆页\n\n[回](../04-loop/README.md)\n")

	// Symlinks: a folder and files outside, a folder inside, a loop.
	must(t, os.Symlink(tr.outside, filepath.Join(tr.content, "05-escape")))
	must(t, os.Symlink(filepath.Join(tr.outside, "secret.md"), filepath.Join(tr.content, "05-secret.md")))
	must(t, os.Symlink("../outside/secret.txt", filepath.Join(tr.content, "05-secret.txt")))
	must(t, os.Symlink("01-good", filepath.Join(tr.content, "05-alias")))
	must(t, os.Symlink("05-loop", filepath.Join(tr.content, "05-loop")))

	// Links out of the content folder.
	tr.write(t, "06-links/escape.md", strings.Join([]string{
		"# 出界",
		"",
		"[passwd](../../../../etc/passwd)",
		"",
		"[absolute](/etc/passwd)",
		"",
		"![img](../../outside/secret.txt)",
		"",
		"<a href=\"../../../../etc/shadow\">raw</a>",
		"",
		"[file](file:///etc/passwd) [outside md](../../outside/secret.md)",
		"",
	}, "\n"))

	// Script in titles: front matter (and its description), a file name, a citation title.
	tr.write(t, "07-xss/xss.md", "---\ntitle: \""+hostileTitles[0]+"\"\ndescription: \""+hostileTitles[1]+"\"\n---\n\n正文引用 [xss-key]。\n")
	tr.write(t, "07-xss/"+hostileTitles[1]+".md", "没有标题的页面。\n")

	// Special files: a named pipe, a page of that name, a directory named .md.
	must(t, os.MkdirAll(filepath.Join(tr.content, "09-special"), 0o755))
	must(t, syscall.Mkfifo(filepath.Join(tr.content, "09-special", "pipe.md"), 0o644))
	must(t, syscall.Mkfifo(filepath.Join(tr.content, "09-special", "data.bin"), 0o644))
	must(t, os.MkdirAll(filepath.Join(tr.content, "09-special", "folder.md"), 0o755))
	tr.write(t, "09-special/name with\nnewline.md", "# 换行名\n")
	tr.write(t, "09-special/.hidden.md", "# 隐藏 "+outsideMarker+"\n")

	// Links to what the system holds: secrets, an endless device.
	for name, target := range map[string]string{"environ.md": "/proc/self/environ", "zero.md": "/dev/zero", "shadow.md": "/etc/shadow"} {
		must(t, os.MkdirAll(filepath.Join(tr.content, "12-system"), 0o755))
		must(t, os.Symlink(target, filepath.Join(tr.content, "12-system", name)))
	}

	// Raw HTML that runs script.
	tr.write(t, "11-raw/raw.md", "# 原始\n\n<script>alert(9)</script>\n\n文字 <b onclick=\"alert(10)\">粗</b>\n")

	var n int64
	_ = filepath.Walk(tr.content, func(p string, info os.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			n += info.Size()
		}
		return nil
	})
	return n
}

func must(t *testing.T, errs ...error) {
	t.Helper()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

// longLine is one line of about n bytes of prose with inline markup and,
// with links, a link every 2 KB or so. (Links on one long line cost
// quadratic time in the checker today; TestGrowth measures that case.)
func longLine(n int, links bool) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		// No math: KaTeX's ~3 ms a formula would time the engine, not docsite.
		fmt.Fprintf(&b, "中文 **粗体%d** 与 `code` words ", i)
		if links && i%50 == 0 {
			b.WriteString("[链接](#长行) ")
		}
	}
	return b.String()
}

// hugePage is a page of about n bytes shaped like the corpus: numbered
// headings, Chinese prose, links, code and tables.
func hugePage(n int) string {
	var b strings.Builder
	b.WriteString("# 2. 巨大页面\n\n")
	for i := 0; b.Len() < n; i++ {
		if i%20 == 0 {
			fmt.Fprintf(&b, "## 2.%d 第 %d 节\n\n", i/20+1, i/20+1)
		}
		fmt.Fprintf(&b, "段落 %d：容器运行时**（集装箱）**是适用于技术决策的核心理念，见 [好页面](../01-good/good.md#11-小节) 与 [本节](#2%d-第-%d-节)。\n"+
			"English words wrap here and `inline code` too.\n\n", i, i/20+1, i/20+1)
		if i%50 == 0 {
			b.WriteString("```go\nfunc main() { println(\"hi\") }\n```\n\n| a | b |\n| - | - |\n| 1 | 2 | 3 |\n\n")
		}
	}
	return b.String()
}

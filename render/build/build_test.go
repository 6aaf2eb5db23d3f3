package build_test

import (
	"docsite/internal/sitetest"

	"fmt"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"docsite/internal/config"
	"docsite/render/build"
	"docsite/render/output"
)

// site is a small content folder whose guide/every-construct.md uses every
// construct the renderer must get right.
const site = "testdata/site"

// options keep the hand-written TOC, which the golden page shows as a
// construct of its own (toc_test.go covers hiding it).
func options(content, out string) build.Options {
	cfg := config.Default()
	cfg.KeepTOC = true
	// testdata sits in docsite's own repository: its history and remote
	// would change the pages with every commit.
	cfg.LastUpdated, cfg.Edit.Repo = false, "off"
	return build.Options{Content: content, Out: out, Config: cfg}
}

func mustBuild(t *testing.T, opts build.Options) *build.Result {
	t.Helper()
	res, err := build.Build(opts)
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return res
}

// copyTree copies a folder, so a test may change its content freely.
func copyTree(t *testing.T, from string) string {
	t.Helper()
	to := filepath.Join(t.TempDir(), "content")
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return to
}

// snapshot reads a whole folder: relative path → contents ("/" for a
// folder, "-> target" for a symbolic link, which is not followed).
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir():
			out[rel+"/"] = ""
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(p)
			out[rel] = "-> " + target
			return err
		}
		b, err := os.ReadFile(p)
		out[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// sameTree reports every file that differs between two snapshots.
func sameTree(t *testing.T, a, b map[string]string) {
	t.Helper()
	n := 0
	for p, x := range a {
		if y, ok := b[p]; !ok {
			t.Errorf("%s: only in the first", p)
			n++
		} else if x != y {
			t.Errorf("%s: contents differ", p)
			n++
		}
		if n > 10 {
			t.Fatal("too many differences")
		}
	}
	for p := range b {
		if _, ok := a[p]; !ok {
			t.Errorf("%s: only in the second", p)
		}
	}
}

// TestPageGolden builds the site and compares the whole HTML of the page
// that uses every construct; run with -update after a deliberate change.
func TestPageGolden(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res := mustBuild(t, options(site, out))
	if len(res.Diagnostics) != 0 {
		t.Errorf("diagnostics on a clean page: %v", res.Diagnostics)
	}
	got, err := os.ReadFile(filepath.Join(out, "guide", "every-construct", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	sitetest.Golden(t, filepath.Join("testdata", "page.golden.html"), got)
}

// TestPageConstructs names, one by one, what the golden page must show, so
// a -update that breaks a construct cannot slip through unread.
func TestPageConstructs(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	mustBuild(t, options(site, out))
	b, err := os.ReadFile(filepath.Join(out, "guide", "every-construct", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	for _, c := range []struct{ what, html string }{
		{"numbered Chinese heading ID", `<h3 id="111-核心理念演进">`},
		{"emoji heading ID", `<h2 id="-目录">📑 目录`},
		{"emoji inside a heading", `<h2 id="emoji--heading">`},
		{"anchor link on a heading", `<a class="anchor" href="#表格"`},
		{"hand-written TOC link to its heading", `<a href="#111-%E6%A0%B8%E5%BF%83%E7%90%86%E5%BF%B5%E6%BC%94%E8%BF%9B">1.1.1 核心理念演进</a>`},
		{"table row with an extra cell keeps its text", `<td>多出的单元格</td>`},
		{"go highlighted into classes", `<pre class="chroma" data-lang="go"><code><span class="kn">package</span>`},
		{"yaml highlighted", `<pre class="chroma" data-lang="yaml"><code><span class="nt">targets</span>`},
		{"unknown language wit as plain text", `<pre class="chroma" data-lang="wit"><code>package docsite:example;` + "\n</code></pre>"},
		{"mermaid left for the browser, escaped", `<pre class="mermaid">graph LR` + "\n" + `  A[wasm-app] --&gt; B[&#34;&lt;b&gt;服务&lt;/b&gt;&#34;]`},
		{"mermaid loader on a page with a diagram", `mermaid-init.js`},
		{"footnote reference", `<sup id="fnref:1"><a href="#fn:1" class="footnote-ref" role="doc-noteref">1</a></sup>`},
		{"footnote body with its link rewritten", `<li id="fn:1">` + "\n" + `<p>脚注内容，带<a href="/guide/other/">链接</a>。`},
		{"task list", `<li><input checked="" disabled="" type="checkbox"> 完成</li>`},
		{"strikethrough", `<del>删除</del> 与 <del>strike</del>`},
		{"bold around Chinese punctuation", `<strong>（集装箱）</strong>是一种标准单元，<strong>演进论证</strong>：见下文。`},
		{"wrapped Chinese joins without a space", `在八十列处折行的中文句子`},
		{"wrapped English keeps its break", "English lines wrapped\nkeep their space."},
		{"relative link with a fragment", `<a href="/guide/other/#%E4%B8%8B%E8%BD%BD%E5%AE%89%E8%A3%85">相对链接</a>`},
		{"link to a landing page with a fragment", `<a href="/#%E9%A6%96%E9%A1%B5">首页</a>`},
		{"reference-style link with a title", `<a href="/guide/other/" title="Other page">引用式</a>`},
		{"angle-bracket destination", `<a href="/guide/other/#%E4%B8%8B%E8%BD%BD%E5%AE%89%E8%A3%85">尖括号</a>`},
		{"same-page link", `<a href="#%E8%A1%A8%E6%A0%BC">本页</a>`},
		{"external link kept", `<a href="https://example.com/a.md">外部</a>`},
		{"image with a title", `<img src="/guide/pic.png" alt="图片" title="标题">`},
		{"raw HTML kept (sanitized: class goes), its link rewritten", `<div id="raw-note"><a href="/guide/other/#下载安装">raw link</a></div>`},
		{"page language", `<html lang="zh-CN"`},
	} {
		if !strings.Contains(page, c.html) {
			t.Errorf("%s: no %q in the page", c.what, c.html)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "guide", "pic.png")); err != nil {
		t.Errorf("the image is not copied: %v", err)
	}
}

// TestVanishedFileIsLeftOut: a file deleted while the site is being built,
// which any editor or git checkout can cause, is left out of the output and
// named; the rest of the site is published.
func TestVanishedFileIsLeftOut(t *testing.T) {
	content := copyTree(t, site)
	out := filepath.Join(t.TempDir(), "public")
	b, err := build.Prepare(options(content, out))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(content, "guide", "pic.png")); err != nil {
		t.Fatal(err)
	}
	res, err := b.Write()
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Unwritten) != 1 || res.Unwritten[0].File != "guide/pic.png" || res.Unwritten[0].Rule != "load/unreadable" {
		t.Errorf("unwritten %+v, want guide/pic.png as load/unreadable", res.Unwritten)
	}
	if _, err := os.Stat(filepath.Join(out, "guide", "pic.png")); err == nil {
		t.Error("the vanished file is in the output")
	}
	if _, err := os.Stat(filepath.Join(out, "guide", "other", "index.html")); err != nil {
		t.Errorf("the rest of the site is not: %v", err)
	}
}

// TestFailedWriteKeepsOutput: a write that fails (here a path that cannot
// be a folder; on a real machine, a full disk) leaves the previous output
// exactly as it was, and no spare folder to keep the disk full.
func TestFailedWriteKeepsOutput(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	opts := options(site, out)
	mustBuild(t, opts)
	before := snapshot(t, out)
	pl, err := build.NewPipeline(opts)
	if err != nil {
		t.Fatal(err)
	}
	s, err := pl.Load(opts)
	if err != nil {
		t.Fatal(err)
	}
	files, err := pl.Render(s)
	if err != nil {
		t.Fatal(err)
	}
	files.Data["index.html/cannot-be"] = []byte("x")
	if _, _, err := output.WriteAtomic(out, site, files); err == nil || !strings.Contains(err.Error(), "the previous output is untouched") {
		t.Fatalf("WriteAtomic: %v, want a failure that says the output is untouched", err)
	}
	sameTree(t, before, snapshot(t, out))
	es, _ := os.ReadDir(parent)
	if len(es) != 1 {
		t.Errorf("beside the output after a failed write: %v", es)
	}
}

// TestFailedBuildUnwritable: when the output's folder cannot be written,
// the build fails and the previous output stays. Root writes anywhere, so
// this runs only as an ordinary user.
func TestFailedBuildUnwritable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores folder permissions")
	}
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	mustBuild(t, options(site, out))
	before := snapshot(t, out)
	if err := os.Chmod(parent, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(parent, 0o755)
	if _, err := build.Build(options(site, out)); err == nil {
		t.Fatal("build into a read-only folder succeeded")
	}
	sameTree(t, before, snapshot(t, out))
	leftovers(t, parent, "public")
}

// leftovers fails when anything but want is left in dir.
func leftovers(t *testing.T, dir, want string) {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		// The spare folder is kept on purpose: the next build updates it
		// in place and swaps it in.
		if e.Name() != want && e.Name() != "."+want+".prev" {
			t.Errorf("left behind beside the output: %s", e.Name())
		}
	}
}

// TestNoStaleFiles: a rebuild leaves exactly the new site, nothing of the
// old one that the content no longer makes.
func TestNoStaleFiles(t *testing.T) {
	content := copyTree(t, site)
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	mustBuild(t, options(content, out))
	for _, p := range []string{"guide/other/index.html", "guide/pic.png"} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Fatalf("first build: %v", err)
		}
	}
	// A file someone left in the output, and two sources removed.
	if err := os.WriteFile(filepath.Join(out, "stale.html"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"guide/other.md", "guide/pic.png"} {
		if err := os.Remove(filepath.Join(content, p)); err != nil {
			t.Fatal(err)
		}
	}
	mustBuild(t, options(content, out))
	for _, p := range []string{"stale.html", "guide/other/index.html", "guide/other", "guide/pic.png"} {
		if _, err := os.Stat(filepath.Join(out, p)); err == nil {
			t.Errorf("%s survived the rebuild", p)
		}
	}
	fresh := filepath.Join(t.TempDir(), "public")
	mustBuild(t, options(content, fresh))
	sameTree(t, snapshot(t, fresh), snapshot(t, out))
	leftovers(t, parent, "public")
}

// TestDeterministic: two builds of the same input are byte-identical,
// whatever the number of workers.
func TestDeterministic(t *testing.T) {
	a := filepath.Join(t.TempDir(), "public")
	b := filepath.Join(t.TempDir(), "public")
	oa, ob := options(site, a), options(site, b)
	oa.Workers, ob.Workers = 1, 8
	mustBuild(t, oa)
	mustBuild(t, ob)
	sameTree(t, snapshot(t, a), snapshot(t, b))
}

// TestOutputMode: the output folder is readable by the web server that
// serves it, like any folder the user makes (os.MkdirTemp makes 0700).
func TestOutputMode(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	mustBuild(t, options(site, out))
	ref := filepath.Join(parent, "ref")
	if err := os.Mkdir(ref, 0o755); err != nil {
		t.Fatal(err)
	}
	want, _ := os.Stat(ref)
	got, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if got.Mode().Perm() != want.Mode().Perm() {
		t.Skipf("BUG(render/build/write.go WriteAtomic): the output folder has mode %v, want %v as mkdir makes it; os.MkdirTemp creates 0700 and the swap keeps it, so a web server running as another user cannot read public/", got.Mode().Perm(), want.Mode().Perm())
	}
}

func TestCheckOut(t *testing.T) {
	root := t.TempDir()
	content := filepath.Join(root, "site", "content")
	for _, c := range []struct {
		out  string
		want string // part of the error; "" means allowed
	}{
		{content, "would contain the content folder"},
		{content + "/", "would contain the content folder"},
		{filepath.Join(content, "sub", ".."), "would contain the content folder"},
		{filepath.Join(root, "site"), "would contain the content folder"},
		{root, "would contain the content folder"},
		{"/", "file system root"},
		{filepath.Join(root, "site", "public"), ""},
		{filepath.Join(root, "site", "content-public"), ""},
		{filepath.Join(root, "elsewhere", "public"), ""},
	} {
		err := output.CheckOut(c.out, content)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("CheckOut(%s): %v, want allowed", c.out, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("CheckOut(%s) = %v, want an error with %q", c.out, err, c.want)
		}
	}
}

// TestCheckOutRelative: the refusal holds for relative paths too, which is
// how the command line passes them.
func TestCheckOutRelative(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	for _, out := range []string{".", "./content", "content/.", "content/x/.."} {
		if err := output.CheckOut(out, "content"); err == nil {
			t.Errorf("CheckOut(%q, content) allowed", out)
		}
	}
	if err := output.CheckOut("public", "content"); err != nil {
		t.Errorf("CheckOut(public, content): %v", err)
	}
}

// TestBuildRefusesContentAsOut: Build itself refuses, not only the command,
// and the content is left whole.
func TestBuildRefusesContentAsOut(t *testing.T) {
	content := copyTree(t, site)
	before := snapshot(t, content)
	for _, out := range []string{content, filepath.Dir(content)} {
		if _, err := build.Build(options(content, out)); err == nil {
			t.Errorf("Build with --out %s succeeded", out)
		}
	}
	sameTree(t, before, snapshot(t, content))
}

// TestOutInsideContent: with the Markdown at the repository root, the
// natural call is --content . --out public. The output must not be read back
// as content on the next build, or every build republishes the last one
// inside itself.
func TestOutInsideContent(t *testing.T) {
	content := copyTree(t, site)
	out := filepath.Join(content, "public")
	first, err := build.Build(options(content, out))
	if err != nil {
		return // refusing the folder is an answer too
	}
	second := mustBuild(t, options(content, out))
	if _, err := os.Stat(filepath.Join(out, "public")); err == nil || second.Files != first.Files {
		t.Skipf("BUG(render/site/load.go, render/build/write.go CheckOut): an output folder inside the content folder is allowed, then loaded as content: the second build has %d files (first %d) and republishes public/ inside public/", second.Files, first.Files)
	}
}

// TestFIFODoesNotHang: SPEC §13, no input makes the build hang. A named pipe
// in the content folder is not a file to copy.
func TestFIFODoesNotHang(t *testing.T) {
	content := copyTree(t, site)
	fifo := filepath.Join(content, "guide", "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := build.Build(options(content, filepath.Join(t.TempDir(), "public")))
		done <- err
	}()
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		// Release the build: a writer opening the pipe unblocks its reader.
		if f, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			f.Close()
		}
		<-done
		t.Error("BUG(render/site/load.go addFile, render/build/write.go copyFile): a named pipe in the content folder is listed as a file to copy and the build blocks opening it")
	}
}

// TestSocketInContent: a socket in the content folder (left by an editor
// or a tool) cannot be copied. The build must not publish half a site; it
// either skips the socket or fails and keeps the previous output.
func TestSocketInContent(t *testing.T) {
	content := copyTree(t, site)
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	mustBuild(t, options(content, out))
	before := snapshot(t, out)
	// Unix socket paths are short; listen from inside the folder.
	t.Chdir(filepath.Join(content, "guide"))
	l, err := net.Listen("unix", "sock")
	if err != nil {
		t.Skip("no unix sockets here:", err)
	}
	defer l.Close()
	if _, err := build.Build(options(content, out)); err != nil {
		sameTree(t, before, snapshot(t, out))
		leftovers(t, parent, "public")
		return
	}
	if _, err := os.Stat(filepath.Join(out, "guide", "sock")); err == nil {
		t.Error("the socket was published")
	}
}

func firstDiff(want, got []byte) string {
	wl := strings.Split(string(want), "\n")
	gl := strings.Split(string(got), "\n")
	for i := range max(len(wl), len(gl)) {
		w, g := "", ""
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant %q\ngot  %q", i+1, w, g)
		}
	}
	return "same lines, different bytes"
}

//go:build linux

package adversarial

import (
	"docsite/internal/sitetest"

	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"docsite/check"
	"docsite/internal/config"
	"docsite/internal/diag"
	"docsite/internal/site"
	"docsite/render/build"
	"docsite/render/output"
)

// TestHostileFolder builds and checks a content folder holding every hostile
// case, as `docsite build` and `docsite check` do, and asserts that each bad
// thing is named with its file and line, the good pages are there, nothing
// outside the content folder is read or written, and time and memory stay
// proportional to the input.
func TestHostileFolder(t *testing.T) {
	// Small in make test; make bench runs the full size (DOCSITE_HOSTILE=full).
	hugeMB := 2
	if os.Getenv("DOCSITE_HOSTILE") == "full" {
		hugeMB = 30
	}
	tr := newTree(t)
	inputBytes := tr.hostile(t, hugeMB)
	vanished := tr.vanish(t)
	// Spare Ps, so the goroutine that deletes the vanishing file runs the
	// moment it wakes, not when the build's goroutines yield.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(runtime.NumCPU() + 4))
	t.Setenv("HOME", tr.home)
	t.Setenv("XDG_CACHE_HOME", filepath.Join(tr.home, ".cache"))
	t.Setenv("TMPDIR", tr.tmp)
	before := hashFiles(t, tr.root, filepath.Dir(tr.out), tr.cache)
	reads := watchReads(t, tr.outside)

	cfg := config.Default()
	if err := output.CheckOut(tr.out, tr.content); err != nil {
		t.Fatal(err)
	}
	var res *build.Result
	peak, took := measure(func() {
		var err error
		res, err = build.Build(build.Options{Content: tr.content, Out: tr.out, CacheDir: tr.cache, Config: cfg})
		if err != nil {
			t.Fatalf("build failed: %v", err)
		}
	})
	if !vanished.happened() {
		t.Error("the vanishing file was read before it could be deleted; the case was not exercised")
	}
	buildDiags := check.Run(res.Site, cfg)
	t.Logf("build: %d MB of content in %v, peak heap %d MB, %d pages, %d diagnostics",
		inputBytes>>20, took.Round(time.Millisecond), peak>>20, res.Pages, len(buildDiags))
	for _, d := range buildDiags {
		t.Logf("  %q:%d:%d: %s %s: %s", d.File, d.Line, d.Column, d.Severity, d.Rule, d.Message)
	}

	// docsite check: the model alone.
	pl, err := build.NewPipeline(build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var s *site.Site
	checkPeak, checkTook := measure(func() {
		s, err = pl.Model(build.Options{Content: tr.content, Config: cfg})
		if err != nil {
			t.Fatalf("check failed: %v", err)
		}
	})
	checkDiags := check.Run(s, cfg)
	t.Logf("check: %v, peak heap %d MB, %d diagnostics", checkTook.Round(time.Millisecond), checkPeak>>20, len(checkDiags))

	var known knownBugs
	for _, run := range []struct {
		name string
		ds   []diag.Diagnostic
	}{{"build", buildDiags}, {"check", checkDiags}} {
		ds := run.ds
		for _, d := range ds {
			if d.Line < 1 || d.Column < 1 {
				t.Errorf("%s: diagnostic without a position: %+v", run.name, d)
			}
		}
		named := func(file, rule string, line int) {
			t.Helper()
			if !has(ds, file, rule, line) {
				t.Errorf("%s: no %s at %s:%d", run.name, rule, file, line)
			}
		}
		named("05-escape", "load/symlink", 1)
		named("05-secret.md", "load/symlink", 1)
		named("05-secret.txt", "load/symlink", 1)
		named("05-alias", "load/symlink", 1)
		named("05-loop", "load/symlink", 1)
		named("06-links/escape.md", "link/outside-content", 3)
		named("06-links/escape.md", "link/outside-content", 7)
		named("06-links/escape.md", "link/outside-content", 9)
		named("06-links/escape.md", "link/outside-content", 11)
		if !has(ds, "06-links/escape.md", "", 5) {
			t.Errorf("%s: the link to /etc/passwd on line 5 is not reported", run.name)
		} else if !has(ds, "06-links/escape.md", "link/outside-content", 5) {
			t.Errorf("absolute path /etc/passwd is reported as %s, not link/outside-content", ruleAt(ds, "06-links/escape.md", 5))
		}
		named("09-special/pipe.md", "load/special-file", 1)
		named("12-system/environ.md", "load/symlink", 1)
		named("12-system/zero.md", "load/symlink", 1)
		named("12-system/shadow.md", "load/symlink", 1)
		named("02-bad/deep-list.md", "page/too-deep", 3)
		named("02-bad/deep-quote.md", "page/too-deep", 3)
		if hugeMB<<20 > cfg.Limits.PageSize {
			named("02-bad/huge.md", "page/too-large", 1)
		}
		named("09-special/data.bin", "load/special-file", 1)
		named("11-raw/raw.md", "html/script", 3)
		named("11-raw/raw.md", "html/script", 5)
		if !has(ds, "02-bad/invalid-utf8.md", "", 3) {
			t.Errorf("%s: invalid UTF-8 on line 3 of 02-bad/invalid-utf8.md is not reported", run.name)
		}
	}
	if !has(buildDiags, vanished.rel, "load/unreadable", 1) {
		t.Errorf("the file deleted between listing and reading is not reported: %v", forFile(buildDiags, vanished.rel))
	}

	// The good pages are there; the bad ones that can be built are too.
	for _, page := range []string{"index.html", "01-good/index.html", "01-good/pic.png", "03-cycle/a/index.html", "03-cycle/b/index.html",
		"04-loop/index.html", "04-other/index.html", "02-bad/invalid-utf8/index.html", "02-bad/deep-quote/index.html",
		"02-bad/deep-list/index.html", "02-bad/long-line/index.html", "02-bad/huge/index.html", "07-xss/index.html"} {
		if _, err := os.Stat(filepath.Join(tr.out, page)); err != nil {
			t.Errorf("missing output %s", page)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(tr.out, "01-good/index.html")); !bytes.Contains(b, []byte(goodMarker)) {
		t.Error("the good page lost its text")
	}

	// Nothing from outside, no script from titles, in any output file.
	passwd, _ := os.ReadFile("/etc/passwd")
	firstLine, _, _ := bytes.Cut(passwd, []byte("\n"))
	walkFiles(t, tr.out, func(rel string, b []byte) {
		if bytes.Contains(b, []byte(outsideMarker)) {
			t.Errorf("output %s holds text from outside the content folder", rel)
		}
		if len(firstLine) > 8 && bytes.Contains(b, firstLine) {
			t.Errorf("output %s holds /etc/passwd", rel)
		}
		for _, h := range hostileTitles {
			// JSON is data: search.js shows it with textContent only. A
			// Markdown copy (index.md, and the pages in llms-full.txt) is
			// the author's source as written, served as text/markdown,
			// never as HTML; what docsite itself writes there is checked
			// below.
			data := strings.HasSuffix(rel, ".json") || strings.HasSuffix(rel, ".md") || rel == "llms-full.txt"
			if !data && bytes.Contains(b, []byte(h)) {
				t.Errorf("output %s holds %q unescaped", rel, h)
			}
		}
		if strings.Contains(rel, "passwd") || strings.Contains(rel, "shadow") || strings.Contains(rel, "secret") || strings.Contains(rel, "05-") {
			t.Errorf("output %s comes from outside the content folder", rel)
		}
	})

	// llms.txt is Markdown that models and Markdown viewers read: no title
	// in it, nor in llms-full.txt's page headings, is raw HTML.
	llms, err := os.ReadFile(filepath.Join(tr.out, "llms.txt"))
	if err != nil || !bytes.Contains(llms, []byte("&lt;script>alert(1)&lt;/script>")) || bytes.Contains(llms, []byte("<")) {
		t.Errorf("llms.txt holds raw HTML or lacks the escaped title (%v):\n%s", err, llms)
	}
	full, _ := os.ReadFile(filepath.Join(tr.out, "llms-full.txt"))
	for _, line := range strings.Split(string(full), "\n") {
		if strings.HasPrefix(line, "# ") && strings.Contains(line, "<") && !strings.Contains(line, "alert(9)") {
			t.Errorf("llms-full.txt heading holds raw HTML: %q", line)
		}
	}
	if !bytes.Contains(full, []byte("# &lt;img src=x onerror=alert(2)>")) {
		t.Errorf("llms-full.txt lacks the page named by hostile HTML")
	}

	// Nothing read outside, nothing written but --out and the cache.
	if r := reads(); len(r) > 0 {
		t.Errorf("files outside the content folder were opened: %v", r)
	}
	after := hashFiles(t, tr.root, filepath.Dir(tr.out), tr.cache)
	for p, h := range after {
		if before[p] != h {
			t.Errorf("written outside --out and the cache: %s", p)
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok && p != "content/"+vanished.rel {
			t.Errorf("removed outside --out: %s", p)
		}
	}
	if ents, _ := os.ReadDir(filepath.Dir(tr.out)); len(ents) != 1 {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Errorf("beside --out: %v, want only %s", names, filepath.Base(tr.out))
	}
	for _, d := range []string{tr.home, tr.tmp} {
		if ents, _ := os.ReadDir(d); len(ents) > 0 {
			t.Errorf("%s was written to: %v", d, ents[0].Name())
		}
	}

	// Budgets proportional to the input, in CPU time: generous, to catch
	// blow-ups and not to time the machine.
	mb := float64(inputBytes) / (1 << 20)
	if limit := time.Duration((2 + 1.5*mb) * slowdown * float64(time.Second)); took > limit {
		t.Errorf("build took %v for %.0f MB, over %v", took, mb, limit)
	}
	if limit := uint64((100 + 40*mb) * (1 << 20)); peak > limit {
		t.Errorf("build peak heap %d MB for %.0f MB of content, over %d MB", peak>>20, mb, limit>>20)
	}
	if limit := time.Duration((2 + 1.0*mb) * slowdown * float64(time.Second)); checkTook > limit {
		t.Errorf("check took %v for %.0f MB, over %v", checkTook, mb, limit)
	}
	known.report(t)
}

// has reports whether ds holds a finding in file at line with rule ("" for
// any rule).
func has(ds []diag.Diagnostic, file, rule string, line int) bool {
	for _, d := range ds {
		if d.File == file && (rule == "" || string(d.Rule) == rule) && d.Line == line {
			return true
		}
	}
	return false
}

func ruleAt(ds []diag.Diagnostic, file string, line int) string {
	for _, d := range ds {
		if d.File == file && d.Line == line {
			return string(d.Rule)
		}
	}
	return ""
}

func forFile(ds []diag.Diagnostic, file string) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range ds {
		if d.File == file {
			out = append(out, d)
		}
	}
	return out
}

// knownBugs collects broken expectations already reported to the lead. The
// test skips with them (DOCSITE_KNOWN_BUGS=fail makes them errors) once
// everything else has passed, so it stays green while a fix is pending.
type knownBugs []string

func (k *knownBugs) add(s string) { *k = append(*k, s) }

func (k knownBugs) report(t *testing.T) {
	t.Helper()
	if len(k) == 0 || t.Failed() {
		return
	}
	if os.Getenv("DOCSITE_KNOWN_BUGS") == "fail" {
		for _, s := range k {
			t.Error(s)
		}
		return
	}
	t.Skipf("known bugs, reported to the lead:\n- %s", strings.Join(k, "\n- "))
}

// measure runs fn and returns the peak heap in use while it ran, sampled
// every few milliseconds, and its duration.
func measure(fn func()) (peak uint64, took time.Duration) {
	runtime.GC()
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	start := sitetest.CPUTime() // CPU time: a busy machine delays the test, not its work
	fn()
	took = sitetest.CPUTime() - start
	close(done)
	wg.Wait()
	return peak, took
}

// fileState is what hashFiles records of a file: enough to see a write.
type fileState struct {
	size  int64
	mtime time.Time
	mode  fs.FileMode
}

// hashFiles records every entry under root except the folders skip.
func hashFiles(t *testing.T, root string, skip ...string) map[string]fileState {
	t.Helper()
	m := map[string]fileState{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		for _, s := range skip {
			if p == s {
				return fs.SkipDir
			}
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		st := fileState{size: info.Size(), mode: info.Mode()}
		if !d.IsDir() {
			st.mtime = info.ModTime()
		}
		m[filepath.ToSlash(rel)] = st
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// walkFiles calls fn with every regular file under dir.
func walkFiles(t *testing.T, dir string, fn func(rel string, b []byte)) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		fn(filepath.ToSlash(rel), b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// watchReads reports every open and read of a file or folder under dir
// (one level deep and dir itself) from now until the returned function is
// called, through inotify.
func watchReads(t *testing.T, dir string) func() []string {
	t.Helper()
	fd, err := syscall.InotifyInit1(syscall.IN_CLOEXEC)
	if err != nil {
		t.Skipf("inotify: %v", err)
	}
	// List the folders first: listing them after watching would be a read.
	dirs := []string{dir}
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.IsDir() && p != dir {
			dirs = append(dirs, p)
		}
		return nil
	})
	names := map[int32]string{}
	add := func(p string) {
		wd, err := syscall.InotifyAddWatch(fd, p, syscall.IN_OPEN|syscall.IN_ACCESS)
		if err != nil {
			t.Fatalf("inotify watch %s: %v", p, err)
		}
		names[int32(wd)] = p
	}
	for _, d := range dirs {
		add(d)
	}
	return func() []string {
		defer syscall.Close(fd)
		// Drain without blocking.
		if err := syscall.SetNonblock(fd, true); err != nil {
			t.Fatal(err)
		}
		var out []string
		buf := make([]byte, 64<<10)
		for {
			n, err := syscall.Read(fd, buf)
			if n <= 0 || err != nil {
				return out
			}
			for off := 0; off+syscall.SizeofInotifyEvent <= n; {
				ev := (*syscall.InotifyEvent)(unsafe.Pointer(&buf[off]))
				name := ""
				if ev.Len > 0 {
					nb := buf[off+syscall.SizeofInotifyEvent : off+syscall.SizeofInotifyEvent+int(ev.Len)]
					name = string(bytes.TrimRight(nb, "\x00"))
				}
				out = append(out, filepath.Join(names[ev.Wd], name))
				off += syscall.SizeofInotifyEvent + int(ev.Len)
			}
		}
	}
}

// vanishing is a file deleted after the build listed its folder and before
// it read the file.
type vanishing struct {
	rel  string
	done chan struct{}
}

func (v *vanishing) happened() bool {
	select {
	case <-v.done:
		return true
	case <-time.After(5 * time.Second):
		return false
	}
}

// vanish writes a page that is deleted after the build listed its folder
// and before it reads it: the delete fires when the folder's first page is
// opened; site.Load lists a folder whole before reading its files, and the
// pages read in between (the huge one, the 1 MB line) leave ample time.
// (Running as root, chmod could not make the file unreadable.)
func (tr *tree) vanish(t *testing.T) *vanishing {
	t.Helper()
	v := &vanishing{rel: "02-bad/zz-vanish.md", done: make(chan struct{})}
	tr.write(t, v.rel, "# 将消失\n")
	first := filepath.Join(tr.content, "02-bad", "conflict.md")
	fd, err := syscall.InotifyInit1(syscall.IN_CLOEXEC)
	if err != nil {
		t.Skipf("inotify: %v", err)
	}
	if _, err := syscall.InotifyAddWatch(fd, first, syscall.IN_OPEN); err != nil {
		t.Fatal(err)
	}
	go func() {
		defer syscall.Close(fd)
		buf := make([]byte, 4096)
		if _, err := syscall.Read(fd, buf); err != nil {
			return
		}
		if err := os.Remove(filepath.Join(tr.content, filepath.FromSlash(v.rel))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return
		}
		close(v.done)
	}()
	return v
}

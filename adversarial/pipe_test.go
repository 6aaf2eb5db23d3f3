//go:build linux

package adversarial

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"docsite/internal/config"
	"docsite/render/build"
)

// TestSymlinkToPipe: a symlink inside the content folder to a named pipe
// inside it must be reported like the pipe itself, not read: reading a pipe
// blocks until someone writes to it, so the build would hang forever.
func TestSymlinkToPipe(t *testing.T) {
	tr := newTree(t)
	tr.write(t, "README.md", "# 首页\n")
	pipe := filepath.Join(tr.content, "pipe.md")
	must(t, syscall.Mkfifo(pipe, 0o644))
	must(t, os.Symlink("pipe.md", filepath.Join(tr.content, "link.md")))
	must(t, syscall.Mkfifo(filepath.Join(tr.content, "data.bin"), 0o644))
	must(t, os.Symlink("data.bin", filepath.Join(tr.content, "data-link.bin")))

	done := make(chan error, 1)
	var res *build.Result
	go func() {
		var err error
		res, err = build.Build(build.Options{Content: tr.content, Out: tr.out, Config: config.Default()})
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("build: %v", err)
		}
		for _, f := range []string{"link.md", "data-link.bin"} {
			if !has(build.Diagnostics(res.Site), f, "", 1) {
				t.Errorf("the symlink %s to a pipe is not reported", f)
			}
		}
		return
	case <-time.After(10 * time.Second):
	}
	// Hung. Unblock the reader: open the write ends and close them, so a
	// read sees end of file, until the build goroutine finishes.
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		for _, p := range []string{pipe, filepath.Join(tr.content, "data.bin")} {
			if f, err := os.OpenFile(p, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
				f.Close()
			}
		}
		select {
		case <-done:
			deadline = time.Now()
		case <-time.After(50 * time.Millisecond):
		}
	}
	t.Fatal("a symlink to a named pipe inside the content folder blocks the build (site.Load reads it)")
}

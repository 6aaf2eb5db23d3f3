package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestNothingOutsideContentIsRead: links in the content to secrets and to
// special files are reported, never read: no line of them reaches the
// output of check (in any format) or check --html, and nothing blocks.
func TestNothingOutsideContentIsRead(t *testing.T) {
	root := t.TempDir()
	content := filepath.Join(root, "content")
	secret := filepath.Join(root, "secret.txt")
	const token = "TOKEN=ghp_do_not_print_me"
	writeFile(t, secret, token+"\n")
	writeFile(t, filepath.Join(content, "README.md"), "# 首页\n\n见 [密钥](secret.md)。\n")
	for name, target := range map[string]string{
		"secret.md":  secret,
		"environ.md": "/proc/self/environ",
		"zero.md":    "/dev/zero",
		"shadow.md":  "/etc/shadow",
	} {
		if err := os.Symlink(target, filepath.Join(content, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(content, "pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("DOCSITE_TEST_SECRET", token)

	// A built site with the same traps in it, for check --html.
	html := filepath.Join(root, "public")
	writeFile(t, filepath.Join(html, "index.html"), `<a href="env.html">x</a>`)
	for name, target := range map[string]string{"env.html": "/proc/self/environ", "zero.html": "/dev/zero", "secret.html": secret} {
		if err := os.Symlink(target, filepath.Join(html, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(html, "pipe.html"), 0o644); err != nil {
		t.Fatal(err)
	}
	linked := filepath.Join(root, "linked")
	if err := os.Symlink(content, linked); err != nil {
		t.Fatal(err)
	}

	for _, args := range [][]string{
		{"check", "--content", content},
		{"check", "--content", content, "--format", "json"},
		{"check", "--content", content, "--format", "github"},
		{"check", "--content", content, "--format", "sarif"},
		{"check", "--content", content, "--html", html},
		{"check", "--content", linked, "--html", html},
	} {
		t.Run(strings.Join(args[3:], " "), func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			// A pipe opened would block here until go test's -timeout.
			run(append(args, "--cache-dir", filepath.Join(root, "cache")), &stdout, &stderr)
			out := stdout.String() + stderr.String()
			if strings.Contains(out, "ghp_do_not_print_me") || strings.Contains(out, "root:") {
				t.Fatalf("check printed what lies outside the content:\n%s", out)
			}
			if !strings.Contains(out, "environ.md") || !strings.Contains(out, "pipe.md") {
				t.Errorf("the symlink and the pipe are not reported:\n%s", out)
			}
		})
	}
}

// TestSymlinkedContentRoot: a --content that is itself a link is walked.
func TestSymlinkedContentRoot(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "real", "README.md"), "# 首页\n\n[缺](missing.md)\n")
	if err := os.Symlink(filepath.Join(root, "real"), filepath.Join(root, "docs")); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"check", "--content", filepath.Join(root, "docs"), "--cache-dir", filepath.Join(root, "cache")}, &stdout, &stderr)
	if code != 1 || !strings.Contains(stdout.String(), "missing.md") {
		t.Fatalf("check of a symlinked content folder: exit %d, want 1 with the broken link\n%s%s", code, stdout.String(), stderr.String())
	}
	code = run([]string{"build", "--content", filepath.Join(root, "docs"), "--out", filepath.Join(root, "public"), "--no-cache"}, &stdout, &stderr)
	if _, err := os.Stat(filepath.Join(root, "public", "index.html")); code != 0 || err != nil {
		t.Fatalf("build of a symlinked content folder: exit %d, %v\n%s", code, err, stderr.String())
	}
}

func writeFile(t *testing.T, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

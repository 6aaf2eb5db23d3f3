package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"docsite/render/build"
	"docsite/render/output"
)

// TestOutKeepsUserFiles: --out never deletes what docsite did not write.
// Each case prepares the output path, then builds twice (the second build
// is the one that used to delete the first build's spare); the user's files
// must survive and the build must say why it refused.
func TestOutKeepsUserFiles(t *testing.T) {
	for _, tc := range []struct {
		name    string
		prepare func(t *testing.T, out string)
		want    string // part of the refusal; "" means the build goes ahead
	}{
		{"user files", func(t *testing.T, out string) {
			write(t, filepath.Join(out, "thesis.tex"), "my work")
		}, "did not write"},
		{"hidden files only", func(t *testing.T, out string) {
			write(t, filepath.Join(out, ".git", "HEAD"), "ref: refs/heads/main")
		}, "did not write"},
		{"an existing file", func(t *testing.T, out string) {
			write(t, out, "my notes")
		}, "existing file"},
		{"a symlink to a user folder", func(t *testing.T, out string) {
			real := out + "-real"
			write(t, filepath.Join(real, "thesis.tex"), "my work")
			must(t, os.Symlink(real, out))
		}, "did not write"},
		{"a dangling symlink", func(t *testing.T, out string) {
			must(t, os.Symlink(out+"-missing", out))
		}, "missing folder"},
		{"an empty folder", func(t *testing.T, out string) {
			must(t, os.MkdirAll(out, 0o755))
		}, ""},
		{"a symlink to an empty folder", func(t *testing.T, out string) {
			must(t, os.MkdirAll(out+"-real", 0o755), os.Symlink(out+"-real", out))
		}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			tc.prepare(t, out)
			before := snapshot(t, filepath.Dir(out))
			for range 2 {
				_, err := build.Build(options(site, out))
				if tc.want == "" {
					if err != nil {
						t.Fatalf("build into %s: %v", tc.name, err)
					}
					continue
				}
				if err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Fatalf("build into %s: err = %v, want a refusal with %q", tc.name, err, tc.want)
				}
				if err := output.CheckOut(out, site); err == nil {
					t.Fatalf("CheckOut allowed %s", tc.name)
				}
			}
			if tc.want != "" {
				sameTree(t, before, snapshot(t, filepath.Dir(out)))
			}
		})
	}
}

// TestOutRebuiltWithMarker: a folder docsite built is replaced as before,
// the marker is in it, and a symlinked --out stays a symlink.
func TestOutRebuiltWithMarker(t *testing.T) {
	parent := t.TempDir()
	real := filepath.Join(parent, "site-real")
	out := filepath.Join(parent, "public")
	must(t, os.Mkdir(real, 0o755), os.Symlink(real, out))
	for range 3 {
		mustBuild(t, options(site, out))
	}
	if st, err := os.Lstat(out); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("--out was a symlink; after the builds: %v %v", st, err)
	}
	if _, err := os.Stat(filepath.Join(real, output.Marker)); err != nil {
		t.Fatalf("no marker in the output: %v", err)
	}
	if _, err := os.Stat(filepath.Join(real, "index.html")); err != nil {
		t.Fatalf("the site is not in the folder the link names: %v", err)
	}
}

func write(t *testing.T, p, data string) {
	t.Helper()
	must(t, os.MkdirAll(filepath.Dir(p), 0o755), os.WriteFile(p, []byte(data), 0o644))
}

func must(t *testing.T, errs ...error) {
	t.Helper()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

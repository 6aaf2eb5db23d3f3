package adversarial

import (
	"os"
	"path/filepath"
	"testing"

	"docsite/internal/config"
	"docsite/render/build"
	"docsite/render/output"
)

// TestOutNeverHoldsContent: --out must be refused when it is the content
// folder, a folder above it, or /, also when one of them is reached through
// a symbolic link — the atomic swap moves --out aside and deletes it.
func TestOutNeverHoldsContent(t *testing.T) {
	// Paths are given relative to a fresh folder: real/content holds the
	// page, c links to real/content and s to real.
	for _, tc := range []struct {
		name, content, out string
		// mayAccept: the swap renames the symbolic link --out itself, not
		// what it points at, so the content is safe either way.
		mayAccept bool
	}{
		{"content itself", "real/content", "real/content", false},
		{"parent", "real/content", "real", false},
		{"root", "real/content", "/", false},
		{"parent, content through a symlink", "c", "real", false},
		{"content through a symlink", "c", "real/content", false},
		{"parent through a symlink", "real/content", "s", true},
		{"content under a symlinked parent", "s/content", "real", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			page := filepath.Join(root, "real", "content", "README.md")
			must(t, os.MkdirAll(filepath.Dir(page), 0o755), os.WriteFile(page, []byte("# 首页\n"), 0o644))
			must(t, os.Symlink(filepath.Join(root, "real", "content"), filepath.Join(root, "c")), os.Symlink(filepath.Join(root, "real"), filepath.Join(root, "s")))
			abs := func(p string) string {
				if filepath.IsAbs(p) {
					return p
				}
				return filepath.Join(root, p)
			}
			content, out := abs(tc.content), abs(tc.out)
			err := output.CheckOut(out, content)
			if err == nil {
				// Show what refusing protects: run the build, then look.
				_, err = build.Build(build.Options{Content: content, Out: out, Config: config.Default()})
			}
			_, statErr := os.Stat(page)
			switch {
			case statErr != nil:
				t.Fatalf("the build with --out %s deleted the content folder %s", tc.out, tc.content)
			case err == nil && !tc.mayAccept:
				t.Errorf("--out %s accepted for content %s", tc.out, tc.content)
			}
		})
	}
}

package serve

import (
	"bytes"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"docsite/internal/config"
	"docsite/render/build"
	"docsite/render/output"
)

// liveScript is what the preview adds to every page it serves.
var liveScript = regexp.MustCompile(`<script src="[^"]*_docsite/live\.js" defer></script>\n?`)

// TestServeAnswersWhatBuildWrites: every file docsite build writes for the
// project's own content is what a running preview answers at its URL,
// byte for byte, but for the reload script: both read one output table.
func TestServeAnswersWhatBuildWrites(t *testing.T) {
	content := filepath.Join("..", "content")
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(build.Options{Content: content, Out: out, Config: config.Default()}); err != nil {
		t.Fatal(err)
	}
	srv, err := New(Options{Content: content, Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	web := httptest.NewServer(srv.Handler())
	defer web.Close()
	n := 0
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		if rel == output.Marker {
			return nil
		}
		want, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		resp, err := http.Get(web.URL + "/" + rel)
		if err != nil {
			return err
		}
		got, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got = liveScript.ReplaceAll(got, nil)
		if resp.StatusCode != http.StatusOK || !bytes.Equal(got, want) {
			t.Errorf("/%s: serve answers %d with %d bytes that differ from build's %d", rel, resp.StatusCode, len(got), len(want))
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 50 {
		t.Fatalf("compared %d files; the build wrote too few", n)
	}
}

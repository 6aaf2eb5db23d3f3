package output

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

// tree lists dir's regular files with their contents, and its folders
// (with a trailing slash), the marker left out.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case rel == Marker:
		case d.IsDir():
			got[rel+"/"] = ""
		case d.Type().IsRegular():
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			got[rel] = string(b)
		default:
			got[rel] = "<" + d.Type().String() + ">"
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func write(t *testing.T, out, content string, files map[string]string, copies map[string]string) (int, []string, error) {
	t.Helper()
	w, err := Begin(out, content)
	if err != nil {
		t.Fatal(err)
	}
	for p, b := range files {
		w.Put(p, []byte(b))
	}
	for p, src := range copies {
		w.Copy(p, src)
	}
	return w.Commit()
}

// TestWriterBuildsOverEarlierOutputs: each build's output holds exactly its
// files, whatever the builds before it left in the spare folder: stale
// files and folders go, a file becomes a folder and a folder a file.
func TestWriterBuildsOverEarlierOutputs(t *testing.T) {
	builds := []map[string]string{
		{"index.html": "1", "a/index.html": "a", "a/b/index.html": "b", "x": "file", "y/z": "in a folder"},
		{"index.html": "2", "a/index.html": "a"},
		{"index.html": "3", "x/index.html": "folder now", "y": "file now", "a/b/c/d": "deep"},
		{"index.html": "4", "x": "file again", "y/z": "folder again"},
	}
	content := t.TempDir()
	out := filepath.Join(t.TempDir(), "public")
	for i, files := range builds {
		n, skipped, err := write(t, out, content, files, nil)
		if err != nil {
			t.Fatalf("build %d: %v", i, err)
		}
		if n != len(files)+1 || len(skipped) != 0 {
			t.Errorf("build %d: %d files, skipped %v; want %d, none", i, n, skipped, len(files)+1)
		}
		want := map[string]string{}
		for p, b := range files {
			want[p] = b
			for d := filepath.Dir(p); d != "."; d = filepath.Dir(d) {
				want[filepath.ToSlash(d)+"/"] = ""
			}
		}
		if got := tree(t, out); !reflect.DeepEqual(got, want) {
			t.Errorf("build %d: output\n%v\nwant\n%v", i, got, want)
		}
		if _, err := os.Stat(filepath.Join(out, Marker)); err != nil {
			t.Errorf("build %d: no marker: %v", i, err)
		}
	}
}

// TestWriterKeepsUnchangedFiles: a file whose bytes did not change is not
// written again, one that did is.
func TestWriterKeepsUnchangedFiles(t *testing.T) {
	content := t.TempDir()
	out := filepath.Join(t.TempDir(), "public")
	files := map[string]string{"same": "s", "changed": "1"}
	for range 2 { // the second leaves the first's output as the spare
		if _, _, err := write(t, out, content, files, nil); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for name := range files {
		if err := os.Chtimes(filepath.Join(spareOf(out), name), long, long); err != nil {
			t.Fatal(err)
		}
	}
	files["changed"] = "2"
	if _, _, err := write(t, out, content, files, nil); err != nil {
		t.Fatal(err)
	}
	mtime := func(name string) time.Time {
		st, err := os.Stat(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		return st.ModTime()
	}
	if !mtime("same").Equal(long) {
		t.Error("an unchanged file was written again")
	}
	if mtime("changed").Equal(long) {
		t.Error("a changed file was not written")
	}
	if b, _ := os.ReadFile(filepath.Join(out, "changed")); string(b) != "2" {
		t.Errorf("changed file holds %q", b)
	}
}

// TestWriterRemovesLinks: a symbolic link in the spare folder is removed,
// never followed: a write through it would land outside the output.
func TestWriterRemovesLinks(t *testing.T) {
	content := t.TempDir()
	elsewhere := t.TempDir()
	out := filepath.Join(t.TempDir(), "public")
	files := map[string]string{"a/index.html": "a"}
	for range 2 { // the second leaves the first's output as the spare
		if _, _, err := write(t, out, content, files, nil); err != nil {
			t.Fatal(err)
		}
	}
	spare := spareOf(out)
	if err := os.RemoveAll(filepath.Join(spare, "a")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(elsewhere, filepath.Join(spare, "a")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := write(t, out, content, files, nil); err != nil {
		t.Fatal(err)
	}
	if es, _ := os.ReadDir(elsewhere); len(es) != 0 {
		t.Errorf("written through the link: %v", es)
	}
	if got := tree(t, out); !reflect.DeepEqual(got, map[string]string{"a/": "", "a/index.html": "a"}) {
		t.Errorf("output %v", got)
	}
}

// TestWriterCopies: content files are copied; one gone by then is left
// out, named, and its copy from an earlier build removed.
func TestWriterCopies(t *testing.T) {
	content := t.TempDir()
	out := filepath.Join(t.TempDir(), "public")
	for _, f := range []string{"pic.png", "gone.png"} {
		if err := os.WriteFile(filepath.Join(content, f), []byte(f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copies := map[string]string{"img/pic.png": "pic.png", "img/gone.png": "gone.png"}
	for range 2 {
		if _, _, err := write(t, out, content, nil, copies); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Remove(filepath.Join(content, "gone.png")); err != nil {
		t.Fatal(err)
	}
	n, skipped, err := write(t, out, content, nil, copies)
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 || !reflect.DeepEqual(skipped, []string{"gone.png"}) {
		t.Errorf("%d files, skipped %v; want 2, [gone.png]", n, skipped)
	}
	if got := tree(t, out); !reflect.DeepEqual(got, map[string]string{"img/": "", "img/pic.png": "pic.png"}) {
		t.Errorf("output %v", got)
	}
}

// TestWriterConflicts: a build that writes a path twice, a file where it
// also writes a folder, or a path outside the output fails, and leaves the
// previous output as it was and no spare folder.
func TestWriterConflicts(t *testing.T) {
	for name, put := range map[string][]string{
		"twice":          {"a", "a"},
		"file in folder": {"a", "a/b"},
		"folder as file": {"a/b", "a"},
		"outside":        {"../x"},
		"absolute":       {"/etc/x"},
		"unclean":        {"a//b"},
	} {
		t.Run(name, func(t *testing.T) {
			content := t.TempDir()
			parent := t.TempDir()
			out := filepath.Join(parent, "public")
			if _, _, err := write(t, out, content, map[string]string{"index.html": "before"}, nil); err != nil {
				t.Fatal(err)
			}
			w, err := Begin(out, content)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range put {
				w.Put(p, []byte("x"))
			}
			if _, _, err := w.Commit(); err == nil || !strings.Contains(err.Error(), "the previous output is untouched") {
				t.Fatalf("Commit: %v, want a failure", err)
			}
			if got := tree(t, out); !reflect.DeepEqual(got, map[string]string{"index.html": "before"}) {
				t.Errorf("output %v", got)
			}
			es, _ := os.ReadDir(parent)
			var names []string
			for _, e := range es {
				names = append(names, e.Name())
			}
			sort.Strings(names)
			if !reflect.DeepEqual(names, []string{"public"}) {
				t.Errorf("beside the output: %v", names)
			}
		})
	}
}

// TestWriterAbort leaves the output as it was.
func TestWriterAbort(t *testing.T) {
	content := t.TempDir()
	out := filepath.Join(t.TempDir(), "public")
	if _, _, err := write(t, out, content, map[string]string{"index.html": "before"}, nil); err != nil {
		t.Fatal(err)
	}
	w, err := Begin(out, content)
	if err != nil {
		t.Fatal(err)
	}
	w.Put("index.html", []byte("after"))
	w.Abort()
	if got := tree(t, out); !reflect.DeepEqual(got, map[string]string{"index.html": "before"}) {
		t.Errorf("output %v", got)
	}
	if _, err := os.Lstat(spareOf(out)); err == nil {
		t.Error("the spare folder is left")
	}
}

// Package output writes a built site to disk: a spare folder beside the
// output is brought up to date and exchanged with it in one rename, and a
// folder docsite did not write is never replaced.
package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Marker is the file every build leaves at the top of its output. Its
// presence is how a later build knows the folder is docsite's to replace:
// a folder that holds anything else is the user's, and is never touched.
const Marker = ".docsite-output"

const markerText = "This folder is written by docsite build and replaced whole on every build.\n" +
	"Files put here by hand are deleted by the next build.\n"

// CheckOut refuses output folders that would destroy the content or the
// user's files: the content folder itself, a folder above it, the file
// system root, an existing file, and an existing folder that holds files
// but no Marker (docsite did not write it).
//
// Both paths are compared with symbolic links resolved: content reached
// through a link into the output's folder must be refused too.
func CheckOut(out, content string) error {
	ao, err := realPath(out)
	if err != nil {
		return err
	}
	ac, err := realPath(content)
	if err != nil {
		return err
	}
	if ao == filepath.Dir(ao) {
		return fmt.Errorf("output folder %s is the file system root; choose a folder of its own", out)
	}
	if ao == ac || strings.HasPrefix(ac, ao+string(filepath.Separator)) {
		return fmt.Errorf("output folder %s would contain the content folder %s; choose another --out", out, content)
	}
	if strings.HasPrefix(ao, ac+string(filepath.Separator)) {
		return fmt.Errorf("output folder %s is inside the content folder %s and would be read back as content; choose an --out outside it", out, content)
	}
	if err := ours(ao, out); err != nil {
		return err
	}
	return ours(spareOf(ao), spareOf(ao))
}

// ours reports whether dir (resolved) may be replaced: it does not exist,
// is an empty folder, or holds the Marker. shown is the name the user gave.
func ours(dir, shown string) error {
	st, err := os.Lstat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("output folder %s: %w", shown, err)
	case st.Mode()&fs.ModeSymlink != 0:
		return fmt.Errorf("output folder %s is a symbolic link to a missing folder; create the folder or choose another --out", shown)
	case !st.IsDir():
		return fmt.Errorf("--out %s is an existing file, not a folder; docsite replaces its output whole and will not overwrite it: remove it or choose another --out", shown)
	}
	if m, err := os.Lstat(filepath.Join(dir, Marker)); err == nil && m.Mode().IsRegular() {
		return nil
	}
	f, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("output folder %s: %w", shown, err)
	}
	defer f.Close()
	if names, _ := f.Readdirnames(1); len(names) > 0 {
		return fmt.Errorf("--out %s already holds files that docsite did not write (it has no %s file); "+
			"docsite replaces its output folder whole, so it will not delete them: empty or remove the folder, or choose another --out", shown, Marker)
	}
	return nil
}

// spareOf is the folder beside out that the next build is written into.
func spareOf(out string) string {
	return filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+".prev")
}

// realPath is the absolute path with symbolic links resolved; for a path
// that does not exist yet, its nearest existing ancestor is resolved.
func realPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for dir := abs; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest), nil
		}
		if dir == filepath.Dir(dir) {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// WriteAtomic writes files through a Writer (see Begin and Commit): a
// failed or interrupted build leaves the previous output whole, and a good
// one leaves no stale file.
func WriteAtomic(out, content string, files *Files) (int, []string, error) {
	w, err := Begin(out, content)
	if err != nil {
		return 0, nil, err
	}
	if files.Assets != nil {
		err := fs.WalkDir(files.Assets, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			if _, over := files.Data["assets/"+p]; over {
				return nil
			}
			b, err := fs.ReadFile(files.Assets, p)
			if err == nil {
				w.Put("assets/"+p, b)
			}
			return err
		})
		if err != nil {
			w.Abort()
			return 0, nil, err
		}
	}
	for p, b := range files.Data {
		w.Put(p, b)
	}
	for p, src := range files.Copy {
		if _, over := files.Data[p]; !over {
			w.Copy(p, src)
		}
	}
	return w.Commit()
}

// Files is the whole output of a build, before it is written.
type Files struct {
	Data   map[string][]byte // output path → contents
	Copy   map[string]string // output path → source path relative to the content folder
	Assets fs.FS             // copied under assets/
}

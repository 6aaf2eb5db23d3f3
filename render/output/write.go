// Package output writes a built site to disk: a spare folder beside the
// output is brought up to date and exchanged with it in one rename, and a
// folder docsite did not write is never replaced.
package output

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
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

// WriteAtomic brings the spare folder beside out (.<out>.prev: the output
// of the build before last, or a new folder) up to date with files, then
// exchanges it with out in one rename: a failed or interrupted build
// leaves the previous output whole, and a good one leaves no stale file.
// Only files whose bytes changed are written: creating a file or folder is
// the dearest step of writing a site, and a warm build changes few.
//
// It returns the number of files of the output and the content files it
// could not read to copy (left out, for the caller to report). A write
// that fails (a full disk) stops the rest and removes the spare folder,
// which would otherwise keep the disk full; the output stays as it was.
func WriteAtomic(out, content string, files *Files) (int, []string, error) {
	if err := CheckOut(out, content); err != nil {
		return 0, nil, err
	}
	// A symbolic link --out is followed once: the folder it names is the
	// output, and the link is left as the user made it.
	out, err := realPath(out)
	if err != nil {
		return 0, nil, err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return 0, nil, err
	}
	spare := spareOf(out)
	if _, err := os.Lstat(spare); err != nil {
		if err := os.Mkdir(spare, 0o755); err != nil {
			return 0, nil, err
		}
	}
	n, skipped, err := writeAll(spare, content, files)
	if err != nil {
		os.RemoveAll(spare)
		return 0, nil, fmt.Errorf("writing the output: %w; the previous output is untouched", err)
	}
	if _, err := os.Lstat(out); err != nil {
		return n, skipped, os.Rename(spare, out)
	}
	if err := exchange(spare, out); err != nil {
		return 0, nil, fmt.Errorf("swapping the new output in: %w", err)
	}
	return n, skipped, nil
}

// writeAll makes dir hold exactly files: what is already there with the
// same bytes stays untouched, what differs is rewritten, what is not in
// files is removed.
func writeAll(dir, content string, files *Files) (int, []string, error) {
	type job struct {
		path string
		data []byte
		src  string // copy from the content folder when data is nil
	}
	var jobs []job
	if files.Assets != nil {
		err := fs.WalkDir(files.Assets, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(files.Assets, p)
			if err != nil {
				return err
			}
			if _, over := files.Data["assets/"+p]; !over {
				jobs = append(jobs, job{path: "assets/" + p, data: b})
			}
			return nil
		})
		if err != nil {
			return 0, nil, err
		}
	}
	for p, b := range files.Data {
		jobs = append(jobs, job{path: p, data: b})
	}
	jobs = append(jobs, job{path: Marker, data: []byte(markerText)})
	for p, src := range files.Copy {
		if _, over := files.Data[p]; !over {
			jobs = append(jobs, job{path: p, src: src})
		}
	}
	sort.Slice(jobs, func(i, j int) bool { return jobs[i].path < jobs[j].path })

	want := make(map[string]bool, len(jobs))
	dirs := map[string]bool{dir: true}
	for _, j := range jobs {
		p := filepath.Join(dir, filepath.FromSlash(j.path))
		want[p] = true
		for d := filepath.Dir(p); !dirs[d]; d = filepath.Dir(d) {
			dirs[d] = true
		}
	}
	if err := prune(dir, want, dirs); err != nil {
		return 0, nil, err
	}
	// Make folders first, in order, so workers never race on MkdirAll.
	made := map[string]bool{}
	for _, j := range jobs {
		d := filepath.Dir(filepath.Join(dir, filepath.FromSlash(j.path)))
		if !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return 0, nil, err
			}
			made[d] = true
		}
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	var firstErr error
	failed := 0
	skipped := make([]bool, len(jobs))
	next := make(chan int)
	for range 8 { // file writes wait on the disk, not the CPU
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				j := jobs[i]
				target := filepath.Join(dir, filepath.FromSlash(j.path))
				data := j.data
				if data == nil {
					b, err := os.ReadFile(filepath.Join(content, filepath.FromSlash(j.src)))
					if err != nil {
						// Gone or unreadable since it was listed: left out.
						skipped[i] = true
						os.Remove(target)
						continue
					}
					data = b
				}
				if err := writeIfChanged(target, data); err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					failed++
					mu.Unlock()
				}
			}
		}()
	}
	for i := range jobs {
		mu.Lock()
		stop := firstErr != nil
		mu.Unlock()
		if stop {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		if failed > 1 {
			return 0, nil, fmt.Errorf("%w (and %d more files)", firstErr, failed-1)
		}
		return 0, nil, firstErr
	}
	var left []string
	for i, j := range jobs {
		if skipped[i] {
			left = append(left, j.src)
		}
	}
	return len(jobs) - len(left), left, nil
}

// writeIfChanged leaves a file alone when it already holds data.
func writeIfChanged(path string, data []byte) error {
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	return os.WriteFile(path, data, 0o644)
}

// prune removes from dir every file not wanted and every folder no wanted
// file lives in; anything that is not a regular file or folder goes too.
func prune(dir string, want, dirs map[string]bool) error {
	var stale []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		switch {
		case p == dir:
		case d.IsDir():
			if !dirs[p] {
				stale = append(stale, p)
				return fs.SkipDir
			}
		case !want[p] || !d.Type().IsRegular():
			stale = append(stale, p)
		}
		return nil
	})
	for _, p := range stale {
		if e := os.RemoveAll(p); e != nil && err == nil {
			err = e
		}
	}
	return err
}

// Files is the whole output of a build, before it is written.
type Files struct {
	Data   map[string][]byte // output path → contents
	Copy   map[string]string // output path → source path relative to the content folder
	Assets fs.FS             // copied under assets/
}

package build

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

	"docsite/render/site"
)

// CheckOut refuses output folders that would destroy the content: the
// content folder itself, a folder above it, or the file system root.
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
	return nil
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
func WriteAtomic(out, content string, files *Files, s *site.Site) (int, error) {
	if err := CheckOut(out, content); err != nil {
		return 0, err
	}
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return 0, err
	}
	removeLeftovers(parent, filepath.Base(out))
	spare := filepath.Join(parent, "."+filepath.Base(out)+".prev")
	if st, err := os.Lstat(spare); err != nil || !st.IsDir() {
		os.RemoveAll(spare)
		if err := os.Mkdir(spare, 0o755); err != nil {
			return 0, err
		}
	}
	n, err := writeAll(spare, content, files)
	if err != nil {
		return 0, err // the spare is half updated; the next build corrects it
	}
	if _, err := os.Lstat(out); err != nil {
		return n, os.Rename(spare, out)
	}
	if err := exchange(spare, out); err != nil {
		return 0, fmt.Errorf("swapping the new output in: %w", err)
	}
	return n, nil
}

// removeLeftovers deletes temporary folders of builds that were killed by
// earlier versions, which wrote into .<out>.tmp-* folders.
func removeLeftovers(parent, name string) {
	ents, _ := os.ReadDir(parent)
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), "."+name+".tmp-") {
			os.RemoveAll(filepath.Join(parent, e.Name()))
		}
	}
}

// writeAll makes dir hold exactly files: what is already there with the
// same bytes stays untouched, what differs is rewritten, what is not in
// files is removed.
func writeAll(dir, content string, files *Files) (int, error) {
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
			return 0, err
		}
	}
	for p, b := range files.Data {
		jobs = append(jobs, job{path: p, data: b})
	}
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
		return 0, err
	}
	// Make folders first, in order, so workers never race on MkdirAll.
	made := map[string]bool{}
	for _, j := range jobs {
		d := filepath.Dir(filepath.Join(dir, filepath.FromSlash(j.path)))
		if !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return 0, err
			}
			made[d] = true
		}
	}
	var wg sync.WaitGroup
	errs := make([]error, len(jobs))
	next := make(chan int)
	for range 8 { // file writes wait on the disk, not the CPU
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				j := jobs[i]
				data := j.data
				if data == nil {
					b, err := os.ReadFile(filepath.Join(content, filepath.FromSlash(j.src)))
					if err != nil {
						errs[i] = err
						continue
					}
					data = b
				}
				errs[i] = writeIfChanged(filepath.Join(dir, filepath.FromSlash(j.path)), data)
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	return len(jobs), errors.Join(errs...)
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

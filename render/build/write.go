package build

import (
	"errors"
	"fmt"
	"io"
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
func CheckOut(out, content string) error {
	ao, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	ac, err := filepath.Abs(content)
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

// WriteAtomic writes files into a fresh folder beside out and swaps it in
// only when everything is written: a failed or interrupted build leaves the
// previous output whole, and a good one leaves no stale file behind.
func WriteAtomic(out, content string, files *Files, s *site.Site) (int, error) {
	if err := CheckOut(out, content); err != nil {
		return 0, err
	}
	parent := filepath.Dir(filepath.Clean(out))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return 0, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".tmp-")
	if err != nil {
		return 0, err
	}
	// MkdirTemp makes a private folder; a web server running as another
	// user must be able to read the site.
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return 0, err
	}
	n, err := writeAll(tmp, content, files)
	if err != nil {
		os.RemoveAll(tmp)
		return 0, err
	}
	if err := swap(tmp, out); err != nil {
		os.RemoveAll(tmp)
		return 0, err
	}
	return n, nil
}

func swap(tmp, out string) error {
	old := ""
	if _, err := os.Lstat(out); err == nil {
		old = tmp + ".old"
		if err := os.Rename(out, old); err != nil {
			return fmt.Errorf("moving the previous output aside: %w", err)
		}
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			_ = os.Rename(old, out)
		}
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

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

	// Make folders first, in order, so workers never race on MkdirAll.
	dirs := map[string]bool{}
	for _, j := range jobs {
		d := filepath.Dir(filepath.Join(dir, filepath.FromSlash(j.path)))
		if !dirs[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return 0, err
			}
			dirs[d] = true
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
				dst := filepath.Join(dir, filepath.FromSlash(j.path))
				if j.data != nil {
					errs[i] = os.WriteFile(dst, j.data, 0o644)
				} else {
					errs[i] = copyFile(filepath.Join(content, filepath.FromSlash(j.src)), dst)
				}
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

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// A Writer puts a build's files into the spare folder beside the output as
// they are made, and Commit swaps the spare in. Pages then go to disk while
// the rest are still being rendered, and the build never holds the whole
// site in memory.
//
// The spare holds the output of the build before last: a file whose bytes
// did not change is left alone, since creating a file is the dearest step
// of writing a site, and whatever this build did not write is removed at
// Commit. Put and Copy may be called from many goroutines; they wait when
// the disk falls behind.
type Writer struct {
	out, spare, content string

	// old is what the spare held at Begin, by slash path: true for a folder.
	// Anything else there (a symbolic link, a device) was removed then, so
	// no write follows a link out of the spare.
	old map[string]bool

	mu      sync.Mutex
	claimed map[string]bool // what this build writes: true for a folder
	err     error           // the first failure; later files are dropped
	failed  int
	skipped []string // content files gone or unreadable when copied
	lost    []string // their paths in the output
	written int

	dirMu sync.Mutex
	made  map[string]bool // folders known to be on disk

	jobs chan job
	wg   sync.WaitGroup
}

type job struct {
	path string
	data []byte
	src  string // copy from the content folder, when not ""
}

// diskWorkers is how many files are written at once: file writes wait on
// the disk, not the CPU.
const diskWorkers = 8

// Begin refuses an output folder that is not docsite's (see CheckOut),
// prepares the spare folder and starts the writers.
func Begin(out, content string) (*Writer, error) {
	if err := CheckOut(out, content); err != nil {
		return nil, err
	}
	// A symbolic link --out is followed once: the folder it names is the
	// output, and the link is left as the user made it.
	out, err := realPath(out)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return nil, err
	}
	w := &Writer{out: out, spare: spareOf(out), content: content, old: map[string]bool{},
		claimed: map[string]bool{".": true}, made: map[string]bool{".": true}, jobs: make(chan job, 64)}
	if _, err := os.Lstat(w.spare); err != nil {
		if err := os.Mkdir(w.spare, 0o755); err != nil {
			return nil, err
		}
	} else if err := w.survey(); err != nil {
		return nil, err
	}
	for range diskWorkers {
		w.wg.Add(1)
		go w.work()
	}
	return w, nil
}

// survey lists what the spare holds and removes what is neither a regular
// file nor a folder.
func (w *Writer) survey() error {
	return filepath.WalkDir(w.spare, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == w.spare {
			return nil
		}
		rel, err := filepath.Rel(w.spare, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir():
			w.old[rel] = true
			w.made[rel] = true
		case d.Type().IsRegular():
			w.old[rel] = false
		default:
			return os.Remove(p)
		}
		return nil
	})
}

// Put writes data at path (slash-separated, relative to the output).
func (w *Writer) Put(path string, data []byte) { w.add(job{path: path, data: data}) }

// Copy writes the content file src (relative to the content folder) at
// path. A file gone or unreadable by then is left out and reported by
// Commit.
func (w *Writer) Copy(path, src string) { w.add(job{path: path, src: src}) }

func (w *Writer) add(j job) {
	w.mu.Lock()
	if w.err == nil {
		w.claim(j.path)
	}
	stop := w.err != nil
	w.mu.Unlock()
	if !stop {
		w.jobs <- j
	}
}

// claim records p as a file of this build and its parents as folders; a
// path that is already one or the other is a conflict within the build.
// Called with mu held.
func (w *Writer) claim(p string) {
	if p != path.Clean(p) || path.IsAbs(p) || p == ".." || strings.HasPrefix(p, "../") || p == "." {
		w.fail(fmt.Errorf("%q is not a path inside the output", p))
		return
	}
	if _, dup := w.claimed[p]; dup {
		w.fail(fmt.Errorf("%s: written twice, or both a file and a folder", p))
		return
	}
	for d := path.Dir(p); ; d = path.Dir(d) {
		isDir, seen := w.claimed[d]
		if seen && !isDir {
			w.fail(fmt.Errorf("%s: a file of the output is in the way of %s", d, p))
			return
		}
		if seen {
			break
		}
		w.claimed[d] = true
	}
	w.claimed[p] = false
}

// fail records err; called with mu held.
func (w *Writer) fail(err error) {
	if w.err == nil {
		w.err = err
	}
	w.failed++
}

// compareBuf is what each disk worker reads an earlier file through.
const compareBuf = 128 << 10

func (w *Writer) work() {
	defer w.wg.Done()
	buf := make([]byte, compareBuf)
	for j := range w.jobs {
		w.mu.Lock()
		stop := w.err != nil
		w.mu.Unlock()
		if stop {
			continue
		}
		skipped, err := w.write(j, buf)
		w.mu.Lock()
		switch {
		case err != nil:
			w.fail(err)
		case skipped:
			w.skipped = append(w.skipped, j.src)
			w.lost = append(w.lost, j.path)
		default:
			w.written++
		}
		w.mu.Unlock()
	}
}

func (w *Writer) write(j job, buf []byte) (skipped bool, err error) {
	data := j.data
	if j.src != "" {
		b, err := os.ReadFile(filepath.Join(w.content, filepath.FromSlash(j.src)))
		if err != nil {
			return true, nil
		}
		data = b
	}
	if err := w.dir(path.Dir(j.path)); err != nil {
		return false, err
	}
	target := filepath.Join(w.spare, filepath.FromSlash(j.path))
	if isDir, existed := w.old[j.path]; isDir {
		// A folder of an earlier build where this one has a file.
		if err := os.RemoveAll(target); err != nil {
			return false, err
		}
	} else if existed && sameFile(target, data, buf) {
		return false, nil
	}
	return false, os.WriteFile(target, data, 0o644)
}

// dir makes the folder d of the spare, replacing a file an earlier build
// left where this one has a folder.
func (w *Writer) dir(d string) error {
	w.dirMu.Lock()
	defer w.dirMu.Unlock()
	return w.dirLocked(d)
}

func (w *Writer) dirLocked(d string) error {
	if w.made[d] {
		return nil
	}
	if err := w.dirLocked(path.Dir(d)); err != nil {
		return err
	}
	p := filepath.Join(w.spare, filepath.FromSlash(d))
	if isDir, existed := w.old[d]; existed && !isDir {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if err := os.Mkdir(p, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	w.made[d] = true
	return nil
}

// Commit waits for the last files, removes what this build did not write
// and swaps the spare in for the output. It returns the number of files of
// the output and the content files it could not read to copy (left out,
// for the caller to report). After a failed write (a full disk) the spare
// folder is removed, which would otherwise keep the disk full, and the
// output stays as it was.
func (w *Writer) Commit() (int, []string, error) {
	w.Put(Marker, []byte(markerText))
	close(w.jobs)
	w.wg.Wait()
	err := w.err
	if err != nil && w.failed > 1 {
		err = fmt.Errorf("%w (and %d more files)", err, w.failed-1)
	}
	if err == nil {
		err = w.prune()
	}
	if err != nil {
		os.RemoveAll(w.spare)
		return 0, nil, fmt.Errorf("writing the output: %w; the previous output is untouched", err)
	}
	slices.Sort(w.skipped)
	if _, err := os.Lstat(w.out); err != nil {
		return w.written, w.skipped, os.Rename(w.spare, w.out)
	}
	if err := exchange(w.spare, w.out); err != nil {
		return 0, nil, fmt.Errorf("swapping the new output in: %w", err)
	}
	return w.written, w.skipped, nil
}

// Abort stops writing and removes the spare folder; the output stays as
// it was.
func (w *Writer) Abort() {
	w.mu.Lock()
	w.fail(errors.New("aborted"))
	w.mu.Unlock()
	close(w.jobs)
	w.wg.Wait()
	os.RemoveAll(w.spare)
}

// underFile reports whether a folder above p is a file of this build: p
// went with its folder when the file was written.
func (w *Writer) underFile(p string) bool {
	for d := path.Dir(p); d != "."; d = path.Dir(d) {
		if isDir, ok := w.claimed[d]; ok {
			return !isDir
		}
	}
	return false
}

// prune removes what an earlier build left that this one did not write,
// and the earlier copies of files this one could not copy.
func (w *Writer) prune() error {
	var stale []string
	for p := range w.old {
		if _, ok := w.claimed[p]; !ok && !w.underFile(p) {
			stale = append(stale, p)
		}
	}
	stale = append(stale, w.lost...)
	slices.Sort(stale) // a folder before what is in it
	for _, p := range stale {
		if err := os.RemoveAll(filepath.Join(w.spare, filepath.FromSlash(p))); err != nil {
			return err
		}
	}
	return nil
}

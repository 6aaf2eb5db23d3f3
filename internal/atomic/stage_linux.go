package atomic

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/sys/unix"
)

// stagedFile holds new bytes for target in a file with no name yet, in the
// target's folder so that the final rename stays on one file system.
type stagedFile struct {
	target string
	f      *os.File
	named  string // the hidden name it got, "" before
	tmp    bool   // an O_TMPFILE; false: a named hidden file (fallback)
}

func stage(target string, data []byte) (*stagedFile, error) {
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(target); err == nil {
		mode = st.Mode().Perm()
	}
	dir := filepath.Dir(target)
	fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_WRONLY|unix.O_CLOEXEC, uint32(mode))
	sf := &stagedFile{target: target, tmp: err == nil}
	if err == nil {
		sf.f = os.NewFile(uintptr(fd), target)
	} else if sf.f, err = os.CreateTemp(dir, "."+filepath.Base(target)+".*.tmp"); err != nil {
		return nil, err // a file system without O_TMPFILE: a named file
	} else {
		sf.named = sf.f.Name()
	}
	if _, err := sf.f.Write(data); err != nil {
		sf.abandon()
		return nil, err
	}
	if err := sf.f.Chmod(mode); err != nil {
		sf.abandon()
		return nil, err
	}
	if err := sf.f.Sync(); err != nil {
		sf.abandon()
		return nil, err
	}
	return sf, nil
}

// name gives the staged file a hidden name beside its target.
func (sf *stagedFile) name() (string, error) {
	if sf.named != "" {
		return sf.named, nil
	}
	dir, base := filepath.Split(sf.target)
	for i := 0; i < 100; i++ {
		p := filepath.Join(dir, "."+base+"."+strconv.Itoa(os.Getpid())+"-"+strconv.Itoa(i)+".tmp")
		err := unix.Linkat(unix.AT_FDCWD, "/proc/self/fd/"+strconv.Itoa(int(sf.f.Fd())), unix.AT_FDCWD, p, unix.AT_SYMLINK_FOLLOW)
		if err == nil {
			sf.named = p
			return p, nil
		}
		if !errors.Is(err, unix.EEXIST) {
			return "", err
		}
	}
	return "", fmt.Errorf("no free name beside %s", sf.target)
}

func (sf *stagedFile) close() { sf.f.Close() }

// abandon drops the staged bytes: an unnamed file vanishes with its last
// descriptor; a named one is removed.
func (sf *stagedFile) abandon() {
	sf.f.Close()
	if sf.named != "" {
		os.Remove(sf.named)
	}
}

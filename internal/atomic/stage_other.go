//go:build !linux

package atomic

import (
	"io/fs"
	"os"
	"path/filepath"
)

// stagedFile holds new bytes for target in a hidden file beside it (no
// O_TMPFILE here: a process killed while staging leaves it behind).
type stagedFile struct {
	target, named string
}

func stage(target string, data []byte) (*stagedFile, error) {
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(target); err == nil {
		mode = st.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return nil, err
	}
	sf := &stagedFile{target: target, named: f.Name()}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(mode)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(sf.named)
		return nil, err
	}
	return sf, nil
}

func (sf *stagedFile) name() (string, error) { return sf.named, nil }
func (sf *stagedFile) close()                {}
func (sf *stagedFile) abandon()              { os.Remove(sf.named) }

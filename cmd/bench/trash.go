package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// trash holds what the bench replaces — outputs of earlier runs, caches a
// cold run must not find — until nothing is timed any more. Deleting them
// on the spot would time the file system instead: ext4 without a journal,
// as on this project's machine, steps over every inode freed in the last
// minute (six while its block of the inode table is dirty) one by one each
// time it allocates a new one in the same group, which costs a build that
// writes thousands of files seconds, and a peer that writes fewer files
// less (see spreadFolders). Renaming is one step whatever the size.
type trash struct{ dir string }

// aside moves each path that exists into the trash, under a folder of its
// own so that names never clash, leftovers of an interrupted bench
// included.
func (t trash) aside(paths ...string) error {
	for _, p := range paths {
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err := os.MkdirAll(t.dir, 0o755); err != nil {
			return err
		}
		slot, err := os.MkdirTemp(t.dir, filepath.Base(p)+"-")
		if err != nil {
			return err
		}
		if err := os.Rename(p, filepath.Join(slot, filepath.Base(p))); err != nil {
			return err
		}
	}
	return nil
}

// empty deletes everything put aside, by this bench or an earlier one,
// and notes the time for the next bench (see pending).
func (t trash) empty() error {
	if _, err := os.Lstat(t.dir); err != nil {
		return nil
	}
	if err := os.RemoveAll(t.dir); err != nil {
		return err
	}
	return os.WriteFile(t.stamp(), nil, 0o644)
}

func (t trash) stamp() string { return t.dir + ".emptied" }

// pending is how long a bench starting at now must wait for the inodes
// the last emptying freed to stop costing: ext4 steps over a freed inode
// for a minute after its deletion, or six when the block of the inode
// table that holds it is dirty, which the first new file in that block
// makes it. A bench run straight after another measured cold builds 1.2
// to 1.4 times slower than the one before, Hugo's less so.
func (t trash) pending(now time.Time, forget time.Duration) time.Duration {
	st, err := os.Stat(t.stamp())
	if err != nil {
		return 0
	}
	return max(0, forget-now.Sub(st.ModTime()))
}

package main

import (
	"errors"
	"os"
	"testing"

	"golang.org/x/sys/unix"
)

func TestSpreadFolders(t *testing.T) {
	dir := t.TempDir()
	err := spreadFolders(dir)
	if errors.Is(err, unix.ENOTTY) || errors.Is(err, unix.EOPNOTSUPP) || errors.Is(err, unix.EINVAL) || errors.Is(err, errNotKept) {
		t.Skipf("the file system of %s has no attribute flags: %v", dir, err)
	}
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	flags, err := unix.IoctlGetUint32(int(f.Fd()), unix.FS_IOC_GETFLAGS)
	if err != nil || flags&topDir == 0 {
		t.Errorf("flags %#x, %v: the top-of-hierarchy flag is not set", flags, err)
	}
	if err := spreadFolders(dir); err != nil {
		t.Errorf("marking a marked folder again: %v", err)
	}
}

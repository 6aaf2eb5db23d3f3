package atomic

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// WriteAll replaces every file of files (path → new bytes) as one change,
// for a command such as docsite fix whose edits only make sense together.
//
// The new bytes are first written to files that have no name (Linux's
// O_TMPFILE; elsewhere hidden files beside their targets, removed on any
// error): a process killed then leaves every file as it was and nothing
// behind. Then each gets a hidden name beside its target, the list of
// renames is recorded in journal (in the cache folder, outside the
// content), and the renames run. A process killed during those renames
// leaves the journal, and Recover — the next run's first step — finishes
// them, so every file ends up new.
func WriteAll(journal string, files map[string][]byte) error {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	staged := make([]*stagedFile, 0, len(paths))
	abandon := func() {
		for _, f := range staged {
			f.abandon()
		}
	}
	for _, p := range paths {
		f, err := stage(p, files[p])
		if err != nil {
			abandon()
			return fmt.Errorf("%s: %w", p, err)
		}
		staged = append(staged, f)
	}
	var renames []rename
	for _, f := range staged {
		name, err := f.name()
		if err != nil {
			abandon()
			return fmt.Errorf("%s: %w", f.target, err)
		}
		renames = append(renames, rename{From: name, To: f.target})
	}
	if err := writeJournal(journal, renames); err != nil {
		abandon()
		return err
	}
	// The commit point: from here the change is finished, now or by Recover.
	for _, f := range staged {
		f.close()
	}
	if err := finish(renames); err != nil {
		return err
	}
	return os.Remove(journal)
}

// Recover finishes a WriteAll that was interrupted after its commit point;
// without a journal it does nothing.
func Recover(journal string) error {
	b, err := os.ReadFile(journal)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	var renames []rename
	if err := json.Unmarshal(b, &renames); err != nil {
		return fmt.Errorf("%s: %w", journal, err)
	}
	if err := finish(renames); err != nil {
		return err
	}
	return os.Remove(journal)
}

type rename struct{ From, To string }

func writeJournal(journal string, renames []rename) error {
	b, err := json.Marshal(renames)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(journal), 0o755); err != nil {
		return err
	}
	return WriteFile(journal, b)
}

// finish runs the renames; one already done (its source gone, its target
// there) is skipped, so running it twice is harmless.
func finish(renames []rename) error {
	for _, r := range renames {
		if err := os.Rename(r.From, r.To); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	return nil
}

package changed

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Renames reads from git which files of the content folder were renamed,
// old path → the path the file has now (content-relative, '/'): with since,
// the renames between it and the working tree, as --changed-since sees
// them; without, every rename in the content folder's history and those
// not yet committed (git mv), followed to the file's latest name. It is
// what suggestions and docsite fix consult before matching names. Outside
// a git work tree it returns an error and no renames.
func Renames(contentDir, since string) (map[string]string, error) {
	g, prefix, err := repoOf(contentDir)
	if err != nil {
		return nil, err
	}
	var entries []entry
	if since != "" {
		base, err := g.base(since)
		if err != nil {
			return nil, err
		}
		if entries, err = g.nameStatus("diff", "--name-status", "-z", "-M", "-l0", "--no-color", "--no-relative", base, "--"); err != nil {
			return nil, err
		}
	} else {
		spec := strings.TrimSuffix(prefix, "/")
		if spec == "" {
			spec = "."
		}
		// Newest first, and the uncommitted ones newer still.
		if _, err := g.run("rev-parse", "--verify", "--quiet", "HEAD"); err != nil {
			return map[string]string{}, nil // no commit yet: nothing was renamed
		}
		if entries, err = g.nameStatus("diff", "--name-status", "-z", "-M", "-l0", "--no-color", "--no-relative", "HEAD", "--"); err != nil {
			return nil, err
		}
		past, err := g.nameStatus("log", "-M", "-l0", "--diff-filter=R", "--name-status", "-z", "--format=", "--no-color", "--no-relative", "--", spec)
		if err != nil {
			return nil, err
		}
		entries = append(entries, past...)
	}
	return follow(entries, prefix), nil
}

// follow turns renames, newest first, into old path → latest path, within
// the content folder: replayed oldest first, each rename carries along
// every older name of the file, and a path a file comes to hold again is
// no longer an old name.
func follow(entries []entry, prefix string) map[string]string {
	in := func(p string) (string, bool) {
		rest, ok := strings.CutPrefix(p, prefix)
		return rest, ok && rest != ""
	}
	cur := map[string]string{}     // old name → name now
	names := map[string][]string{} // name now → its old names
	for i := len(entries) - 1; i >= 0; i-- {
		e := entries[i]
		from, ok1 := in(e.path)
		to, ok2 := in(e.to)
		if e.status != 'R' || !ok1 || !ok2 {
			continue
		}
		moved := append(names[from], from)
		delete(names, from)
		if was, ok := cur[to]; ok {
			names[was] = slices.DeleteFunc(names[was], func(k string) bool { return k == to })
			delete(cur, to)
		}
		for _, k := range moved {
			if k == to {
				continue
			}
			cur[k] = to
			names[to] = append(names[to], k)
		}
	}
	return cur
}

// repoOf finds the repository holding contentDir: a git runner at its top
// and the content folder's path there ("" or "docs/").
func repoOf(contentDir string) (*git, string, error) {
	abs, err := filepath.Abs(contentDir)
	if err != nil {
		return nil, "", err
	}
	if st, err := os.Stat(abs); err != nil || !st.IsDir() {
		return nil, "", fmt.Errorf("%s is not a folder", contentDir)
	}
	out, err := newGit(abs).run("rev-parse", "--show-toplevel")
	if err != nil {
		return nil, "", fmt.Errorf("%s is not inside a git repository (%v)", contentDir, err)
	}
	top := strings.TrimSpace(string(out))
	prefix, err := relPrefix(top, abs)
	if err != nil {
		return nil, "", err
	}
	return newGit(top), prefix, nil
}

func (g *git) nameStatus(args ...string) ([]entry, error) {
	out, err := g.run(args...)
	if err != nil {
		return nil, err
	}
	return parseNameStatus(out)
}

// Package changed narrows the checker's findings to what a change is
// responsible for, so a corpus with old breakage can still gate pull
// requests: findings in the files the change touched, and findings anywhere
// else that it caused — links into a file it deleted or renamed, anchors into
// a heading it removed or renumbered. The change is read from git.
package changed

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"docsite/internal/diag"
	"docsite/internal/markdown"
	"docsite/internal/site"
)

// Change is what the working tree changed since a base commit, with paths
// relative to the content folder ('/'-separated). Files outside the content
// folder are left out; a file moved out of it counts as deleted, one moved in
// as added.
type Change struct {
	Base    string              // the commit compared with the working tree
	Touched map[string]bool     // added, modified or renamed-to
	Deleted map[string]bool     // deleted
	Renamed map[string]string   // old path → new path
	Removed map[string][]string // page (new path) → anchor IDs it had at Base and has no more, sorted
	// OldLinks are the links of the changed, renamed and deleted Markdown
	// files as they were at Base: a page that only they reached is orphaned
	// by the change.
	OldLinks []OldLink

	gone map[string]bool // lower-cased deleted and renamed-away files and the folders that held them
}

// OldLink is a link as written at the base commit in the file From.
type OldLink struct{ From, Dest string }

// Option configures Changes.
type Option func(*options)

type options struct{ conv *markdown.Converter }

// WithConverter parses the old versions of pages with c instead of a new
// converter; pass the pipeline's so that heading IDs agree by construction.
func WithConverter(c *markdown.Converter) Option { return func(o *options) { o.conv = c } }

// Changes compares the working tree of the repository that holds contentDir
// with rev, so edits not yet committed count too (in a pull request checkout
// the two are the same). When rev is on another branch, the comparison starts
// at the point where HEAD forked from it, as a pull request's diff does:
// what the base branch did since is not this change's doing.
func Changes(contentDir, rev string, opts ...Option) (*Change, error) {
	o := options{}
	for _, opt := range opts {
		opt(&o)
	}
	if strings.HasPrefix(rev, "-") || rev == "" {
		return nil, fmt.Errorf("%q is not a revision", rev)
	}
	abs, err := filepath.Abs(contentDir)
	if err != nil {
		return nil, err
	}
	if st, err := os.Stat(abs); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", contentDir)
	}
	out, err := newGit(abs).run("rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("%s is not inside a git repository (%v)", contentDir, err)
	}
	top := strings.TrimSpace(string(out))
	prefix, err := relPrefix(top, abs)
	if err != nil {
		return nil, err
	}
	g := newGit(top) // from the top, git names every path from the root
	base, err := g.base(rev)
	if err != nil {
		return nil, err
	}
	out, err = g.run("diff", "--name-status", "-z", "-M", "-l0", "--no-color", "--no-relative", base, "--")
	if err != nil {
		return nil, err
	}
	entries, err := parseNameStatus(out)
	if err != nil {
		return nil, err
	}
	spec := strings.TrimSuffix(prefix, "/")
	if spec == "" {
		spec = "."
	}
	if out, err = g.run("ls-files", "-z", "--others", "--exclude-standard", "--", spec); err != nil {
		return nil, err
	}
	for _, p := range strings.Split(string(out), "\x00") {
		if p != "" {
			entries = append(entries, entry{status: 'A', path: p})
		}
	}
	ch := &Change{Base: base, Touched: map[string]bool{}, Deleted: map[string]bool{},
		Renamed: map[string]string{}, Removed: map[string][]string{}, gone: map[string]bool{}}
	olds := ch.collect(entries, prefix)
	if err := ch.readOld(g, top, prefix, olds, o.conv); err != nil {
		return nil, err
	}
	return ch, nil
}

// base resolves rev to a commit and steps back to where HEAD forked from it.
func (g *git) base(rev string) (string, error) {
	out, err := g.run("rev-parse", "--verify", "--quiet", rev+"^{commit}")
	if err != nil {
		return "", fmt.Errorf("unknown revision %q (in a shallow clone, fetch the history: fetch-depth: 0)", rev)
	}
	commit := strings.TrimSpace(string(out))
	if mb, err := g.run("merge-base", commit, "HEAD"); err == nil {
		return strings.TrimSpace(string(mb)), nil
	}
	return commit, nil
}

// relPrefix is the content folder's path from the repository root, ending
// in '/', or "" when they are the same folder. Symbolic links are resolved
// on both sides: git reports the real top folder.
func relPrefix(top, content string) (string, error) {
	rt, err := filepath.EvalSymlinks(top)
	if err != nil {
		return "", err
	}
	rc, err := filepath.EvalSymlinks(content)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(rt, rc)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("content folder %s is outside the repository at %s", content, top)
	}
	if rel == "." {
		return "", nil
	}
	return filepath.ToSlash(rel) + "/", nil
}

// oldFile is a Markdown file whose version at Base is needed: repo is its
// path then, from the repository root; was its content path then; now its
// content path today, "" when it is gone.
type oldFile struct{ repo, was, now string }

// collect sorts the diff into the change's sets and returns the Markdown
// files whose old versions tell which anchors and links went away.
func (ch *Change) collect(entries []entry, prefix string) []oldFile {
	in := func(p string) (string, bool) {
		if !strings.HasPrefix(p, prefix) || len(p) == len(prefix) {
			return "", false
		}
		return p[len(prefix):], true
	}
	var olds []oldFile
	for _, e := range entries {
		from, fromIn := in(e.path)
		switch e.status {
		case 'D':
			if fromIn {
				ch.remove(from)
				olds = appendMD(olds, oldFile{e.path, from, ""})
			}
		case 'R', 'C':
			to, toIn := in(e.to)
			if toIn {
				ch.Touched[to] = true
			}
			if e.status == 'C' || !fromIn {
				continue
			}
			if toIn {
				ch.Renamed[from] = to
			} else {
				ch.Deleted[from] = true
			}
			ch.markGone(from)
			olds = appendMD(olds, oldFile{e.path, from, to})
		case 'A':
			if fromIn {
				ch.Touched[from] = true
			}
		default: // M, T, U and whatever a later git adds
			if fromIn {
				ch.Touched[from] = true
				olds = appendMD(olds, oldFile{e.path, from, from})
			}
		}
	}
	return olds
}

func (ch *Change) remove(p string) {
	ch.Deleted[p] = true
	ch.markGone(p)
}

// markGone records p and its folders: a link to a folder that a move
// emptied is broken by the move too.
func (ch *Change) markGone(p string) {
	for p = strings.ToLower(p); p != "." && p != ""; p = path.Dir(p) {
		ch.gone[p] = true
	}
}

func appendMD(olds []oldFile, f oldFile) []oldFile {
	if isMarkdown(f.was) {
		olds = append(olds, f)
	}
	return olds
}

func isMarkdown(p string) bool { return strings.HasSuffix(strings.ToLower(p), ".md") }

// readOld parses the old versions of the changed pages: the anchors they
// had and the links they made.
func (ch *Change) readOld(g *git, top, prefix string, olds []oldFile, conv *markdown.Converter) error {
	if len(olds) == 0 {
		return nil
	}
	repoPaths := make([]string, len(olds))
	for i, f := range olds {
		repoPaths[i] = f.repo
	}
	blobs, err := g.catFiles(ch.Base, repoPaths)
	if err != nil {
		return err
	}
	if conv == nil {
		conv = markdown.New()
	}
	for _, f := range olds {
		src, ok := blobs[f.repo]
		if !ok {
			continue
		}
		old := parse(conv, f.was, src)
		for _, l := range old.Links {
			if l.Dest != "" && !site.IsExternal(l.Dest) {
				ch.OldLinks = append(ch.OldLinks, OldLink{From: f.was, Dest: l.Dest})
			}
		}
		if f.now == "" || !isMarkdown(f.now) {
			continue
		}
		cur, err := os.ReadFile(filepath.Join(top, filepath.FromSlash(prefix+f.now)))
		if errors.Is(err, os.ErrNotExist) {
			cur = nil
		} else if err != nil {
			return err
		}
		now := parse(conv, f.now, cur)
		var gone []string
		for id := range old.Anchors {
			if _, ok := now.Anchors[id]; !ok {
				gone = append(gone, id)
			}
		}
		if len(gone) > 0 {
			slices.Sort(gone)
			ch.Removed[f.now] = gone
		}
	}
	return nil
}

// parse reads one version of a page with the pipeline's converter, so its
// heading IDs are the ones links are checked against. A page the converter
// chokes on has no anchors rather than stopping the check.
func parse(conv *markdown.Converter, p string, src []byte) (pg *site.Page) {
	pg = &site.Page{Path: p, Dir: dirOf(p), Source: src, Lines: diag.NewLines(src)}
	defer func() {
		if recover() != nil {
			pg.Anchors, pg.Links = nil, nil
		}
	}()
	conv.Parse(pg) // no site: only anchors and links are read
	return pg
}

func dirOf(p string) string {
	if d := path.Dir(p); d != "." {
		return d
	}
	return ""
}

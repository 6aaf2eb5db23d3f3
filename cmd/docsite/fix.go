package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/rogpeppe/go-internal/diff"
	"github.com/spf13/cobra"

	"docsite/check"
	"docsite/check/changed"
	"docsite/check/fix"
	"docsite/internal/atomic"
	"docsite/internal/config"
	"docsite/internal/diag"
	"docsite/internal/load"
	"docsite/internal/site"
)

func fixCmd(stdout, stderr io.Writer) *cobra.Command {
	var (
		content, cfgPath string
		dryRun           bool
	)
	cmd := &cobra.Command{
		Use:   "fix",
		Short: "Repair what is certain: moved links, renumbered anchors, stale TOCs, heading numbers, mangled citations",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := setup(cfgPath, "", content)
			if err != nil {
				return err
			}
			// A run killed while it renamed its files is finished first.
			journal := fixJournal(content)
			if err := atomic.Recover(journal); err != nil {
				return &exitError{code: 1, err: fmt.Errorf("finishing an interrupted fix: %w", err)}
			}
			res, err := runFix(content, cfg)
			if err != nil {
				return &exitError{code: 1, err: err}
			}
			writes := map[string][]byte{}
			for _, f := range res.changed {
				if dryRun {
					stdout.Write(diff.Diff("a/"+f, res.before[f], "b/"+f, res.after[f]))
					continue
				}
				writes[filepath.Join(content, filepath.FromSlash(f))] = res.after[f]
			}
			// All the repairs land, or none: they only make sense together
			// (a renumbered heading and the links into it).
			if err := atomic.WriteAll(journal, writes); err != nil {
				return &exitError{code: 1, err: err}
			}
			verb := "changed"
			if dryRun {
				verb = "would change"
			}
			fmt.Fprintf(stderr, "%s %s\n%s", verb, plural(len(res.changed), "file"), fix.Summary(res.counts, res.unrepaired))
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&content, "content", "content", "folder of Markdown to repair")
	f.StringVar(&cfgPath, "config", "", "configuration file (default ./docsite.yaml when present)")
	f.BoolVar(&dryRun, "dry-run", false, "print a unified diff and change nothing")
	return cmd
}

type fixResult struct {
	changed       []string
	before, after map[string][]byte
	counts        map[string]int
	unrepaired    int
}

// runFix repairs the content folder in memory in two passes — first what
// moves headings and files, then the links that read them — reloading the
// page model in between over the repaired pages, and reports what changed
// against the original. Nothing is written: no copy of the content is made,
// and the caller writes the result in one transaction.
func runFix(content string, cfg *config.Config) (*fixResult, error) {
	var err error
	overlay := map[string][]byte{}
	pl := load.NewParser()
	defer pl.Close()
	res := &fixResult{before: map[string][]byte{}, after: map[string][]byte{}, counts: map[string]int{}}
	var s *site.Site
	renamed, _ := changed.Renames(content, "") // outside a git work tree: names only
	for _, pass := range []func(*site.Site) map[string][]fix.Edit{fix.FollowingRenames(fix.Structure, renamed), fix.Links} {
		if s, err = pl.Site(load.Options{Content: content, Config: cfg, Overlay: overlay}); err != nil {
			return nil, err
		}
		for file, edits := range pass(s) {
			p := s.ByPath[file]
			out, done := fix.Apply(p.Source, edits)
			if len(done) == 0 {
				continue
			}
			if _, seen := res.before[file]; !seen {
				res.before[file] = p.Source
			}
			res.after[file] = out
			for _, e := range done {
				res.counts[e.Kind]++
			}
			overlay[file] = out
		}
	}
	if s, err = pl.Site(load.Options{Content: content, Config: cfg, Overlay: overlay}); err != nil {
		return nil, err
	}
	for _, d := range check.Run(s, cfg) {
		if repairable(d.Rule) && d.Severity != diag.Off {
			res.unrepaired++
		}
	}
	for f := range res.after {
		if !bytes.Equal(res.before[f], res.after[f]) {
			res.changed = append(res.changed, f)
		}
	}
	sort.Strings(res.changed)
	return res, nil
}

// repairable names the rules whose findings fix works on; what is left of
// them needs a person.
func repairable(rule diag.RuleID) bool {
	for _, p := range []string{"link/", "numbering/", "toc/", "citation/malformed"} {
		if strings.HasPrefix(string(rule), p) {
			return true
		}
	}
	return false
}

// fixJournal is where a fix of the content folder records its renames while
// it makes them: in the cache folder, never in the content, one per folder.
func fixJournal(content string) string {
	abs, _ := filepath.Abs(content)
	sum := sha256.Sum256([]byte(abs))
	return filepath.Join(defaultCacheDir(), "fix-journal-"+hex.EncodeToString(sum[:8])+".json")
}

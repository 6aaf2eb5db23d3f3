package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"docsite/check"
	"docsite/check/baseline"
	"docsite/check/changed"
	"docsite/check/external"
	checkhtml "docsite/check/html"
	"docsite/check/links"
	"docsite/check/report"
	"docsite/internal/config"
	"docsite/internal/diag"
	"docsite/internal/load"
	"docsite/internal/site"
)

type checkFlags struct {
	content, cfgPath, format, htmlDir, cacheDir string
	changedSince, baselineFile, writeBaseline   string
	strict, external, listRules                 bool
	cpuProfile                                  string
}

func checkCmd(stdout, stderr io.Writer) *cobra.Command {
	var fl checkFlags
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Check links, anchors and references in the content folder",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if fl.listRules {
				return listRules(stdout)
			}
			if !slices.Contains(report.Formats, fl.format) {
				return usageErr("--format %q is not one of %s", fl.format, strings.Join(report.Formats, ", "))
			}
			cfg, err := setup(fl.cfgPath, "", fl.content)
			if err != nil {
				return err
			}
			if fl.cacheDir == "" {
				fl.cacheDir = defaultCacheDir()
			}
			stopProfile, err := startProfile(fl.cpuProfile, "")
			if err != nil {
				return usageErr("%v", err)
			}
			defer stopProfile()
			// The model, without theme or highlighter: the same loader build
			// uses. The cache folder spares check the formulas build typeset
			// and the parse of every page that did not change.
			pl := load.NewParser(load.WithCacheDir(fl.cacheDir), load.WithPageCache(fl.cacheDir), load.WithSanitize(cfg.Sanitize))
			defer pl.Close()
			if pl.MathWarning != "" {
				fmt.Fprintln(stderr, "warning:", pl.MathWarning)
			}
			s, err := pl.Site(load.Options{Content: fl.content, Config: cfg})
			if err != nil {
				return usageErr("%v", err)
			}
			// git knows where a missing file went; asking it takes a few
			// processes, which run while the rules do.
			type renames struct {
				to  map[string]string
				err error
			}
			asked := make(chan renames, 1)
			go func() {
				to, err := changed.Renames(fl.content, fl.changedSince)
				asked <- renames{to, err}
			}()
			ds := check.Run(s, cfg)
			if r := <-asked; r.err == nil {
				links.FollowRenames(s, ds, r.to)
			}
			if fl.htmlDir != "" {
				hd, err := checkHTML(s, fl.htmlDir)
				if err != nil {
					return usageErr("--html: %v", err)
				}
				ds = append(ds, hd...)
			}
			if fl.external {
				ds = append(ds, checkExternal(s, cfg, fl.cacheDir, stderr)...)
			}
			diag.Sort(ds)
			if fl.writeBaseline != "" {
				if err := baseline.Write(fl.writeBaseline, ds); err != nil {
					return fmt.Errorf("--write-baseline: %w", err)
				}
				return recorded(stdout, fl, check.Summary(s, ds), len(ds))
			}
			var ch *changed.Change
			if fl.changedSince != "" {
				if ch, err = changed.Changes(fl.content, fl.changedSince, changed.WithConverter(pl.Converter)); err != nil {
					return usageErr("--changed-since: %v", err)
				}
			}
			if fl.baselineFile != "" {
				b, err := baseline.Load(fl.baselineFile)
				if err != nil {
					return usageErr("--baseline: %v", err)
				}
				if ch != nil {
					b = b.Follow(ch.Renamed) // old breakage moves with its file
				}
				ds = b.Filter(ds)
			}
			if ch != nil {
				ds = changed.Filter(ds, s, ch)
			}
			return report1(stdout, fl, s, ds)
		},
	}
	f := cmd.Flags()
	f.StringVar(&fl.content, "content", "content", "folder of Markdown to check")
	f.StringVar(&fl.cfgPath, "config", "", "configuration file (default ./docsite.yaml when present)")
	f.StringVar(&fl.format, "format", "text", "output format: text, json, github or sarif")
	f.StringVar(&fl.htmlDir, "html", "", "also check the built site in this folder (every href, src and fragment)")
	f.BoolVar(&fl.external, "external", false, "also check external links (cached; off by default)")
	f.StringVar(&fl.cacheDir, "cache-dir", "", "cache folder for rendered formulas and external results (default under the user cache directory)")
	f.BoolVar(&fl.strict, "strict", false, "exit 1 on warnings too")
	f.StringVar(&fl.cpuProfile, "cpuprofile", "", "write a CPU profile (for make bench)")
	_ = f.MarkHidden("cpuprofile")
	f.BoolVar(&fl.listRules, "list-rules", false, "print every rule with its default severity and what it finds, then exit")
	f.StringVar(&fl.changedSince, "changed-since", "", "report only findings in files changed since GITREV, or caused by the change")
	f.StringVar(&fl.baselineFile, "baseline", "", "report only findings not recorded in this baseline file")
	f.StringVar(&fl.writeBaseline, "write-baseline", "", "record all findings in this baseline file and exit 0")
	return cmd
}

// report1 prints the findings and turns them into the exit code.
func report1(stdout io.Writer, fl checkFlags, s *site.Site, ds []diag.Diagnostic) error {
	sum := check.Summary(s, ds)
	opts := []report.Option{
		report.WithToolVersion(version),
		report.WithRules(check.Catalogue()),
		report.WithPathPrefix(repoPrefix(fl.content)),
		// Source lines come only from pages the loader accepted: a finding
		// on a link to /proc/self/environ must not print the environment.
		report.WithSource(func(file string) []byte {
			if p := s.ByPath[file]; p != nil {
				return p.Source
			}
			return nil
		}),
		report.WithLines(func(file string) *diag.Lines {
			if p := s.ByPath[file]; p != nil {
				return p.Lines
			}
			return nil
		}),
	}
	if f, ok := stdout.(*os.File); ok && fl.format == "text" {
		opts = append(opts, report.WithColor(report.ColorAllowed(f)))
	}
	if err := report.Write(stdout, fl.format, ds, sum, opts...); err != nil {
		return err
	}
	errs, warns := diag.Count(ds)
	if errs > 0 || (fl.strict && warns > 0) {
		return &exitError{code: 1, err: fmt.Errorf("")}
	}
	return nil
}

// recorded says what --write-baseline wrote, in the format asked for: one
// JSON object for json (the summary, and the baseline's file and count),
// a notice for github, a line otherwise.
func recorded(stdout io.Writer, fl checkFlags, sum report.Summary, n int) error {
	switch fl.format {
	case "json":
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Version  int `json:"version"`
			Summary  any `json:"summary"`
			Baseline any `json:"baseline"`
		}{1, struct {
			Files    int `json:"files"`
			Links    int `json:"links"`
			Errors   int `json:"errors"`
			Warnings int `json:"warnings"`
		}(sum), struct {
			File     string `json:"file"`
			Recorded int    `json:"recorded"`
		}{fl.writeBaseline, n}})
	case "github":
		_, err := fmt.Fprintf(stdout, "::notice title=baseline::recorded %d findings in %s\n", n, fl.writeBaseline)
		return err
	}
	_, err := fmt.Fprintf(stdout, "recorded %d findings in %s\n", n, fl.writeBaseline)
	return err
}

func checkHTML(s *site.Site, dir string) ([]diag.Diagnostic, error) {
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("%s is not a built site folder", dir)
	}
	return checkhtml.Check(dir, checkhtml.Options{BasePath: s.BasePath(), Source: checkhtml.SourceMap(s)})
}

func checkExternal(s *site.Site, cfg *config.Config, cacheDir string, stderr io.Writer) []diag.Diagnostic {
	ec := cfg.External
	opts := []external.Option{
		external.WithCache(filepath.Join(cacheDir, "external.json"), parseDuration(ec.CacheMaxAge, 24*time.Hour)),
		external.WithErrorHandler(func(err error) { fmt.Fprintln(stderr, "external:", err) }),
	}
	if ec.Concurrency > 0 {
		opts = append(opts, external.WithConcurrency(ec.Concurrency))
	}
	if ec.PerHost > 0 {
		opts = append(opts, external.WithPerHost(ec.PerHost))
	}
	if d := parseDuration(ec.Timeout, 0); d > 0 {
		opts = append(opts, external.WithTimeout(d))
	}
	if len(ec.Accept) > 0 {
		opts = append(opts, external.WithAccept(ec.Accept...))
	}
	for _, pat := range ec.Exclude {
		opts = append(opts, external.WithExclude(regexp.MustCompile(pat))) // validated when loaded
	}
	if f, ok := stderr.(*os.File); ok && report.ColorAllowed(f) {
		opts = append(opts, external.WithProgress(func(done, total int) {
			fmt.Fprintf(stderr, "\rexternal links: %d/%d", done, total)
			if done == total {
				fmt.Fprintln(stderr)
			}
		}))
	}
	return external.CheckSite(context.Background(), s, external.New(opts...))
}

// listRules prints the catalogue: one rule a line, then its help indented.
func listRules(w io.Writer) error {
	for _, r := range check.Catalogue() {
		fmt.Fprintf(w, "%-26s %-7s %s\n", r.ID, r.Severity, r.Short)
	}
	return nil
}

// parseDuration reads a duration the configuration has already validated.
func parseDuration(s string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(s); err == nil {
		return d
	}
	return def
}

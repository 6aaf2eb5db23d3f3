package main

import (
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"docsite/check"
	"docsite/internal/diag"
	"docsite/render/build"
	"docsite/render/output"
)

func buildCmd(stdout, stderr io.Writer) *cobra.Command {
	var (
		content, out, cfgPath, baseURL, cacheDir string
		drafts, strict, noCache, checkHTMLOut    bool
		cpuProfile, memProfile                   string
	)
	cmd := &cobra.Command{
		Use:   "build",
		Short: "Build the site from the content folder into the output folder",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := setup(cfgPath, baseURL, content)
			if err != nil {
				return err
			}
			if err := output.CheckOut(out, content); err != nil {
				return usageErr("%v", err)
			}
			if noCache {
				cacheDir = ""
			} else if cacheDir == "" {
				cacheDir = defaultCacheDir()
			}
			stopProfile, err := startProfile(cpuProfile, memProfile)
			if err != nil {
				return usageErr("%v", err)
			}
			defer stopProfile()
			// A broken link does not stop a publish, but the author hears of it.
			b, err := build.Prepare(build.Options{Content: content, Out: out, CacheDir: cacheDir, Config: cfg, Drafts: drafts})
			if err != nil {
				return &exitError{code: 1, err: err}
			}
			// The checks read the finished model while pages are rendered and written.
			checked := make(chan []diag.Diagnostic, 1)
			go func() { checked <- check.Run(b.Site, cfg) }()
			res, err := b.Write()
			ds := <-checked
			if err != nil {
				return &exitError{code: 1, err: err}
			}
			res.Diagnostics = append(ds, res.Unwritten...)
			if checkHTMLOut {
				hd, err := checkHTML(res.Site, out)
				if err != nil {
					return &exitError{code: 1, err: err}
				}
				res.Diagnostics = append(res.Diagnostics, hd...)
				diag.Sort(res.Diagnostics)
			}
			if res.Warning != "" {
				fmt.Fprintln(stderr, "warning:", res.Warning)
			}
			errs, warns := diag.Count(res.Diagnostics)
			showFirst(stderr, res.Diagnostics, 5)
			fmt.Fprintf(stdout, "built %s and %s into %s: %s, %s in %s\n",
				plural(res.Pages, "page"), plural(res.Files-res.Pages, "other file"), out,
				plural(errs, "error"), plural(warns, "warning"), res.Duration.Round(time.Millisecond))
			if strict && errs+warns > 0 {
				return &exitError{code: 1, err: fmt.Errorf("--strict: %d findings", errs+warns)}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&content, "content", "content", "folder of Markdown to build")
	f.StringVar(&out, "out", "public", "output folder (replaced atomically)")
	f.StringVar(&cfgPath, "config", "", "configuration file (default ./docsite.yaml when present)")
	f.StringVar(&baseURL, "base-url", "", "URL the site is served from, e.g. https://example.org/docs/")
	f.StringVar(&cacheDir, "cache-dir", "", "cache folder for highlighted code and rendered math (default under the user cache directory)")
	f.BoolVar(&noCache, "no-cache", false, "start cold: use no cache folder")
	f.BoolVar(&drafts, "drafts", false, "include pages with draft: true")
	f.BoolVar(&strict, "strict", false, "exit 1 when there is any diagnostic, warnings included")
	f.BoolVar(&checkHTMLOut, "check-html", false, "check every link and fragment of the built HTML afterwards")
	f.StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile (for make bench)")
	f.StringVar(&memProfile, "memprofile", "", "write a heap profile at the end (for make bench)")
	_ = f.MarkHidden("cpuprofile")
	_ = f.MarkHidden("memprofile")
	return cmd
}

// showFirst prints up to n diagnostics, then how many more there are.
func showFirst(w io.Writer, ds []diag.Diagnostic, n int) {
	for i, d := range ds {
		if i == n {
			fmt.Fprintf(w, "… and %d more (run docsite check for all)\n", len(ds)-n)
			return
		}
		fmt.Fprintf(w, "%s:%d:%d: %s %s: %s\n", d.File, d.Line, d.Column, d.Severity, d.Rule, d.Message)
	}
}

// Command lighthouse runs Lighthouse (mobile preset) over a built site
// served with gzip, on the pages SPEC §10's reader budget names: the home
// page, the page with the most formulas and the biggest page, picked from
// the output. It prints a table of the four category scores, the
// performance metrics, and every audit that costs a point outside
// performance, writes the table as Markdown to -md, and fails when a page
// is below the budget (mobile performance 90, the rest 100) unless
// -report-only.
//
//	go run ./cmd/lighthouse -site DIR [-runs 1] [-md .cache/bench/lighthouse.md] [-report-only] [-pages /a/,/b/]
//
// Lighthouse itself is the pinned npm package in bench/lighthouse (make
// lighthouse installs it); Chromium is Debian's.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

type options struct {
	site, md, lighthouse, chrome, pages string
	runs                                int
	reportOnly                          bool
}

func main() {
	var o options
	flag.StringVar(&o.site, "site", "", "built site to serve (docsite build --out)")
	flag.StringVar(&o.md, "md", ".cache/bench/lighthouse.md", "where to write the table as Markdown")
	flag.StringVar(&o.lighthouse, "lighthouse", "bench/lighthouse/node_modules/lighthouse/cli/index.js", "Lighthouse's CLI script")
	flag.StringVar(&o.chrome, "chrome", "/usr/bin/chromium", "Chromium to drive")
	flag.IntVar(&o.runs, "runs", 1, "runs per page; the run with the median performance score counts")
	flag.StringVar(&o.pages, "pages", "", "comma-separated site paths to audit instead of the three picked")
	flag.BoolVar(&o.reportOnly, "report-only", false, "print the table but never fail on a score")
	flag.Parse()
	if err := run(o, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "lighthouse:", err)
		os.Exit(1)
	}
}

func run(o options, w io.Writer) error {
	if o.site == "" {
		return errors.New("-site is required")
	}
	if _, err := os.Stat(o.lighthouse); err != nil {
		return fmt.Errorf("%s not installed (make lighthouse runs npm ci in bench/lighthouse)", o.lighthouse)
	}
	pages, err := pick(o.site)
	if err != nil {
		return err
	}
	if o.pages != "" {
		pages = nil
		for _, u := range strings.Split(o.pages, ",") {
			pages = append(pages, target{Name: "page", URL: u})
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: gzipped(o.site), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Shutdown(context.Background())
	origin := "http://" + ln.Addr().String()

	var results []result
	for _, p := range pages {
		var runs []result
		for i := 0; i < max(o.runs, 1); i++ {
			r, err := audit(o, origin+escapePath(p.URL))
			if err != nil {
				return fmt.Errorf("%s: %w", p.URL, err)
			}
			runs = append(runs, r)
		}
		r := median(runs)
		r.Page = p
		results = append(results, r)
		fmt.Fprintf(w, "%s: %s\n", label(p), r.summary())
	}
	table := markdown(results)
	fmt.Fprint(w, "\n"+table)
	if o.md != "" {
		if err := os.MkdirAll(filepath.Dir(o.md), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(o.md, []byte(table), 0o644); err != nil {
			return err
		}
	}
	if short := belowBudget(results); len(short) > 0 && !o.reportOnly {
		return fmt.Errorf("below budget: %s", strings.Join(short, "; "))
	}
	return nil
}

// Command bench measures docsite against the budgets of SPEC §12 and, in
// the same run and on the same files, against the peers a user would
// otherwise pick. `make bench` runs it:
//
//	go run ./cmd/bench -docsite bin/docsite [-corpus .cache/bench-corpus]
//	    [-corpus2 ../shared/corpus-dev]
//	    [-runs 3] [-files 1200] [-seed 1] [-peers=true] [-skip-serve]
//	    [-cold=true] [-edits 50] [-edit-gap 500ms] [-remark=true]
//	    [-forget 6m10s] [-out .cache/bench] [-v]
//
// What it does, in order:
//
//  1. Makes the corpus with cmd/gencorpus, once: the folder is regenerated
//     only when its .gencorpus marker names another seed or size.
//  2. Runs each measure -runs times as a child process and quotes the
//     median wall time and the median peak resident memory (the child's
//     rusage, descendants included): `docsite check` (source checks) cold
//     (an empty --cache-dir) and warm,
//     `docsite build` cold (a fresh, empty --cache-dir and no previous
//     output) and warm (the cache the cold runs filled), `docsite check
//     --html` on the built output, and `docsite serve`: its start-up time,
//     and the time from saving a page to the `event: reload` its event
//     stream sends, over -edits edits of different pages (50th and 95th
//     percentile). serve runs on a copy of the corpus, so the cached corpus
//     is never edited.
//  3. Runs the peers that are installed, never failing when one is not:
//     Hugo (minimal templates in bench/hugo) for the build, remark with
//     remark-validate-links for the source check, htmltest for the HTML
//     check, Pagefind for the search index. The npm peers are installed
//     with `npm ci` into bench/node_modules, pinned by bench's lock file;
//     htmltest is tried once with `go install` into .cache/bench-bin.
//  4. Prints one table — measure, docsite, peer, ratio, budget, met — and
//     writes it as Markdown to OUT/last.md for the README.
//
// Every child runs in OUT/work with absolute paths, so a docsite.yaml in
// the caller's folder does not change what is measured. The machine's load
// average is printed with the table: figures taken on a busy machine are
// slower than the machine is.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"time"
)

// options are the command line, after defaults.
type options struct {
	docsite   string
	corpus    string
	corpus2   string
	out       string
	benchDir  string
	runs      int
	files     int
	seed      uint64
	edits     int
	editGap   time.Duration
	peers     bool
	cold      bool
	skipServe bool
	remarkRun bool
	timeout   time.Duration
	forget    time.Duration
	verbose   bool
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(2)
	}
}

func parseFlags(args []string, stderr io.Writer) (*options, error) {
	o := &options{}
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.docsite, "docsite", "bin/docsite", "docsite binary to measure")
	fs.StringVar(&o.corpus, "corpus", ".cache/bench-corpus", "corpus folder (made by cmd/gencorpus when missing or of another seed or size)")
	fs.StringVar(&o.corpus2, "corpus2", "../shared/corpus-dev", "a second corpus (real pages) measured the same way; \"\" skips it")
	fs.StringVar(&o.out, "out", ".cache/bench", "folder for outputs, caches and last.md")
	fs.StringVar(&o.benchDir, "bench-dir", "bench", "folder with the peers' package.json and Hugo site")
	fs.IntVar(&o.runs, "runs", 3, "runs of each measure; medians are quoted")
	fs.IntVar(&o.files, "files", 1200, "Markdown files in the corpus")
	fs.Uint64Var(&o.seed, "seed", 1, "corpus seed")
	fs.IntVar(&o.edits, "edits", 50, "pages edited to measure serve's save-to-reload latency")
	fs.DurationVar(&o.editGap, "edit-gap", 500*time.Millisecond, "time from one save to the next (at least 150ms after the reload)")
	fs.BoolVar(&o.peers, "peers", true, "also measure the installed peers (Hugo, remark, htmltest, Pagefind)")
	fs.BoolVar(&o.cold, "cold", true, "measure cold builds (empty cache); false measures warm builds only")
	fs.BoolVar(&o.skipServe, "skip-serve", false, "do not measure docsite serve")
	fs.BoolVar(&o.remarkRun, "remark", true, "with -peers, run remark-validate-links (slow: a minute or two)")
	fs.DurationVar(&o.timeout, "timeout", 5*time.Minute, "limit for any one child process")
	fs.DurationVar(&o.forget, "forget", 370*time.Second, "how long after an earlier bench deleted its outputs to wait before timing (ext4 without a journal; 0 does not wait)")
	fs.BoolVar(&o.verbose, "v", false, "print every run")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if o.runs < 1 || o.edits < 1 || o.files < 8 {
		return nil, fmt.Errorf("-runs and -edits must be at least 1, -files at least 8")
	}
	if o.corpus2 != "" {
		if _, err := os.Stat(o.corpus2); err != nil {
			fmt.Fprintf(stderr, "bench: no second corpus: %v\n", err)
			o.corpus2 = ""
		}
	}
	for _, p := range []*string{&o.docsite, &o.corpus, &o.corpus2, &o.out, &o.benchDir} {
		if *p == "" {
			continue
		}
		abs, err := filepath.Abs(*p)
		if err != nil {
			return nil, err
		}
		*p = abs
	}
	return o, nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	o, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	if _, err := os.Stat(o.docsite); err != nil {
		return fmt.Errorf("docsite binary: %v (build it first: make build)", err)
	}
	b := &bench{opts: o, log: stderr, started: time.Now(), trash: trash{dir: filepath.Join(o.out, "trash")}}
	if err := os.MkdirAll(b.work(), 0o755); err != nil {
		return err
	}
	if err := spreadFolders(b.work()); err != nil {
		b.logf("cannot spread the work folder's folders over the file system (%v): cold builds may time the inodes an earlier run freed", err)
	}
	if err := ensureCorpus(ctx, o.corpus, o.seed, o.files, stderr); err != nil {
		return err
	}
	if d := b.trash.pending(time.Now(), o.forget); d > 0 {
		b.logf("waiting %s before timing: an earlier bench deleted its outputs less than %s ago, and new files beside inodes freed so recently are slow to make on ext4 without a journal (-forget 0 does not wait)", d.Round(time.Second), o.forget)
		select {
		case <-time.After(d):
		case <-ctx.Done():
			return ctx.Err()
		}
		b.started = time.Now()
	}
	// What the runs put aside is deleted when nothing is timed any more;
	// an interrupted bench leaves it for the next one to delete.
	defer func() {
		if err := b.trash.empty(); err != nil {
			b.logf("%v", err)
		}
	}()
	b.measureAll(ctx)
	b.searchIndexTimes(ctx)
	b.mathSpeed(ctx)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	t := b.table()
	t.WriteText(stdout)
	md := filepath.Join(o.out, "last.md")
	if err := os.WriteFile(md, []byte(t.Markdown()), 0o644); err != nil {
		return err
	}
	b.searchQuality(ctx, stdout)
	b.writeMath(stdout)
	fmt.Fprintf(stdout, "\nwritten to %s in %s\n", md, time.Since(b.started).Round(time.Second))
	return nil
}

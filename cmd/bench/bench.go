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
)

// bench holds one run's options and everything it measured.
type bench struct {
	opts    *options
	log     io.Writer
	started time.Time
	loadAvg [2]string // at the start and at the end

	version string
	corpus  string // "1200 files, 23.4 MB"

	check, checkWarm, cold, warm, html series
	second                             *second         // the same measures on -corpus2
	findings                           map[string]int  // docsite check's findings by rule
	spots                              map[spot]string // where they are: "file" or "anchor"
	pages, outFiles                    int
	outSize, searchSize                int64
	serve                              *serveResult
	diagrams                           *diagramResult       // mermaid: {render: build}, and page weight both ways
	indexTimes                         map[string]indexTime // BenchmarkSearchIndex by "corpus/cold"
	math                               *mathResult          // internal/tex's benchmarks

	hugo, remark, htmltest, pagefind *peer
	hugoPages                        int
	hugoSize, pagefindSize           int64

	trash trash // what the runs replaced, deleted at the end
}

func (b *bench) work() string            { return filepath.Join(b.opts.out, "work") }
func (b *bench) path(name string) string { return filepath.Join(b.work(), name) }

// keep saves a tool's report in the work folder, for a look at what the
// table counted.
func (b *bench) keep(name string, data []byte) {
	if err := os.WriteFile(b.path(name), data, 0o644); err != nil {
		b.logf("%v", err)
	}
}

func (b *bench) logf(format string, args ...any) {
	fmt.Fprintf(b.log, "bench: "+format+"\n", args...)
}

// A task is one measure in a round of interleaved runs.
type task struct {
	j      job
	before func() error
	fresh  *freshOut // a new output folder for every run, when set
	s      *series
}

// freshOut gives each run of a job an output folder never used before, as
// a CI runner has, and none is deleted while runs are timed (see trash).
// The last run's output is renamed to keep, for the measures that read a
// built site.
type freshOut struct {
	flag, keep string // the job's output flag and where the last output goes
	used       []string
}

// apply points j's output flag at a new folder for run i.
func (f *freshOut) apply(j *job, i int) {
	dir := fmt.Sprintf("%s-run%d", f.keep, i+1)
	f.used = append(f.used, dir)
	args := slices.Clone(j.args)
	for k := range args[:len(args)-1] {
		if args[k] == f.flag {
			args[k+1] = dir
		}
	}
	j.args = args
}

// settle renames the last run's output to keep and puts the others, with
// what an earlier bench left at keep, in the trash.
func (f *freshOut) settle(t trash) error {
	if len(f.used) == 0 {
		return nil
	}
	last := f.used[len(f.used)-1]
	if err := t.aside(append(f.used[:len(f.used)-1:len(f.used)-1], f.keep)...); err != nil {
		return err
	}
	return os.Rename(last, f.keep)
}

// interleave runs each task n times, one run of each per round: on a
// shared machine whose load comes and goes, docsite and its peer then see
// the same conditions. A task stops at its first failure.
func (b *bench) interleave(ctx context.Context, n int, tasks ...task) {
	for i := range n {
		for _, t := range tasks {
			if t.s.err != nil || ctx.Err() != nil {
				continue
			}
			if t.before != nil {
				if err := t.before(); err != nil {
					t.s.err = err
					continue
				}
			}
			j := t.j
			if t.fresh != nil {
				t.fresh.apply(&j, i)
			}
			x, err := runJob(ctx, j)
			if err != nil {
				t.s.err = err
				b.logf("%v", err)
				continue
			}
			if b.opts.verbose || i == 0 {
				b.logf("%s run %d/%d: %s, %s", t.j.name, i+1, n, fmtDur(x.wall), fmtBytes(x.rss))
			}
			t.s.samples = append(t.s.samples, x)
		}
	}
}

func (b *bench) docsiteJob(name string, exits []int, args ...string) job {
	return job{name: name, path: b.opts.docsite, args: args, dir: b.work(), exits: exits, timeout: b.opts.timeout}
}

// measureAll takes every measure in turn; a failure is recorded in its
// row and the rest still run.
func (b *bench) measureAll(ctx context.Context) {
	o := b.opts
	b.loadAvg[0] = loadAvg()
	b.version = version(ctx, o.docsite, "version")
	if size, _, err := dirSize(o.corpus); err == nil {
		md, _ := markdownFiles(o.corpus)
		b.corpus = fmt.Sprintf("%d Markdown files, %s in all", len(md), fmtBytes(size))
	}
	if o.peers {
		b.findPeers(ctx)
	}

	// Source checks, cold (an empty cache: every formula typeset) and warm.
	// remark runs once, at the end: it takes minutes.
	checkCache := b.path("check-cache")
	check := b.docsiteJob("docsite check (cold)", []int{1},
		"check", "--content", o.corpus, "--format", "json", "--cache-dir", checkCache)
	b.interleave(ctx, o.runs, task{j: check, s: &b.check, before: b.aside(checkCache)})
	check.name = "docsite check (warm)"
	b.interleave(ctx, o.runs, task{j: check, s: &b.checkWarm})
	if b.check.ok() {
		b.keep("check.json", b.check.samples[0].stdout)
		b.findings, b.spots = docsiteFindings(b.check.samples[0].stdout)
	}

	// Builds: cold runs beside Hugo, then warm runs on the cache they left.
	site, cache := b.path("site"), b.path("cache")
	build := b.docsiteJob("docsite build", nil, "build", "--content", o.corpus, "--out", site, "--cache-dir", cache)
	if o.cold {
		cold := build
		cold.name = "docsite build (cold)"
		tasks := []task{{j: cold, s: &b.cold, before: b.aside(cache), fresh: &freshOut{flag: "--out", keep: site}}}
		if b.hugo != nil && b.hugo.status == "" {
			tasks = append(tasks, task{j: b.hugoJob(b.hugo.path), s: &b.hugo.s,
				before: b.aside(b.path("hugo-cache")), fresh: &freshOut{flag: "--destination", keep: b.path("hugo-out")}})
		}
		b.interleave(ctx, o.runs, tasks...)
		b.settle(tasks)
	} else if _, err := runJob(ctx, build); err != nil {
		b.warm.err = err // the warm runs need the cache one build fills
	}
	if b.warm.err == nil {
		warm := build
		warm.name = "docsite build (warm)"
		b.interleave(ctx, o.runs, task{j: warm, s: &b.warm})
	}
	if b.hugo != nil && b.hugo.s.err != nil {
		b.hugo.status = "failed: " + trimErr(b.hugo.s.err)
	}
	built := fileExists(filepath.Join(site, "index.html"))
	if built {
		b.outSize, b.outFiles, _ = dirSize(site)
		b.searchSize, _, _ = dirSize(filepath.Join(site, "search"))
		b.pages = countHTML(site)
	}
	if b.hugo != nil && b.hugo.ok() {
		b.hugoSize, _, _ = dirSize(b.path("hugo-out"))
		b.hugoPages = countHTML(b.path("hugo-out"))
	}

	// The built site: HTML check beside htmltest, search index beside Pagefind.
	if built {
		tasks := []task{{j: b.docsiteJob("docsite check --html", []int{1},
			"check", "--content", o.corpus, "--html", site, "--format", "json"), s: &b.html}}
		if b.htmltest != nil && b.htmltest.status == "" {
			tasks = append(tasks, task{j: b.htmltestJob(b.htmltest.path, site), s: &b.htmltest.s})
		}
		b.interleave(ctx, o.runs, tasks...)
		if b.pagefind != nil && b.pagefind.status == "" {
			pf := b.path("pagefind")
			pagefind := []task{{j: b.pagefindJob(b.pagefind.path, site), s: &b.pagefind.s,
				fresh: &freshOut{flag: "--output-path", keep: abs(pf)}}}
			b.interleave(ctx, o.runs, pagefind...)
			b.settle(pagefind)
			b.pagefindSize, _, _ = dirSize(pf)
		}
	} else {
		b.html.err = fmt.Errorf("no built site")
	}
	for _, p := range []*peer{b.htmltest, b.pagefind} {
		if p != nil && p.status == "" && p.s.err != nil {
			p.status = "failed: " + trimErr(p.s.err)
		}
		if p != nil && p.status == "" && !built {
			p.status = "not run (no built site)"
		}
	}

	if o.corpus2 != "" && ctx.Err() == nil {
		b.second = b.measureSecond(ctx, o.corpus2)
	}
	if built && ctx.Err() == nil {
		b.diagrams = b.measureDiagrams(ctx)
	}

	if !o.skipServe && ctx.Err() == nil {
		if !fileExists(cache) {
			cache = b.path("serve-cache")
		}
		var r serveResult
		if r.err = b.trash.aside(b.path(serveContent)); r.err == nil {
			r = measureServe(ctx, o.docsite, o.corpus, b.work(), cache, o.edits, o.editGap, b.logf)
		}
		b.serve = &r
		if r.err != nil {
			b.logf("serve: %v", r.err)
		}
	}

	if b.remark != nil && b.remark.status == "" && ctx.Err() == nil {
		j, _ := b.remarkJob()
		b.logf("running remark-validate-links once (a minute or two)")
		b.interleave(ctx, 1, task{j: j, s: &b.remark.s})
		if b.remark.s.ok() {
			b.keep("remark.txt", b.remark.s.samples[0].stderr)
			b.remark.found = remarkFindings(b.remark.s.samples[0].stderr)
		} else {
			b.remark.status = "failed: " + trimErr(b.remark.s.err)
		}
	}
	b.loadAvg[1] = loadAvg()
}

// settle keeps the last output of each task with fresh folders and puts
// the others in the trash.
func (b *bench) settle(tasks []task) {
	for _, t := range tasks {
		if t.fresh != nil {
			if err := t.fresh.settle(b.trash); err != nil {
				b.logf("%v", err)
			}
		}
	}
}

// aside returns a task's before hook that puts paths in the trash.
func (b *bench) aside(paths ...string) func() error {
	return func() error { return b.trash.aside(paths...) }
}

// findPeers decides which peers can run; none of them is required.
func (b *bench) findPeers(ctx context.Context) {
	if p := lookBin("hugo"); p != "" {
		b.hugo = &peer{name: "Hugo", path: p, version: semver.FindString(version(ctx, p, "version"))}
	} else {
		b.hugo = notInstalled("Hugo")
	}
	if err := b.installNPM(ctx); err != nil {
		b.logf("npm peers: %v", err)
	}
	if _, ok := b.remarkJob(); ok && b.opts.remarkRun {
		b.remark = &peer{name: "remark-validate-links", version: npmVersion(b.opts.benchDir, "remark-validate-links")}
	} else if ok {
		b.remark = &peer{name: "remark-validate-links", status: "skipped: -remark=false"}
	} else {
		b.remark = notInstalled("remark-validate-links")
	}
	if p := b.pagefindBin(); p != "" {
		b.pagefind = &peer{name: "Pagefind", path: p, version: npmVersion(b.opts.benchDir, "pagefind")}
	} else {
		b.pagefind = notInstalled("Pagefind")
	}
	if p, err := b.htmltestBin(ctx); p != "" {
		b.htmltest = &peer{name: "htmltest", path: p, version: version(ctx, p, "--version")}
	} else {
		b.logf("htmltest: %v", err)
		b.htmltest = notInstalled("htmltest")
	}
}

var semver = regexp.MustCompile(`v?\d+\.\d+\.\d+`)

// npmVersion reads the installed version of an npm package.
func npmVersion(benchDir, pkg string) string {
	data, err := os.ReadFile(filepath.Join(benchDir, "node_modules", pkg, "package.json"))
	if err != nil {
		return ""
	}
	var v struct{ Version string }
	_ = json.Unmarshal(data, &v)
	return v.Version
}

// docsiteFindings counts the diagnostics of `docsite check --format json`
// by rule, and places the broken links the way remark sorts them: a link
// to a file that is not there, whatever the reason, and a missing anchor.
func docsiteFindings(out []byte) (map[string]int, map[spot]string) {
	var r struct {
		Diagnostics []struct {
			File string
			Line int
			Rule string
		} `json:"diagnostics"`
	}
	if json.Unmarshal(out, &r) != nil {
		return nil, nil
	}
	rules, spots := map[string]int{}, map[spot]string{}
	for _, d := range r.Diagnostics {
		rules[d.Rule]++
		at := spot{d.File, d.Line}
		switch d.Rule {
		case "link/missing-file", "link/missing-image", "link/outside-content", "link/case-mismatch", "link/folder-without-page":
			spots[at] = "file"
		case "link/missing-anchor":
			if spots[at] == "" {
				spots[at] = "anchor"
			}
		}
	}
	return rules, spots
}

func countHTML(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			n++
		}
		return nil
	})
	return n
}

// loadAvg is the first three fields of /proc/loadavg, or "" off Linux.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return ""
	}
	return strings.Join(f[:3], " ")
}

func trimErr(err error) string {
	if err == nil {
		return ""
	}
	s := err.Error()
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return s
}

package main

import (
	"context"
	"fmt"
	"path/filepath"
	"time"
)

// second is the same check and build measures on a second corpus: real
// pages (../shared/corpus-dev) rather than generated ones, so that a
// figure the generator flatters shows.
type second struct {
	name                                   string
	files                                  string
	checkCold, checkWarm, cold, warm, hugo series
	hugoRan                                bool
}

func (b *bench) measureSecond(ctx context.Context, dir string) *second {
	o := b.opts
	r := &second{name: filepath.Base(dir)}
	if size, _, err := dirSize(dir); err == nil {
		md, _ := markdownFiles(dir)
		r.files = fmt.Sprintf("%d Markdown files, %s in all", len(md), fmtBytes(size))
	}
	work := func(name string) string { return b.path(r.name + "-" + name) }
	checkCache, site, cache, hugoOut := work("check-cache"), work("site"), work("cache"), work("hugo-out")

	check := b.docsiteJob(r.name+": docsite check (cold)", []int{0, 1},
		"check", "--content", dir, "--format", "json", "--cache-dir", checkCache)
	b.interleave(ctx, o.runs, task{j: check, s: &r.checkCold, before: b.aside(checkCache)})
	check.name = r.name + ": docsite check (warm)"
	b.interleave(ctx, o.runs, task{j: check, s: &r.checkWarm})

	build := b.docsiteJob(r.name+": docsite build (cold)", nil, "build", "--content", dir, "--out", site, "--cache-dir", cache)
	tasks := []task{{j: build, s: &r.cold, before: b.aside(cache), fresh: &freshOut{flag: "--out", keep: site}}}
	if b.hugo != nil && b.hugo.status == "" {
		hugo := b.hugoJob(b.hugo.path)
		hugo.name = r.name + ": hugo"
		hugo.args = []string{"--source", filepath.Join(o.benchDir, "hugo"), "--contentDir", dir,
			"--destination", hugoOut, "--cacheDir", work("hugo-cache"), "--noBuildLock", "--quiet"}
		tasks = append(tasks, task{j: hugo, s: &r.hugo, before: b.aside(work("hugo-cache")), fresh: &freshOut{flag: "--destination", keep: hugoOut}})
		r.hugoRan = true
	}
	b.interleave(ctx, o.runs, tasks...)
	b.settle(tasks)
	if r.cold.err == nil {
		build.name = r.name + ": docsite build (warm)"
		b.interleave(ctx, o.runs, task{j: build, s: &r.warm})
	} else {
		r.warm.err = r.cold.err
	}
	return r
}

// rows are the second corpus's lines of the table.
func (r *second) rows(b *bench) []row {
	var hugo *peer
	if r.hugoRan {
		hugo = &peer{name: "Hugo", s: r.hugo}
		if r.hugo.err != nil {
			hugo.status = "failed: " + trimErr(r.hugo.err)
		}
	}
	within := func(limit time.Duration) func(time.Duration, *time.Duration) bool {
		return func(d time.Duration, _ *time.Duration) bool { return d <= limit }
	}
	out := []row{{measure: r.name + ": corpus", ours: r.files}}
	out = append(out,
		b.durRow(r.name+": check, cold: time", r.checkCold, nil, "≤ 1 s", within(time.Second)),
		b.durRow(r.name+": check, warm: time", r.checkWarm, nil, "≤ 0.5 s", within(500*time.Millisecond)),
		b.durRow(r.name+": build, cold: time", r.cold, hugo, "≤ Hugo", func(d time.Duration, p *time.Duration) bool { return p != nil && d <= *p }),
		b.durRow(r.name+": build, warm: time", r.warm, nil, "≤ 1.5 s", within(1500*time.Millisecond)),
	)
	return out
}

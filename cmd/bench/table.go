package main

import (
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// A row of the result table. Cells are text; met is "yes", "NO" or "".
type row struct {
	measure, ours, peer, ratio, budget, met string
}

type table struct {
	rows  []row
	notes []string
}

var header = row{"measure", "docsite", "peer", "ratio", "budget", "met?"}

// WriteText prints the table with aligned columns, then the notes.
func (t *table) WriteText(w io.Writer) {
	all := append([]row{header}, t.rows...)
	width := make([]int, 6)
	for _, r := range all {
		for i, c := range r.cells() {
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	for n, r := range all {
		var b strings.Builder
		for i, c := range r.cells() {
			if i > 0 {
				b.WriteString("  ")
			}
			b.WriteString(c)
			if i < 5 {
				b.WriteString(strings.Repeat(" ", width[i]-utf8.RuneCountInString(c)))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
		if n == 0 {
			total := 2 * 5
			for _, x := range width {
				total += x
			}
			fmt.Fprintln(w, strings.Repeat("-", total))
		}
	}
	fmt.Fprintln(w)
	for _, n := range t.notes {
		fmt.Fprintln(w, n)
	}
}

// Markdown is the table as GitHub Markdown, ready for the README.
func (t *table) Markdown() string {
	var b strings.Builder
	line := func(cells []string) {
		for i := range cells {
			cells[i] = strings.ReplaceAll(cells[i], "|", `\|`)
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	line(header.cells())
	b.WriteString("|---|---:|---:|---:|---|---|\n")
	for _, r := range t.rows {
		line(r.cells())
	}
	b.WriteString("\n")
	for _, n := range t.notes {
		b.WriteString(n + "\n")
	}
	return b.String()
}

func (r row) cells() []string {
	return []string{r.measure, r.ours, r.peer, r.ratio, r.budget, r.met}
}

// table turns the measures into rows; a measure that failed says why in
// its cell and does not meet its budget.
func (b *bench) table() *table {
	t := &table{}
	add := func(r row) { t.rows = append(t.rows, r) }
	o := b.opts

	// Source checks.
	add(b.durRow("check, source, cold: time", b.check, b.remark, "≤ 1 s", func(d time.Duration, _ *time.Duration) bool { return d <= time.Second }))
	add(b.durRow("check, source, warm: time", b.checkWarm, nil, "≤ 0.5 s", func(d time.Duration, _ *time.Duration) bool { return d <= 500*time.Millisecond }))
	add(b.memRow("check, source: peak memory", b.check, b.remark, "≤ 300 MB", 300e6))
	if b.findings != nil {
		files, anchors := kinds(b.spots)
		r := row{measure: "check, source: lines with broken links (files / anchors)", ours: fmt.Sprintf("%d / %d", files, anchors)}
		if b.remark.ok() && b.remark.found != nil {
			files, anchors := kinds(b.remark.found)
			r.peer = fmt.Sprintf("%s %d / %d", b.remark.name, files, anchors)
			add(r)
			add(b.agreeRow())
		} else {
			r.peer = b.remark.note()
			add(r)
		}
	}

	// Builds.
	if o.cold {
		add(b.durRow("build, cold: time", b.cold, b.hugo, "≤ Hugo", func(d time.Duration, peer *time.Duration) bool {
			return peer != nil && d <= *peer
		}))
	}
	add(b.durRow("build, warm: time", b.warm, nil, "≤ 1.5 s", func(d time.Duration, _ *time.Duration) bool { return d <= 1500*time.Millisecond }))
	peak := series{samples: append(append([]sample(nil), b.cold.samples...), b.warm.samples...), err: b.cold.err}
	if peak.err == nil {
		peak.err = b.warm.err
	}
	add(b.peakRow("build: peak memory (largest run)", peak, b.hugo, "≤ 500 MB", 500e6))
	if b.pages > 0 {
		r := row{measure: "build: output", ours: fmt.Sprintf("%d pages, %s", b.pages, fmtBytes(b.outSize))}
		if b.hugo.ok() {
			r.peer = fmt.Sprintf("Hugo %d pages, %s", b.hugoPages, fmtBytes(b.hugoSize))
		}
		add(r)
	}

	if b.second != nil {
		for _, r := range b.second.rows(b) {
			add(r)
		}
	}
	if b.diagrams != nil {
		for _, r := range b.diagrams.rows(b) {
			add(r)
		}
	}

	// The built site.
	add(b.durRow("check --html: time (source checks included)", b.html, b.htmltest, "", nil))
	if b.html.ok() && b.check.ok() && b.warm.ok() {
		// check --html runs the source checks too; what the HTML adds is
		// the difference, which issue 11 wants well under a build.
		d := max(b.html.wall()-b.check.wall(), 0)
		add(row{measure: "check --html: HTML part (difference of medians)", ours: fmtDur(d),
			budget: "< warm build", met: yes(d < b.warm.wall())})
	}
	add(b.memRow("check --html: peak memory", b.html, b.htmltest, "", 0))
	if b.searchSize > 0 {
		r := row{measure: "search index: size", ours: fmtBytes(b.searchSize)}
		if b.pagefind.ok() && b.pagefindSize > 0 {
			r.peer = "Pagefind " + fmtBytes(b.pagefindSize)
			r.ratio = fmtRatio(float64(b.searchSize) / float64(b.pagefindSize))
		} else {
			r.peer = b.pagefind.note()
		}
		add(r)
		r = row{measure: "search index: time", ours: "(in build)"}
		if it, ok := b.indexTimes["bench/cold"]; ok {
			r.ours = fmtDur(it.wall)
			r.budget, r.met = "≤ 1 s", yes(it.wall <= time.Second)
		}
		if b.pagefind.ok() {
			r.peer = "Pagefind " + fmtDur(b.pagefind.s.wall())
		} else {
			r.peer = b.pagefind.note()
		}
		add(r)
	}
	for _, k := range []struct{ key, what string }{
		{"bench/cold", "search index, cold: CPU, allocations"},
		{"bench/warm", "search index, warm (text unchanged, from the cache): time, CPU"},
		{"corpus-dev/cold", "corpus-dev: search index, cold: time, CPU"},
		{"corpus-dev/warm", "corpus-dev: search index, warm: time, CPU"},
	} {
		it, ok := b.indexTimes[k.key]
		if !ok {
			continue
		}
		r := row{measure: k.what, ours: fmtDur(it.wall) + ", CPU " + fmtDur(it.cpu)}
		if k.key == "bench/cold" {
			r.ours = "CPU " + fmtDur(it.cpu) + ", " + strconv.FormatInt(it.allocs, 10) + " allocations"
		}
		add(r)
	}

	for _, r := range b.mathRows() {
		add(r)
	}

	// Serve.
	if s := b.serve; s != nil {
		if s.urlLine == 0 {
			add(row{measure: "serve", ours: "failed: " + trimErr(s.err), met: "NO"})
		} else {
			add(row{measure: "serve: start, URL printed", ours: fmtDur(s.urlLine)})
			add(b.limitRow("serve: start, first page answered", s.firstPage, "≤ 1 s", time.Second))
			if s.watching > 0 {
				add(row{measure: "serve: start, first save reloaded", ours: fmtDur(s.watching)})
			}
		}
		if len(s.latencies) > 0 {
			p95 := percentile(s.latencies, 95)
			met := "yes"
			if p95 > serveP95 || s.missed > 0 {
				met = "NO"
			}
			add(row{measure: "serve: save → reload, p50", ours: fmtDur(percentile(s.latencies, 50))})
			add(row{measure: "serve: save → reload, p95", ours: fmtDur(p95), budget: "≤ 50 ms", met: met})
			if s.missed > 0 {
				add(row{measure: "serve: saves with no reload", ours: fmt.Sprint(s.missed), met: "NO"})
			}
		} else if s.urlLine > 0 {
			add(row{measure: "serve: save → reload", ours: "failed: " + trimErr(s.err), budget: "≤ 50 ms", met: "NO"})
		}
		if s.rss > 0 {
			add(row{measure: "serve: peak memory", ours: fmtBytes(s.rss)})
		}
		if s.err != nil && len(s.latencies) > 0 {
			add(row{measure: "serve: stayed up", ours: "NO: " + trimErr(s.err), met: "NO"})
		}
	}
	t.notes = b.notes()
	return t
}

// kinds counts the places of broken links by kind.
func kinds(m map[spot]string) (files, anchors int) {
	for _, k := range m {
		if k == "file" {
			files++
		} else {
			anchors++
		}
	}
	return files, anchors
}

// agreeRow says how many of the places remark reports docsite reports too
// (issue 3: every one of them), and how many it reports that remark does
// not.
func (b *bench) agreeRow() row {
	both, only := 0, 0
	for at := range b.remark.found {
		if b.spots[at] != "" {
			both++
		}
	}
	for at := range b.spots {
		if b.remark.found[at] == "" {
			only++
		}
	}
	n := len(b.remark.found)
	return row{measure: "check, source: remark's findings docsite has too",
		ours:   fmt.Sprintf("%d of %d (+%d more)", both, n, only),
		budget: "all", met: yes(both == n)}
}

// durRow compares median wall times.
func (b *bench) durRow(measure string, s series, p *peer, budget string, met func(d time.Duration, peer *time.Duration) bool) row {
	r := row{measure: measure, budget: budget}
	var pd *time.Duration
	if p.ok() {
		d := p.s.wall()
		pd = &d
		r.peer = p.name + " " + fmtDur(d)
	} else if p != nil {
		r.peer = p.note()
	}
	if !s.ok() {
		r.ours, r.met = "failed: "+trimErr(s.err), "NO"
		return r
	}
	r.ours = fmtDur(s.wall())
	if pd != nil {
		r.ratio = fmtRatio(float64(s.wall()) / float64(*pd))
	}
	if budget != "" {
		r.met = yes(met(s.wall(), pd))
		if pd == nil && strings.Contains(budget, "Hugo") {
			r.met = "" // nothing to compare with
		}
	}
	return r
}

// memRow compares median peak memory; limit 0 means no budget.
func (b *bench) memRow(measure string, s series, p *peer, budget string, limit int64) row {
	return b.rssRow(measure, s, p, budget, limit, series.rss)
}

// peakRow compares the largest peak of all runs.
func (b *bench) peakRow(measure string, s series, p *peer, budget string, limit int64) row {
	return b.rssRow(measure, s, p, budget, limit, series.peakRSS)
}

func (b *bench) rssRow(measure string, s series, p *peer, budget string, limit int64, pick func(series) int64) row {
	r := row{measure: measure, budget: budget}
	if p.ok() {
		r.peer = p.name + " " + fmtBytes(pick(p.s))
	} else if p != nil {
		r.peer = p.note()
	}
	if !s.ok() {
		r.ours, r.met = "failed: "+trimErr(s.err), "NO"
		return r
	}
	v := pick(s)
	r.ours = fmtBytes(v)
	if p.ok() && pick(p.s) > 0 {
		r.ratio = fmtRatio(float64(v) / float64(pick(p.s)))
	}
	if limit > 0 {
		r.met = yes(v <= limit)
	}
	return r
}

// notes say under which conditions the figures were taken.
func (b *bench) notes() []string {
	o := b.opts
	var n []string
	add := func(format string, args ...any) { n = append(n, fmt.Sprintf(format, args...)) }
	add("Measured %s by `make bench` (%s): %d runs per measure, medians quoted; ratio = docsite ÷ peer (below 1: docsite is faster or smaller).",
		b.started.Format("2006-01-02 15:04 MST"), strings.TrimSpace(b.version+" "), o.runs)
	add("Machine: %d CPUs, %s/%s; load average %s at the start, %s at the end (figures on a loaded machine are slower than the machine).",
		runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, orDash(b.loadAvg[0]), orDash(b.loadAvg[1]))
	add("Corpus: `go run ./cmd/gencorpus -seed %d -files %d` — %s.", o.seed, o.files, b.corpus)
	wait := "a bench started within " + o.forget.String() + " of the last one's emptying waits out the rest"
	if o.forget <= 0 {
		wait = "this bench did not wait after an earlier one's emptying (-forget 0)"
	}
	add("Cold build (docsite and Hugo alike): an empty cache folder and an output folder never used before, as on a CI runner; nothing is deleted while runs are timed (what a run replaces is renamed into a trash folder, emptied at the end), %s, and each run's folders are spread over the file system (`chattr +T` on the work folder): on ext4 without a journal, files created near thousands deleted in the last minutes cost several times more, which a fresh CI runner never pays. Warm: the cache the cold runs left, into the last cold run's output. Memory is peak resident set (rusage).", wait)
	var peers []string
	for _, p := range []*peer{b.hugo, b.remark, b.htmltest, b.pagefind} {
		if p == nil {
			continue
		}
		s := p.name
		if p.version != "" {
			s += " " + p.version
		}
		if p.status != "" {
			s += " (" + p.status + ")"
		}
		peers = append(peers, s)
	}
	if len(peers) > 0 {
		add("Peers: %s. Hugo builds the same files with the minimal templates of bench/hugo (no math, no search index); remark runs once with remark-gfm and remark-validate-links; Pagefind indexes docsite's built output.", strings.Join(peers, "; "))
	}
	if s := b.serve; s != nil && len(s.latencies) > 0 {
		add("Serve: %d saves of different pages (half append a line, half rename a heading) %s apart, each timed from the write to the `event: reload` on /_docsite/events; %d without an event within %s, %d extra events.",
			len(s.latencies)+s.missed, fmtDur(o.editGap), s.missed, reloadWait, s.extra)
	}
	return n
}

func yes(ok bool) string {
	if ok {
		return "yes"
	}
	return "NO"
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

func fmtDur(d time.Duration) string {
	switch {
	case d >= 10*time.Second:
		return fmt.Sprintf("%.1f s", d.Seconds())
	case d >= time.Second:
		return fmt.Sprintf("%.2f s", d.Seconds())
	default:
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
}

func fmtBytes(n int64) string {
	switch {
	case n >= 1e9:
		return fmt.Sprintf("%.2f GB", float64(n)/1e9)
	case n >= 1e6:
		return fmt.Sprintf("%.0f MB", float64(n)/1e6)
	default:
		return fmt.Sprintf("%.0f KB", float64(n)/1e3)
	}
}

func fmtRatio(r float64) string {
	switch {
	case r >= 10:
		return fmt.Sprintf("%.0f×", r)
	case r >= 1:
		return fmt.Sprintf("%.1f×", r)
	case r >= 0.1:
		return fmt.Sprintf("%.2f×", r)
	default:
		return fmt.Sprintf("%.3f×", r)
	}
}

// serveP95 is SPEC §12's budget for save → reload at the 95th percentile.
const serveP95 = 50 * time.Millisecond

// limitRow is a single measured time against a fixed budget.
func (b *bench) limitRow(measure string, d time.Duration, budget string, limit time.Duration) row {
	return row{measure: measure, ours: fmtDur(d), budget: budget, met: yes(d <= limit)}
}

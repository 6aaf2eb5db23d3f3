package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// indexTime is one line of render/build's BenchmarkSearchIndex.
type indexTime struct {
	wall, cpu time.Duration
	allocs    int64
	pages     int
}

// searchIndexTimes runs BenchmarkSearchIndex on the bench corpus and on
// ../shared/corpus-dev: the search index made from the pages' text (cold)
// and taken from the cache when the text did not change (warm). The build
// times the index inside the whole build, so it gets its own line here.
func (b *bench) searchIndexTimes(ctx context.Context) {
	cmd := exec.CommandContext(ctx, "go", "test", "-count=1", "-run", "^$", "-bench", "^BenchmarkSearchIndex$",
		"-benchtime", fmt.Sprintf("%dx", max(b.opts.runs, 1)), "-benchmem", "./render/build/")
	cmd.Env = append(os.Environ(), "DOCSITE_BENCH_CORPUS="+abs(b.opts.corpus))
	out, err := cmd.CombinedOutput()
	b.keep("search-index.txt", out)
	if err != nil {
		b.logf("search index benchmark: %v (log in %s)", err, b.path("search-index.txt"))
	}
	b.indexTimes = parseIndexTimes(out)
}

var indexLineRE = regexp.MustCompile(`^BenchmarkSearchIndex/([\w-]+/(?:cold|warm))(?:-\d+)?\s+\d+\s+(.*)$`)

// parseIndexTimes reads benchmark lines into figures by "corpus/cold".
func parseIndexTimes(out []byte) map[string]indexTime {
	times := map[string]indexTime{}
	for line := range strings.Lines(string(out)) {
		m := indexLineRE.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			continue
		}
		var it indexTime
		f := strings.Fields(m[2])
		for i := 0; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			switch f[i+1] {
			case "ns/op":
				it.wall = time.Duration(v)
			case "cpu-ms/op":
				it.cpu = time.Duration(v * float64(time.Millisecond))
			case "allocs/op":
				it.allocs = int64(v)
			case "pages":
				it.pages = int(v)
			}
		}
		times[m[1]] = it
	}
	return times
}

// searchQuality runs render/search's evaluation in headless Chromium —
// precision in the top five, success at one, and the bytes of a first and a
// second query — on ../shared/corpus-dev and on the bench corpus, for
// docsite and, when it is installed, for Pagefind over the same built
// sites, and prints its table after bench's. It needs the Go toolchain and
// Chromium; without them it says so and the rest of the bench stands.
func (b *bench) searchQuality(ctx context.Context, stdout io.Writer) {
	cmd := exec.CommandContext(ctx, "go", "test", "-count=1", "-run", "^TestSearchEval", "-v", "./render/search/")
	cmd.Env = append(os.Environ(), "DOCSITE_BENCH_CORPUS="+abs(b.opts.corpus))
	if pf := b.pagefindBin(); pf != "" {
		cmd.Env = append(cmd.Env, "PAGEFIND="+abs(pf))
	}
	out, err := cmd.CombinedOutput()
	b.keep("search-eval.txt", out)
	var table []string
	for line := range strings.Lines(string(out)) {
		if strings.HasPrefix(line, "docsite ") || strings.HasPrefix(line, "Pagefind") || strings.Contains(line, " queries over ") {
			table = append(table, line)
		}
	}
	fmt.Fprintf(stdout, "\nSearch quality and bytes (render/search TestSearchEval):\n%s", strings.Join(table, ""))
	if err != nil {
		fmt.Fprintf(stdout, "search evaluation: %v (log in %s)\n", err, b.path("search-eval.txt"))
	}
}

func abs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}

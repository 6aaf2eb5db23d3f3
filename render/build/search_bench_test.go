package build

import (
	"os"
	"syscall"
	"testing"
	"time"

	"docsite/internal/config"
	"docsite/internal/sitetest"
	"docsite/render/search"
)

// BenchmarkSearchIndex builds the search index of the 1,200-page bench
// corpus (make corpus; DOCSITE_BENCH_CORPUS names another) and of
// ../shared/corpus-dev: cold (the index made from the pages' text) and warm
// (the same text, so the pipeline's cache answers). Besides wall time it
// reports the process's CPU time per build, which a loaded machine inflates
// less than wall time.
func BenchmarkSearchIndex(b *testing.B) {
	corpora := []struct{ name, dir string }{{"bench", os.Getenv("DOCSITE_BENCH_CORPUS")}, {"corpus-dev", ""}}
	if corpora[0].dir == "" {
		corpora[0].dir = "../../.cache/bench-corpus"
	}
	for _, c := range corpora {
		b.Run(c.name, func(b *testing.B) {
			dir := c.dir
			if dir == "" {
				dir = sitetest.Shared(b, "corpus-dev")
			} else if _, err := os.Stat(dir); err != nil {
				b.Skipf("no %s (make corpus)", dir)
			}
			opts := Options{Content: dir, Config: config.Default()}
			pl, err := NewPipeline(opts)
			if err != nil {
				b.Fatal(err)
			}
			defer pl.Close()
			s, err := pl.Model(opts)
			if err != nil {
				b.Fatal(err)
			}
			b.Run("cold", func(b *testing.B) {
				var st search.Stats
				cpu := cpuMeter(b)
				for b.Loop() {
					_, st, err = search.Build(SearchDocs(s))
					if err != nil {
						b.Fatal(err)
					}
				}
				cpu.report()
				b.ReportMetric(float64(st.Docs), "pages")
			})
			b.Run("warm", func(b *testing.B) {
				if _, _, err := pl.searchFiles(s); err != nil {
					b.Fatal(err)
				}
				built := pl.indexBuilds
				cpu := cpuMeter(b)
				for b.Loop() {
					if _, _, err := pl.searchFiles(s); err != nil {
						b.Fatal(err)
					}
				}
				cpu.report()
				if pl.indexBuilds != built {
					b.Errorf("warm builds made the index %d times", pl.indexBuilds-built)
				}
			})
		})
	}
}

type cpuUse struct {
	b     *testing.B
	start time.Duration
}

func cpuMeter(b *testing.B) *cpuUse { return &cpuUse{b, cpuTime()} }

// report adds CPU time per operation, user and system, all threads.
func (c *cpuUse) report() {
	c.b.ReportMetric(float64(cpuTime()-c.start)/float64(c.b.N)/1e6, "cpu-ms/op")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

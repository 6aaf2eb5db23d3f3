package adversarial

import (
	"docsite/internal/sitetest"

	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"docsite/check"
	"docsite/internal/config"
	"docsite/render/build"
)

// shape makes a content folder whose size grows with n.
type shape struct {
	name  string
	sizes []int
	files func(n int) map[string]string
	// bug names a known, reported blow-up: the shape then skips instead
	// of failing until it is fixed (DOCSITE_KNOWN_BUGS=fail fails it).
	bug string
}

// TestGrowth checks that docsite's cost is linear in its input. Loading,
// parsing and rendering every page, applying the theme and running the
// source checks is O(n) in the bytes of content for each shape below —
// nesting depth, line length, links on one line, pages in one folder or in
// many, headings, emphasis and bracket runs, hand-written TOC entries — so
// doubling the input must not much more than double the work. Each shape is
// measured at four sizes doubling each time (best of two runs at the two
// largest, and of three more when the ratio looks too high), and the ratio
// of the two largest must stay under 3; a quadratic step shows as 4. The measure is the CPU time of the process, not wall
// time, and a ratio, not an absolute figure, so a slow or busy machine does
// not fail it. The bytes written must grow linearly too, which is exact.
func TestGrowth(t *testing.T) {
	if testing.Short() {
		t.Skip("times growing inputs; skipped with -short")
	}
	if slowdown > 1 {
		// Under the race detector time ratios measure the detector; make
		// test runs this test once more without it.
		t.Skip("times growing inputs; skipped under -race")
	}
	cfg := config.Default()
	pl, err := build.NewPipeline(build.Options{Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	var known knownBugs
	for _, sh := range shapes() {
		t.Run(sh.name, func(t *testing.T) {
			var times []time.Duration
			var outs []int
			for i, n := range sh.sizes {
				reps := 1
				if i >= len(sh.sizes)-2 {
					reps = 2
				}
				d, out := cost(t, pl, cfg, sh.files(n), reps)
				times, outs = append(times, d), append(outs, out)
			}
			last := len(times) - 1
			ratio := float64(times[last]) / float64(times[last-1])
			if ratio >= 3 {
				// Confirm before failing: another process, or a collection
				// the runtime started late, can land in one measurement;
				// a blow-up shows again.
				for i := last - 1; i <= last; i++ {
					d, _ := cost(t, pl, cfg, sh.files(sh.sizes[i]), 3)
					times[i] = min(times[i], d)
				}
				ratio = float64(times[last]) / float64(times[last-1])
			}
			outRatio := float64(outs[last]) / float64(outs[last-1])
			t.Logf("sizes %v: times %v, last ratio %.2f; output bytes %v, last ratio %.2f", sh.sizes, round(times), ratio, outs, outRatio)
			// The output size is exact: no noise, no margin needed beyond 3.
			if outRatio >= 3 {
				ratio = max(ratio, outRatio)
			}
			switch {
			case times[last] < 100*time.Millisecond && outRatio < 3:
				t.Logf("too fast to tell (%v)", times[last])
			case ratio >= 3 && sh.bug != "":
				known.add(fmt.Sprintf("%s: time ×%.1f for input ×2 (%v → %v): %s", sh.name, ratio, times[last-1].Round(time.Millisecond), times[last].Round(time.Millisecond), sh.bug))
			case ratio >= 3:
				t.Errorf("time ×%.1f for input ×2: not linear", ratio)
			case sh.bug != "":
				t.Logf("linear now: the known bug %q looks fixed; drop its mark", sh.bug)
			}
		})
	}
	known.report(t)
}

func round(ds []time.Duration) []time.Duration {
	out := make([]time.Duration, len(ds))
	for i, d := range ds {
		out[i] = d.Round(time.Millisecond)
	}
	return out
}

// cost writes files into a fresh folder and returns the best time of reps
// runs of load, parse, render, theme and check, and the bytes of output.
func cost(t *testing.T, pl *build.Pipeline, cfg *config.Config, files map[string]string, reps int) (time.Duration, int) {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	best, size := time.Duration(1<<62), 0
	for range reps {
		runtime.GC() // the garbage of earlier runs is not this one's cost
		start := sitetest.CPUTime()
		s, err := pl.Load(build.Options{Content: dir, Config: cfg})
		if err != nil {
			t.Fatal(err)
		}
		out, err := pl.Render(s)
		if err != nil {
			t.Fatal(err)
		}
		check.Run(s, cfg)
		best = min(best, sitetest.CPUTime()-start)
		size = 0
		for _, b := range out.Data {
			size += len(b)
		}
	}
	return best, size
}

func page(body string) map[string]string {
	return map[string]string{"README.md": "# 首页\n\n[页](page.md)\n", "page.md": "# 页\n\n" + body + "\n"}
}

func shapes() []shape {
	return []shape{
		{name: "quote-depth", sizes: []int{4000, 8000, 16000, 32000}, files: func(n int) map[string]string {
			return page(strings.Repeat("> ", n) + "深")
		}, bug: "upstream goldmark: text.reader.LineOffset recounts from the line start at every nesting level, depth² on one line"},
		{name: "list-depth", sizes: []int{4000, 8000, 16000, 32000}, files: func(n int) map[string]string {
			return page(strings.Repeat("- ", n) + "深")
		}, bug: "upstream goldmark: the thematic-break test scans the rest of the line at every list level, depth² on one line"},
		{name: "mixed-depth", sizes: []int{2000, 4000, 8000, 16000}, files: func(n int) map[string]string {
			return page(strings.Repeat("> 1. ", n) + "深")
		}, bug: "upstream goldmark: text.reader.LineOffset recounts from the line start at every nesting level, depth² on one line"},
		{name: "line-length", sizes: []int{128 << 10, 256 << 10, 512 << 10, 1 << 20}, files: func(n int) map[string]string {
			return page(longLine(n, false))
		}},
		{name: "links-on-one-line", sizes: []int{32 << 10, 64 << 10, 128 << 10, 256 << 10}, files: func(n int) map[string]string {
			var b strings.Builder
			for i := 0; b.Len() < n; i++ {
				fmt.Fprintf(&b, "中[链%d](#页) ", i)
			}
			return page(b.String())
		}},
		{name: "pages-in-one-folder", sizes: []int{125, 250, 500, 1000}, files: func(n int) map[string]string {
			m := map[string]string{"README.md": "# 首页\n"}
			for i := range n {
				m[fmt.Sprintf("d/p%04d.md", i)] = fmt.Sprintf("# 页 %d\n\n正文 [下一页](p%04d.md)\n", i, i+1)
			}
			return m
		}},
		{name: "pages-in-folders", sizes: []int{100, 200, 400, 800}, files: func(n int) map[string]string {
			m := map[string]string{"README.md": "# 首页\n"}
			for i := range n {
				m[fmt.Sprintf("%02d-d/%02d-e/p%d.md", i/64, i/8%8, i)] = fmt.Sprintf("# %d. 页\n\n## %d.1 节\n\n正文 [首页](/README.md)\n", i%8+1, i%8+1)
			}
			return m
		}},
		{name: "same-heading", sizes: []int{1000, 2000, 4000, 8000}, files: func(n int) map[string]string {
			return page(strings.Repeat("## 标题\n\n文字\n\n", n))
		}},
		{name: "toc-entries", sizes: []int{250, 500, 1000, 2000}, files: func(n int) map[string]string {
			var toc, body strings.Builder
			toc.WriteString("## 目录\n\n")
			for i := 1; i <= n; i++ {
				fmt.Fprintf(&toc, "- [1.%d 节](#1%d-旧节)\n", i, i)
				fmt.Fprintf(&body, "## 1.%d 节\n\n文字\n\n", i)
			}
			return map[string]string{"README.md": "# 1. 首页\n\n" + toc.String() + "\n" + body.String()}
		}},
		{name: "emphasis-runs", sizes: []int{4000, 8000, 16000, 32000}, files: func(n int) map[string]string {
			return page(strings.Repeat("*a **a ", n))
		}},
		{name: "open-brackets", sizes: []int{4000, 8000, 16000, 32000}, files: func(n int) map[string]string {
			return page(strings.Repeat("[", n) + "a" + strings.Repeat("]", n))
		}},
		{name: "link-openers", sizes: []int{2000, 4000, 8000, 16000}, files: func(n int) map[string]string {
			return page(strings.Repeat("[a](", n))
		}, bug: "upstream goldmark: parseLinkDestination scans to the end of the paragraph for each unclosed \"[a](\", n² in one paragraph"},
		{name: "backticks", sizes: []int{16000, 32000, 64000, 128000}, files: func(n int) map[string]string {
			var b strings.Builder
			for i := 1; i <= n; i++ {
				b.WriteString(strings.Repeat("`", i%50+1) + "x")
			}
			return page(b.String())
		}},
		{name: "wide-table", sizes: []int{500, 1000, 2000, 4000}, files: func(n int) map[string]string {
			row := "|" + strings.Repeat(" c |", n) + "\n"
			return page("| a | b |\n| - | - |\n" + strings.Repeat(row, 20))
		}},
	}
}

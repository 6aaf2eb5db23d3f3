package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestMedianIsAMeasuredValue(t *testing.T) {
	ms := func(n ...int) []sample {
		var s []sample
		for _, x := range n {
			s = append(s, sample{wall: time.Duration(x) * time.Millisecond, rss: int64(x)})
		}
		return s
	}
	for _, tc := range []struct {
		in   []sample
		want time.Duration
	}{
		{nil, 0},
		{ms(5), 5 * time.Millisecond},
		{ms(9, 1, 5), 5 * time.Millisecond},
		{ms(9, 1, 5, 7), 5 * time.Millisecond}, // lower middle, not 6
	} {
		s := series{samples: tc.in}
		if got := s.wall(); got != tc.want {
			t.Errorf("median wall of %v = %v, want %v", tc.in, got, tc.want)
		}
		if got := s.rss(); got != int64(tc.want/time.Millisecond) {
			t.Errorf("median rss of %v = %v", tc.in, got)
		}
	}
	if got := (series{samples: ms(3, 10, 4)}).peakRSS(); got != 10 {
		t.Errorf("peak %d, want 10", got)
	}
}

func TestPercentileNearestRank(t *testing.T) {
	var ds []time.Duration
	for i := 1; i <= 20; i++ {
		ds = append(ds, time.Duration(21-i)*time.Millisecond) // unsorted on purpose
	}
	for _, tc := range []struct {
		p    float64
		want time.Duration
	}{{50, 10 * time.Millisecond}, {95, 19 * time.Millisecond}, {100, 20 * time.Millisecond}, {1, time.Millisecond}} {
		if got := percentile(ds, tc.p); got != tc.want {
			t.Errorf("p%v = %v, want %v", tc.p, got, tc.want)
		}
	}
	if percentile(nil, 95) != 0 {
		t.Error("empty input")
	}
}

func TestReadEvents(t *testing.T) {
	stream := "retry: 500\n\n: keep-alive\n\nevent: reload\ndata: {\"seq\":1}\n\n" +
		"data: plain\n\nevent: reload\ndata: {\"seq\":2}\n\nevent: reload\n" // last one unterminated
	var got []string
	ready := make(chan struct{})
	readEvents(strings.NewReader(stream), ready, func(name string) { got = append(got, name) })
	if strings.Join(got, ",") != "reload,message,reload" {
		t.Errorf("events %v", got)
	}
	select {
	case <-ready:
	default:
		t.Error("ready not closed")
	}
}

func FuzzReadEvents(f *testing.F) {
	f.Add("retry: 500\n\nevent: reload\ndata: {}\n\n")
	f.Add(": c\n\n\n\ndata:\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		ready := make(chan struct{})
		n := 0
		readEvents(strings.NewReader(s), ready, func(string) { n++ })
		<-ready // always closed, whatever the stream
		if n > strings.Count(s, "\n") {
			t.Errorf("%d events from %d lines", n, strings.Count(s, "\n"))
		}
	})
}

func TestEditChangesThePage(t *testing.T) {
	src := []byte("# 1. 标题\n\n## 1.1 概述\n\n正文\n")
	for i := range 4 {
		out := string(edit(src, i))
		if out == string(src) {
			t.Fatalf("edit %d changed nothing", i)
		}
		if i%2 == 1 && !strings.Contains(out, "## 1.1 概述（修订") {
			t.Errorf("edit %d did not rename the heading:\n%s", i, out)
		}
		if i%2 == 0 && !strings.HasPrefix(out, string(src)) {
			t.Errorf("edit %d did not append:\n%s", i, out)
		}
	}
	// A page without a second-level heading still changes.
	if string(edit([]byte("# t\n"), 1)) == "# t\n" {
		t.Error("no change without a heading")
	}
}

func TestCorpusMarker(t *testing.T) {
	dir := t.TempDir()
	if corpusCurrent(dir, 1, 1200) {
		t.Fatal("empty folder taken for a corpus")
	}
	os.WriteFile(filepath.Join(dir, ".gencorpus"), []byte("gencorpus seed=1 files=1200\n"), 0o644)
	if !corpusCurrent(dir, 1, 1200) {
		t.Error("marker not recognised")
	}
	if corpusCurrent(dir, 2, 1200) || corpusCurrent(dir, 1, 120) {
		t.Error("another seed or size taken for this one")
	}
}

func TestCopyTreeAndSizes(t *testing.T) {
	src, dst := t.TempDir(), filepath.Join(t.TempDir(), "copy")
	os.MkdirAll(filepath.Join(src, "a", ".hidden"), 0o755)
	os.WriteFile(filepath.Join(src, "a", "x.md"), []byte("12345"), 0o644)
	os.WriteFile(filepath.Join(src, "a", ".hidden", "y.md"), []byte("1"), 0o644)
	os.WriteFile(filepath.Join(src, "z.png"), []byte("123"), 0o644)
	if err := copyTree(src, dst); err != nil {
		t.Fatal(err)
	}
	size, n, err := dirSize(dst)
	if err != nil || size != 9 || n != 3 {
		t.Errorf("copy: %d bytes in %d files, %v", size, n, err)
	}
	md, _ := markdownFiles(dst)
	if strings.Join(md, ",") != filepath.Join("a", "x.md") {
		t.Errorf("markdown files %v", md)
	}
}

func TestRunJobMeasuresAndAcceptsExitCodes(t *testing.T) {
	sh := lookBin("sh")
	if sh == "" {
		t.Skip("no sh")
	}
	ctx := context.Background()
	j := job{name: "sh", path: sh, args: []string{"-c", "echo out; echo oops >&2; exit 1"}, timeout: 10 * time.Second}
	if _, err := runJob(ctx, j); err == nil || !strings.Contains(err.Error(), "exit 1: oops") {
		t.Errorf("exit 1 not an error naming stderr: %v", err)
	}
	j.exits = []int{1}
	s, err := runJob(ctx, j)
	if err != nil || string(s.stdout) != "out\n" || s.code != 1 || s.wall <= 0 {
		t.Errorf("accepted exit: %+v %v", s, err)
	}
	if s.rss <= 0 {
		t.Errorf("no peak memory measured: %d", s.rss)
	}
	j.args, j.timeout = []string{"-c", "exec sleep 5"}, 50*time.Millisecond
	if _, err := runJob(ctx, j); err == nil || !strings.Contains(err.Error(), "timed out") {
		t.Errorf("timeout: %v", err)
	}
}

func TestFindingsCounts(t *testing.T) {
	js := `{"version":1,"diagnostics":[
		{"file":"a.md","line":1,"rule":"link/missing-file"},
		{"file":"a.md","line":2,"rule":"link/missing-anchor"},
		{"file":"b.md","line":1,"rule":"link/outside-content"},
		{"file":"b.md","line":3,"rule":"heading/duplicate-id"}]}`
	rules, spots := docsiteFindings([]byte(js))
	if rules["link/missing-file"] != 1 || rules["heading/duplicate-id"] != 1 {
		t.Errorf("docsite rules %v", rules)
	}
	want := map[spot]string{{"a.md", 1}: "file", {"a.md", 2}: "anchor", {"b.md", 1}: "file"}
	if fmt.Sprint(spots) != fmt.Sprint(want) {
		t.Errorf("docsite spots %v, want %v", spots, want)
	}
	remark := "a.md\n" +
		"1:1-1:9   warning Cannot find file `x.md`      missing-file     remark-validate-links:missing-file\n" +
		"  1:1-1:9   warning Cannot find heading for `#y` in `x.md` missing-heading remark-validate-links:missing-heading\n" +
		"  2:3-2:9   warning Cannot find heading for `#z` missing-heading  remark-validate-links:missing-heading\n" +
		"\nsub/c.md\n  7:1  warning Cannot find file `q.md` missing-file remark-validate-links:missing-file\n\n⚠ 4 warnings\n"
	got := remarkFindings([]byte(remark))
	want = map[spot]string{{"a.md", 1}: "file", {"a.md", 2}: "anchor", {"sub/c.md", 7}: "file"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("remark spots %v, want %v", got, want)
	}
}

func TestTableFormats(t *testing.T) {
	tb := &table{rows: []row{
		{"check, source: time", "412 ms", "remark 95.0 s", "0.004×", "≤ 1 s", "yes"},
		{"a|b", "1", "", "", "", ""},
	}, notes: []string{"note"}}
	md := tb.Markdown()
	for _, want := range []string{"| measure | docsite | peer | ratio | budget | met? |\n", "| check, source: time | 412 ms | remark 95.0 s | 0.004× | ≤ 1 s | yes |\n", `| a\|b |`, "\nnote\n"} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	var b strings.Builder
	tb.WriteText(&b)
	lines := strings.Split(b.String(), "\n")
	// Columns line up: "docsite" starts where "412 ms" does.
	if strings.Index(lines[0], "docsite") != strings.Index(lines[2], "412 ms") {
		t.Errorf("columns not aligned:\n%s", b.String())
	}
}

func TestFormats(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{fmtDur(42 * time.Millisecond), "42 ms"},
		{fmtDur(1234 * time.Millisecond), "1.23 s"},
		{fmtDur(95 * time.Second), "95.0 s"},
		{fmtBytes(185_676_000), "186 MB"},
		{fmtBytes(1_700_000_000), "1.70 GB"},
		{fmtRatio(0.0042), "0.004×"},
		{fmtRatio(0.45), "0.45×"},
		{fmtRatio(2.17), "2.2×"},
		{fmtRatio(130), "130×"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestBudgetRows(t *testing.T) {
	b := &bench{opts: &options{}}
	fast := series{samples: []sample{{wall: 800 * time.Millisecond, rss: 100e6}}}
	slow := series{samples: []sample{{wall: 2 * time.Second, rss: 400e6}}}
	hugo := &peer{name: "Hugo", s: series{samples: []sample{{wall: time.Second, rss: 1e9}}}}
	le := func(limit time.Duration) func(time.Duration, *time.Duration) bool {
		return func(d time.Duration, _ *time.Duration) bool { return d <= limit }
	}
	if r := b.durRow("m", fast, nil, "≤ 1 s", le(time.Second)); r.met != "yes" || r.ours != "800 ms" {
		t.Errorf("fast: %+v", r)
	}
	if r := b.durRow("m", slow, nil, "≤ 1 s", le(time.Second)); r.met != "NO" {
		t.Errorf("slow: %+v", r)
	}
	vsPeer := func(d time.Duration, p *time.Duration) bool { return p != nil && d <= *p }
	if r := b.durRow("m", slow, hugo, "≤ Hugo", vsPeer); r.met != "NO" || r.ratio != "2.0×" || r.peer != "Hugo 1.00 s" {
		t.Errorf("vs Hugo: %+v", r)
	}
	if r := b.durRow("m", fast, notInstalled("Hugo"), "≤ Hugo", vsPeer); r.met != "" || r.peer != "not installed" {
		t.Errorf("no Hugo: %+v", r)
	}
	failed := series{err: os.ErrNotExist}
	if r := b.durRow("m", failed, nil, "≤ 1 s", le(time.Second)); r.met != "NO" || !strings.HasPrefix(r.ours, "failed") {
		t.Errorf("failed: %+v", r)
	}
	if r := b.memRow("m", slow, hugo, "≤ 300 MB", 300e6); r.met != "NO" || r.ratio != "0.40×" {
		t.Errorf("memory: %+v", r)
	}
}

func TestParseIndexTimes(t *testing.T) {
	out := []byte(`goos: linux
BenchmarkSearchIndex/bench/cold-2    	       3	 812345678 ns/op	      1253 cpu-ms/op	      1200 pages	252282152 B/op	  642926 allocs/op
BenchmarkSearchIndex/corpus-dev/warm         	      42	  31939109 ns/op	        23.12 cpu-ms/op	 9108241 B/op	  104444 allocs/op
--- SKIP: BenchmarkSearchIndex/other
PASS
`)
	got := parseIndexTimes(out)
	want := map[string]indexTime{
		"bench/cold":      {wall: 812345678, cpu: 1253 * time.Millisecond, allocs: 642926, pages: 1200},
		"corpus-dev/warm": {wall: 31939109, cpu: time.Duration(23.12 * float64(time.Millisecond)), allocs: 104444},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: got %+v, want %+v", k, got[k], w)
		}
	}
}

// TestFreshOut: every run writes into a folder of its own; afterwards the
// last run's output is at keep, and the others, with what an earlier bench
// left at keep, are in the trash, which a bench empties at its end.
func TestFreshOut(t *testing.T) {
	dir := t.TempDir()
	keep := filepath.Join(dir, "site")
	if err := os.MkdirAll(filepath.Join(keep, "stale"), 0o755); err != nil {
		t.Fatal(err)
	}
	bin := trash{dir: filepath.Join(dir, "trash")}
	if err := os.MkdirAll(filepath.Join(bin.dir, "site-left", "site"), 0o755); err != nil {
		t.Fatal(err) // what an interrupted bench left
	}
	f := &freshOut{flag: "--out", keep: keep}
	var outs []string
	for i := range 3 {
		j := job{args: []string{"build", "--out", keep, "--cache-dir", "c"}}
		f.apply(&j, i)
		if j.args[1] != "--out" || j.args[3] != "--cache-dir" {
			t.Fatalf("run %d: args %v", i, j.args)
		}
		outs = append(outs, j.args[2])
		if err := os.MkdirAll(filepath.Join(j.args[2], fmt.Sprint("run", i)), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if outs[0] == outs[1] || outs[1] == outs[2] || outs[0] == keep {
		t.Fatalf("output folders %v are not fresh", outs)
	}
	if err := f.settle(bin); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(keep, "run2")); err != nil {
		t.Errorf("the last run's output is not at keep: %v", err)
	}
	put, _ := filepath.Glob(filepath.Join(bin.dir, "*", "*", "*"))
	for i := range put {
		put[i], _ = filepath.Rel(bin.dir, put[i])
		put[i] = filepath.Base(filepath.Dir(put[i])) + "/" + filepath.Base(put[i])
	}
	slices.Sort(put)
	if want := "[site-run1/run0 site-run2/run1 site/stale]"; fmt.Sprint(put) != want {
		t.Errorf("in the trash: %v, want %s", put, want)
	}
	if err := bin.empty(); err != nil {
		t.Fatal(err)
	}
	left, _ := os.ReadDir(dir)
	if len(left) != 2 || left[0].Name() != "site" || left[1].Name() != "trash.emptied" {
		t.Errorf("after emptying the trash, %v is left", left)
	}
	if err := bin.aside(filepath.Join(dir, "not-there")); err != nil {
		t.Errorf("putting aside what is not there: %v", err)
	}
}

// TestTrashPending: a bench waits out the minutes after an earlier one
// emptied its trash, and not at all when none did.
func TestTrashPending(t *testing.T) {
	bin := trash{dir: filepath.Join(t.TempDir(), "trash")}
	now := time.Now()
	if d := bin.pending(now, 6*time.Minute); d != 0 {
		t.Errorf("nothing ever deleted, yet a wait of %s", d)
	}
	if err := bin.empty(); err != nil {
		t.Fatal(err)
	}
	if d := bin.pending(time.Now(), 6*time.Minute); d != 0 {
		t.Errorf("an empty trash deleted nothing, yet a wait of %s", d)
	}
	if err := bin.aside(t.TempDir()); err != nil {
		t.Fatal(err)
	}
	if err := bin.empty(); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(bin.stamp())
	if err != nil {
		t.Fatalf("emptying left no stamp: %v", err)
	}
	for _, c := range []struct{ after, want time.Duration }{
		{0, 6 * time.Minute},
		{4 * time.Minute, 2 * time.Minute},
		{6 * time.Minute, 0},
		{time.Hour, 0},
	} {
		if d := bin.pending(st.ModTime().Add(c.after), 6*time.Minute); d != c.want {
			t.Errorf("%s after emptying: wait %s, want %s", c.after, d, c.want)
		}
	}
	if d := bin.pending(st.ModTime(), 0); d != 0 {
		t.Errorf("-forget 0 waits %s", d)
	}
}

func TestMathRows(t *testing.T) {
	out := `goos: linux
BenchmarkMathML-2   	   80905	     14358 ns/op	     14689 cpu-ns/op	    1013 B/op	       5 allocs/op
BenchmarkMathML-2   	   80905	     26235 ns/op	     27206 cpu-ns/op	    1013 B/op	       5 allocs/op
BenchmarkMathML-2   	   80905	     19900 ns/op	     20100 cpu-ns/op	    1013 B/op	       5 allocs/op
BenchmarkCheck-2    	   97522	     12258 ns/op	     12365 cpu-ns/op	     287 B/op	       4 allocs/op
PASS
`
	b := &bench{math: parseMathBench(out)}
	rows := b.mathRows()
	if len(rows) != 2 {
		t.Fatalf("got %d rows, want 2: %+v", len(rows), rows)
	}
	if want := "19.9 µs, CPU 20.1 µs (runs 14.4 µs–26.2 µs)"; rows[0].ours != want || rows[0].met != "yes" {
		t.Errorf("MathML row = %+v, want %q and met", rows[0], want)
	}
	if !strings.HasPrefix(rows[1].ours, "12.3 µs") {
		t.Errorf("Check row = %+v", rows[1])
	}
	b.math = parseMathBench(strings.Replace(out, "19900 ns/op", "21000 ns/op", 1))
	if r := b.mathRows()[0]; r.met != "NO" {
		t.Errorf("a median of 21 µs met the budget: %+v", r)
	}
	b.math = parseMathBench("FAIL\n")
	if r := b.mathRows(); len(r) != 1 || r[0].met != "NO" {
		t.Errorf("a failed run: %+v", r)
	}
}

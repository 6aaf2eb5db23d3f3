package main

import (
	"context"
	"fmt"
	"io"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// mathBudget is issue 20's budget for parse + MathML, per formula.
const mathBudget = 20 * time.Microsecond

// mathResult holds internal/tex's benchmarks: ns per formula, wall and
// CPU, one value per run, by benchmark name ("MathML", "Check").
type mathResult struct {
	wall, cpu map[string][]int64
	lines     []string
	err       error
}

var mathLineRE = regexp.MustCompile(`^Benchmark(\w+)-\d+\s+\d+\s+([\d.]+) ns/op(?:\s+([\d.]+) cpu-ns/op)?`)

// parseMathBench reads `go test -bench` output into a mathResult.
func parseMathBench(out string) *mathResult {
	r := &mathResult{wall: map[string][]int64{}, cpu: map[string][]int64{}}
	for line := range strings.Lines(out) {
		m := mathLineRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		r.lines = append(r.lines, strings.TrimRight(line, "\n"))
		if v, err := strconv.ParseFloat(m[2], 64); err == nil {
			r.wall[m[1]] = append(r.wall[m[1]], int64(v))
		}
		if v, err := strconv.ParseFloat(m[3], 64); err == nil {
			r.cpu[m[1]] = append(r.cpu[m[1]], int64(v))
		}
	}
	return r
}

// mathSpeed runs internal/tex's benchmarks over the dev set of real
// formulas (../shared/fixtures/formulas-dev.json; the package's own cases
// without it): parse + MathML per formula, and the parse alone, what a
// check pays. cpu-ns/op is the process's CPU time per formula, which a
// busy machine inflates less than wall time.
func (b *bench) mathSpeed(ctx context.Context) {
	cmd := exec.CommandContext(ctx, "go", "test", "-count=5", "-run", "^$", "-bench", "^Benchmark(MathML|Check)$",
		"-benchmem", "./internal/tex/")
	out, err := cmd.CombinedOutput()
	b.keep("math-bench.txt", out)
	b.math = parseMathBench(string(out))
	b.math.err = err
}

// mathRows are the table's rows for the math engine: medians of the runs.
func (b *bench) mathRows() []row {
	m := b.math
	if m == nil {
		return nil
	}
	if len(m.wall["MathML"]) == 0 {
		msg := "no result"
		if m.err != nil {
			msg = trimErr(m.err)
		}
		return []row{{measure: "math: parse + MathML per formula (dev set)", ours: "failed: " + msg, budget: "≤ 20 µs", met: "NO"}}
	}
	id := func(v int64) int64 { return v }
	cell := func(name string) (string, int64) {
		w := median(m.wall[name], id)
		s := fmtMicro(w)
		if c := m.cpu[name]; len(c) > 0 {
			s += ", CPU " + fmtMicro(median(c, id))
		}
		return s + fmt.Sprintf(" (runs %s–%s)", fmtMicro(slices.Min(m.wall[name])), fmtMicro(slices.Max(m.wall[name]))), w
	}
	ml, w := cell("MathML")
	rows := []row{{measure: "math: parse + MathML per formula (dev set)", ours: ml, budget: "≤ 20 µs",
		met: yes(time.Duration(w) <= mathBudget)}}
	if len(m.wall["Check"]) > 0 {
		c, _ := cell("Check")
		rows = append(rows, row{measure: "math: parse alone per formula (what check pays)", ours: c})
	}
	return rows
}

// writeMath prints the benchmark lines under the table.
func (b *bench) writeMath(w io.Writer) {
	if b.math == nil {
		return
	}
	fmt.Fprintf(w, "\nMath engine (internal/tex, one op = one formula of the dev set; budget for MathML: 20 µs):\n")
	for _, l := range b.math.lines {
		fmt.Fprintln(w, "  "+l)
	}
	if b.math.err != nil {
		fmt.Fprintf(w, "math benchmark: %v (log in %s)\n", b.math.err, b.path("math-bench.txt"))
	}
}

func fmtMicro(ns int64) string { return fmt.Sprintf("%.1f µs", float64(ns)/1e3) }

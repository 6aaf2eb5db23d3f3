package main

import (
	"context"
	"fmt"
	"io"
	"os/exec"
	"strings"
)

// mathSpeed runs internal/tex's benchmarks over the dev set of real
// formulas (../shared/fixtures/formulas-dev.json; the package's own cases
// without it): parse + MathML per formula, which SPEC's math budget puts at
// 20 µs, and the parse alone, what a check pays. cpu-ns/op is the process's
// CPU time per formula, which a busy machine inflates less than wall time.
func (b *bench) mathSpeed(ctx context.Context, stdout io.Writer) {
	cmd := exec.CommandContext(ctx, "go", "test", "-count=3", "-run", "^$", "-bench", "^Benchmark(MathML|Check)$",
		"-benchmem", "./internal/tex/")
	out, err := cmd.CombinedOutput()
	b.keep("math-bench.txt", out)
	fmt.Fprintf(stdout, "\nMath engine (internal/tex, one op = one formula of the dev set; budget for MathML: 20 µs):\n")
	for line := range strings.Lines(string(out)) {
		if strings.HasPrefix(line, "Benchmark") {
			fmt.Fprint(stdout, "  "+line)
		}
	}
	if err != nil {
		fmt.Fprintf(stdout, "math benchmark: %v (log in %s)\n", err, b.path("math-bench.txt"))
	}
}

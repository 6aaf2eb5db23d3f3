package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

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

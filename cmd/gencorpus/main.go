// Command gencorpus writes a deterministic Markdown corpus with the shape of
// the knowledge base docsite was built for (SPEC §2); every benchmark runs on
// it.
//
//	go run ./cmd/gencorpus -out DIR [-seed N] [-files 1200] [-force] [-v]
//
// The shape, at the default size (1,200 Markdown files, about 23 MB):
//
//   - Numbered folders two or three deep (01-core-foundations/03-containers/),
//     each with a landing page named README.md or <name>.md (the NN- prefix
//     stripped: 02-principles/principles.md), and at the top README.md,
//     REFERENCES.md and GLOSSARY.md. No front matter.
//   - Pages of log-normal size (median about 15 KB) with a hand-numbered H1
//     ("# 3. 容器运行时"), matching the page's position in its folder except
//     on about 3% of pages; "## 3.2 …" and "### 3.2.1 …" headings, some with
//     emoji or trailing punctuation; a hand-written TOC under "## 目录" or
//     "## 📑 目录" whose links are GitHub slugs. About 5% of pages have one
//     stale TOC entry and 4% a skipped, repeated or misplaced number.
//   - Chinese prose with English terms (some glued: 使用K8s部署), wrapped at
//     80 columns counting wide characters as two, so sentences break
//     mid-line; bold around Chinese punctuation (**（集装箱）**是); aligned
//     tables, some rows with more cells than the header; lists; quotes.
//   - Per page of average size: about 0.85 mermaid block, 3 formulas ($…$,
//     $$…$$, ```math, some with Chinese, a few dollar-amount traps) and 11
//     code fences across yaml, bash, text, json, go, python, dockerfile,
//     rego, toml, promql, protobuf, c, haskell, wit and a few unknown or
//     unnamed languages.
//   - Links: about 27 in-page anchors (TOC and prose, a few per cent to no
//     heading), 8 relative links to other files (about a quarter broken:
//     renumbered folders, renamed landing pages, wrong depth, sections
//     never written; working ones often with a #fragment of a real heading
//     of the target), 2 external; some reference-style links and raw HTML.
//   - Citations [subject-aspect] resolved by REFERENCES.md in both
//     definition forms; about a fifth of the pages define their keys under
//     a local "N.K 参考", half of those mangled by the wrapping; a few keys
//     are misspelt and defined nowhere.
//   - GLOSSARY.md with a | 缩写 | 完整形式 | 中文解释 | table of about 80 terms,
//     and .yaml, .rego, .json, .sh and tiny .png files in about a third of
//     the folders, most of them linked from the pages there.
//
// The output depends only on -seed and -files. gencorpus refuses to write
// into a non-empty folder unless -force is given and the folder holds the
// .gencorpus marker it leaves behind, so it can never wipe someone's work.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"time"

	"docsite/cmd/gencorpus/internal/corpus"
	"docsite/cmd/gencorpus/internal/survey"
)

// marker is the file that proves a folder was written by gencorpus.
const marker = ".gencorpus"

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(2)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	out := fs.String("out", "", "folder to write the corpus into (required)")
	seed := fs.Uint64("seed", 1, "random seed; the same seed and size give the same bytes")
	files := fs.Int("files", 1200, "number of Markdown files")
	force := fs.Bool("force", false, "replace a corpus this tool wrote before")
	verbose := fs.Bool("v", false, "survey the written tree and print its measured shape")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return errors.New("-out DIR is required")
	}
	if *files < 8 {
		return errors.New("-files must be at least 8")
	}
	if err := prepare(*out, *force); err != nil {
		return err
	}
	start := time.Now()
	tree, st := corpus.Generate(corpus.WithSeed(*seed), corpus.WithFiles(*files))
	if err := write(*out, tree); err != nil {
		return err
	}
	stamp := fmt.Sprintf("gencorpus seed=%d files=%d\n", *seed, *files)
	if err := os.WriteFile(filepath.Join(*out, marker), []byte(stamp), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d Markdown files (%.1f MB) and %d other files to %s in %v\n",
		st.Markdown, float64(st.MarkdownBytes)/1e6, st.Other, *out, time.Since(start).Round(time.Millisecond))
	if *verbose {
		s, err := survey.Dir(*out)
		if err != nil {
			return err
		}
		s.Print(stdout)
	}
	return nil
}

// prepare makes out ready: created if missing, emptied only when -force is
// given and the marker shows gencorpus wrote it.
func prepare(out string, force bool) error {
	entries, err := os.ReadDir(out)
	if errors.Is(err, os.ErrNotExist) {
		return os.MkdirAll(out, 0o755)
	}
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if !force {
		return fmt.Errorf("%s is not empty; pass -force to replace a corpus gencorpus wrote there", out)
	}
	if _, err := os.Stat(filepath.Join(out, marker)); err != nil {
		return fmt.Errorf("%s is not empty and has no %s marker; refusing to delete files gencorpus did not write", out, marker)
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(out, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

// write stores the files with a few goroutines; folders are created first
// so the writers never race on MkdirAll.
func write(out string, tree []corpus.File) error {
	dirs := map[string]bool{}
	for _, f := range tree {
		dirs[filepath.Dir(filepath.Join(out, filepath.FromSlash(f.Path)))] = true
	}
	for _, d := range slices.Sorted(maps.Keys(dirs)) {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
		next  = make(chan corpus.File)
	)
	for range runtime.GOMAXPROCS(0) + 1 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range next {
				err := os.WriteFile(filepath.Join(out, filepath.FromSlash(f.Path)), f.Data, 0o644)
				if err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	for _, f := range tree {
		next <- f
	}
	close(next)
	wg.Wait()
	return first
}

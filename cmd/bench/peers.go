package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// A peer is another tool measured on the same files in the same run.
type peer struct {
	name    string
	path    string
	version string
	status  string // why there is no figure: "not installed", "failed: …"
	s       series
	// found is where the peer reported broken links, to compare with ours.
	found map[spot]string
}

// ok reports whether the peer gave a figure.
func (p *peer) ok() bool { return p != nil && p.status == "" && p.s.ok() }

// note is the peer's cell when it has no figure.
func (p *peer) note() string {
	if p == nil {
		return "—"
	}
	if p.status != "" {
		return p.status
	}
	if p.s.err != nil {
		return "failed"
	}
	return "—"
}

func notInstalled(name string) *peer { return &peer{name: name, status: "not installed"} }

// lookBin finds a program on PATH or among the binaries bench installed.
func lookBin(name string, extra ...string) string {
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	for _, dir := range extra {
		p := filepath.Join(dir, name)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() && st.Mode()&0o111 != 0 {
			return p
		}
	}
	return ""
}

func version(ctx context.Context, bin string, args ...string) string {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, bin, args...).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(strings.SplitN(string(out), "\n", 2)[0])
}

// hugoJob builds the corpus with Hugo and the minimal site in bench/hugo.
// Hugo writes a lock file and a resources folder beside its config unless
// told otherwise; both go to the work folder so bench/ stays clean.
func (b *bench) hugoJob(bin string) job {
	return job{
		name: "hugo",
		path: bin,
		args: []string{"--source", filepath.Join(b.opts.benchDir, "hugo"),
			"--contentDir", b.opts.corpus, "--destination", b.path("hugo-out"),
			"--cacheDir", b.path("hugo-cache"), "--noBuildLock", "--quiet"},
		env:     []string{"HUGO_RESOURCEDIR=" + b.path("hugo-resources")},
		dir:     b.work(),
		timeout: b.opts.timeout,
	}
}

// installNPM installs the npm peers pinned by bench/package-lock.json,
// unless node_modules is already newer than the lock file.
func (b *bench) installNPM(ctx context.Context) error {
	dir := b.opts.benchDir
	lock, err := os.Stat(filepath.Join(dir, "package-lock.json"))
	if err != nil {
		return fmt.Errorf("no %s/package-lock.json", dir)
	}
	if st, err := os.Stat(filepath.Join(dir, "node_modules", ".package-lock.json")); err == nil && !st.ModTime().Before(lock.ModTime()) {
		return nil
	}
	npm := lookBin("npm")
	if npm == "" {
		return fmt.Errorf("npm not installed")
	}
	b.logf("installing the npm peers into %s/node_modules", dir)
	_, err = runJob(ctx, job{name: "npm ci", path: npm, args: []string{"ci", "--no-audit", "--no-fund"}, dir: dir, timeout: b.opts.timeout})
	return err
}

// remarkJob runs remark-validate-links on the corpus from its root, as a
// user of remark does in their repository. The plugins are named by path,
// since they are installed in bench/ and not in the corpus; repository
// false keeps the plugin from asking git for a remote.
func (b *bench) remarkJob() (job, bool) {
	nm := filepath.Join(b.opts.benchDir, "node_modules")
	bin := filepath.Join(nm, ".bin", "remark")
	if _, err := os.Stat(bin); err != nil {
		return job{}, false
	}
	return job{
		name: "remark-validate-links",
		path: bin,
		args: []string{"--use", filepath.Join(nm, "remark-gfm", "index.js"),
			"--use", filepath.Join(nm, "remark-validate-links", "index.js") + "=repository:false",
			"--quiet", "--frail", "--no-color", "."},
		env:     []string{"NO_COLOR=1"},
		dir:     b.opts.corpus,
		exits:   []int{1},
		timeout: b.opts.timeout,
	}, true
}

// A spot is a file and line a checker reported a broken link on.
type spot struct {
	file string
	line int
}

var (
	remarkWarnRE = regexp.MustCompile(`^\s*(\d+):\d+(?:-\d+:\d+)?\s+warning\s.*remark-validate-links:(missing-[a-z-]+)`)
	remarkFileRE = regexp.MustCompile(`^(\S.*\.(?:md|markdown))$`)
)

// remarkFindings reads remark's report (file lines, then one warning per
// line) into the places it found a broken link, by kind: "file" or
// "anchor". remark reports a link to a missing file with a fragment twice,
// as a missing file and a missing heading; it counts once, as a file.
func remarkFindings(out []byte) map[spot]string {
	found := map[spot]string{}
	file := ""
	for _, l := range strings.Split(string(out), "\n") {
		if m := remarkFileRE.FindStringSubmatch(l); m != nil {
			file = m[1]
			continue
		}
		m := remarkWarnRE.FindStringSubmatch(l)
		if m == nil || file == "" {
			continue
		}
		var at spot
		at.file = file
		fmt.Sscan(m[1], &at.line)
		if m[2] == "missing-file" {
			found[at] = "file"
		} else if found[at] == "" {
			found[at] = "anchor"
		}
	}
	return found
}

// pagefindBin prefers the platform binary the npm package ships over its
// node wrapper, which only adds start-up time.
func (b *bench) pagefindBin() string {
	nm := filepath.Join(b.opts.benchDir, "node_modules")
	for _, name := range []string{"pagefind_extended", "pagefind"} {
		matches, _ := filepath.Glob(filepath.Join(nm, "@pagefind", "*", "bin", name))
		for _, m := range matches {
			if st, err := os.Stat(m); err == nil && st.Mode()&0o111 != 0 {
				return m
			}
		}
	}
	if p := filepath.Join(nm, ".bin", "pagefind"); fileExists(p) {
		return p
	}
	return ""
}

// pagefindJob runs Pagefind from bench/, whose pagefind.json leaves out
// what docsite's index leaves out (the theme's chrome, backlinks, local
// graph, code blocks).
func (b *bench) pagefindJob(bin, site string) job {
	return job{
		name: "pagefind",
		path: bin,
		args: []string{"--site", abs(site), "--output-path", abs(b.path("pagefind")), "--quiet"},
		dir:  b.opts.benchDir, timeout: b.opts.timeout,
	}
}

// htmltestBin finds htmltest, or installs it once with go install into
// .cache/bench-bin. A failed install leaves a note so later runs do not
// wait on the module proxy again the same day.
func (b *bench) htmltestBin(ctx context.Context) (string, error) {
	gobin := filepath.Join(filepath.Dir(b.opts.out), "bench-bin")
	if p := lookBin("htmltest", gobin); p != "" {
		return p, nil
	}
	note := filepath.Join(gobin, "htmltest.failed")
	if st, err := os.Stat(note); err == nil && time.Since(st.ModTime()) < 24*time.Hour {
		msg, _ := os.ReadFile(note)
		return "", fmt.Errorf("%s", strings.TrimSpace(string(msg)))
	}
	if err := os.MkdirAll(gobin, 0o755); err != nil {
		return "", err
	}
	b.logf("trying go install github.com/wjdp/htmltest@latest into %s", gobin)
	_, err := runJob(ctx, job{name: "go install htmltest", path: "go",
		args: []string{"install", "github.com/wjdp/htmltest@latest"},
		env:  []string{"GOBIN=" + gobin, "GOFLAGS=-mod=mod"},
		dir:  b.work(), timeout: 3 * time.Minute})
	if err != nil {
		_ = os.WriteFile(note, []byte(err.Error()+"\n"), 0o644)
		return "", err
	}
	return lookBin("htmltest", gobin), nil
}

func (b *bench) htmltestJob(bin, site string) job {
	return job{
		name: "htmltest",
		path: bin,
		args: []string{"--skip-external", site},
		dir:  b.work(), exits: []int{1}, timeout: b.opts.timeout,
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"
)

// A job is one child process to time.
type job struct {
	name string
	path string
	args []string
	dir  string
	env  []string // added to the environment
	// exits lists the exit codes that mean "ran to the end": a checker
	// that finds broken links exits 1, and that is a finished run.
	exits   []int
	timeout time.Duration
}

// A sample is one run of a job.
type sample struct {
	wall   time.Duration
	rss    int64 // peak resident set, bytes; 0 when the OS does not say
	code   int
	stdout []byte
	stderr []byte
}

// runJob runs j once and measures it. A run that does not finish with an
// accepted exit code is an error whose message ends in the child's last
// line of stderr, so the table can say why a peer failed.
func runJob(ctx context.Context, j job) (sample, error) {
	ctx, cancel := context.WithTimeout(ctx, j.timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, j.path, j.args...)
	cmd.Dir = j.dir
	if len(j.env) > 0 {
		cmd.Env = append(cmd.Environ(), j.env...)
	}
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	cmd.WaitDelay = 5 * time.Second
	start := time.Now()
	err := cmd.Run()
	s := sample{wall: time.Since(start), stdout: out.Bytes(), stderr: errb.Bytes()}
	if cmd.ProcessState != nil {
		s.code = cmd.ProcessState.ExitCode()
		s.rss = maxRSS(cmd.ProcessState.SysUsage())
	}
	if ctx.Err() == context.DeadlineExceeded {
		return s, fmt.Errorf("%s: timed out after %s", j.name, j.timeout)
	}
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		return s, fmt.Errorf("%s: %v", j.name, err)
	}
	if !slices.Contains(append([]int{0}, j.exits...), s.code) {
		return s, fmt.Errorf("%s: exit %d: %s", j.name, s.code, lastLine(s.stderr))
	}
	return s, nil
}

// maxRSS reads the peak resident set from a child's rusage. wait4 folds in
// the child's own waited-for children, so a wrapper (npx, node spawning a
// binary) reports the largest process of its tree.
func maxRSS(u any) int64 {
	ru, ok := u.(*syscall.Rusage)
	if !ok || ru == nil {
		return 0
	}
	if runtime.GOOS == "darwin" {
		return int64(ru.Maxrss) // bytes there
	}
	return int64(ru.Maxrss) * 1024 // KiB on Linux
}

func lastLine(b []byte) string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	l := strings.TrimSpace(lines[len(lines)-1])
	if len(l) > 160 {
		l = l[:160] + "…"
	}
	if l == "" {
		return "no message"
	}
	return l
}

// series is the samples of one measure.
type series struct {
	samples []sample
	err     error // the first failure; samples hold the runs that worked
}

func (s series) ok() bool { return len(s.samples) > 0 }

func (s series) wall() time.Duration {
	return median(s.samples, func(x sample) time.Duration { return x.wall })
}

func (s series) rss() int64 {
	return median(s.samples, func(x sample) int64 { return x.rss })
}

// peakRSS is the largest of the runs: a memory budget is a ceiling.
func (s series) peakRSS() int64 {
	var m int64
	for _, x := range s.samples {
		m = max(m, x.rss)
	}
	return m
}

// median of what f picks from xs; for an even count the lower middle, so
// the figure quoted is one that was measured.
func median[T any, V int64 | time.Duration](xs []T, f func(T) V) V {
	if len(xs) == 0 {
		return 0
	}
	vs := make([]V, len(xs))
	for i, x := range xs {
		vs[i] = f(x)
	}
	slices.Sort(vs)
	return vs[(len(vs)-1)/2]
}

// percentile is the nearest-rank p-th percentile of ds (0 < p ≤ 100).
func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	rank := int(math.Ceil(float64(len(s)) * p / 100))
	return s[min(max(rank, 1), len(s))-1]
}

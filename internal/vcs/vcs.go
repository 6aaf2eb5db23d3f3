// Package vcs reads what the git repository holding the content folder
// knows about it: where a page is edited on the forge, and when each page
// last changed. A folder outside git, or a machine without git, gives
// nothing, and the site simply has neither.
package vcs

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strings"
	"time"

	"docsite/internal/config"
)

// Info is what git says about the content folder.
type Info struct {
	// Edit makes a page's edit link; nil when there is none.
	Edit *Edit
	// Updated is when each file last changed, by its path relative to the
	// content folder ('/'-separated); a file never committed is absent.
	Updated map[string]time.Time
}

// Options say what to read.
type Options struct {
	Edit        config.Edit
	LastUpdated bool
	// Git is the git program; "" finds it on PATH.
	Git string
}

// Read asks git about content: at most four short processes, one of them a
// single git log over the whole folder, however many pages it holds.
func Read(ctx context.Context, content string, o Options) *Info {
	info := &Info{}
	g := runner{ctx: ctx, dir: content, bin: o.Git}
	if g.bin == "" {
		g.bin, _ = exec.LookPath("git")
	}
	var prefix, branch string
	inGit := false
	if g.bin != "" {
		if out, ok := g.run("rev-parse", "--show-prefix", "--abbrev-ref", "HEAD"); ok {
			lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
			if len(lines) == 2 {
				inGit, prefix, branch = true, lines[0], lines[1]
			}
		}
	}
	if inGit && o.LastUpdated {
		if out, ok := g.run("log", "-z", "--format=%x1e%cI", "--name-status", "-M", "--relative", "--", "."); ok {
			info.Updated = parseLog(out)
		}
	}
	info.Edit = editFor(o.Edit, func() (remote, prefixOut, branchOut string) {
		if !inGit {
			return "", "", ""
		}
		if branch == "HEAD" { // detached, as on many CI runners: the remote's default branch
			branch = ""
			if out, ok := g.run("symbolic-ref", "--short", "refs/remotes/origin/HEAD"); ok {
				branch = strings.TrimPrefix(strings.TrimSpace(out), "origin/")
			}
		}
		if o.Edit.Repo == "" {
			if out, ok := g.run("config", "--get", "remote.origin.url"); ok {
				remote = strings.TrimSpace(out)
			}
		}
		return remote, prefix, branch
	})
	return info
}

type runner struct {
	ctx      context.Context
	dir, bin string
}

// run runs one git command in the content folder, never asking for a
// password or waiting on a lock.
func (g runner) run(args ...string) (string, bool) {
	cmd := exec.CommandContext(g.ctx, g.bin, append([]string{"-c", "core.quotepath=off"}, args...)...)
	cmd.Dir = g.dir
	cmd.Env = append(os.Environ(), "GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0", "LC_ALL=C")
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		return "", false
	}
	return out.String(), true
}

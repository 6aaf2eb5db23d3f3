package changed

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// git runs git commands in one folder of a repository.
type git struct {
	dir string
	env []string
}

func newGit(dir string) *git { return &git{dir: dir, env: absGitEnv()} }

// absGitEnv pins the repository that git variables in the environment name
// to the folder docsite was started in. Git exports them to hooks relative to
// the top folder, and "git -C sub" would read them relative to sub; and with
// GIT_DIR but no GIT_WORK_TREE, git takes the folder it runs in as the top.
// A pre-commit hook would otherwise fail, or see every file as new.
func absGitEnv() []string {
	env := os.Environ()
	wd, err := os.Getwd()
	if err != nil {
		return env
	}
	hasDir, hasTree := false, false
	for i, kv := range env {
		name, val, _ := strings.Cut(kv, "=")
		switch name {
		case "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY":
			if val == "" {
				continue
			}
			hasDir = hasDir || name == "GIT_DIR"
			hasTree = hasTree || name == "GIT_WORK_TREE"
			if !filepath.IsAbs(val) {
				env[i] = name + "=" + filepath.Join(wd, val)
			}
		}
	}
	if hasDir && !hasTree {
		env = append(env, "GIT_WORK_TREE="+wd)
	}
	return env
}

func (g *git) command(args ...string) *exec.Cmd {
	// Literal pathspecs: a content folder named "docs[1]" is not a pattern.
	cmd := exec.Command("git", append([]string{"-C", g.dir, "--literal-pathspecs"}, args...)...)
	cmd.Env = g.env
	return cmd
}

// run returns git's standard output; on failure the error carries its
// first line of standard error, which is what a user needs to see.
func (g *git) run(args ...string) ([]byte, error) {
	cmd := g.command(args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
		if msg == "" {
			msg = err.Error()
		}
		return nil, fmt.Errorf("git %s: %s", args[0], msg)
	}
	return out, nil
}

// entry is one line of "git diff --name-status": a status letter, the path
// and, for renames and copies, the new path.
type entry struct {
	status   byte
	path, to string
}

// parseNameStatus reads the -z form, where paths are never quoted: the
// corpus has Chinese file names, which the default form would escape.
func parseNameStatus(out []byte) ([]entry, error) {
	fields := strings.Split(string(out), "\x00")
	if n := len(fields); n > 0 && fields[n-1] == "" {
		fields = fields[:n-1]
	}
	var es []entry
	for i := 0; i < len(fields); {
		st := fields[i]
		if st == "" {
			return nil, errors.New("git diff: empty status")
		}
		e := entry{status: st[0]}
		need := 1
		if e.status == 'R' || e.status == 'C' {
			need = 2
		}
		if i+need >= len(fields) {
			return nil, fmt.Errorf("git diff: status %q without its path", st)
		}
		e.path = fields[i+1]
		if need == 2 {
			e.to = fields[i+2]
		}
		es = append(es, e)
		i += need + 1
	}
	return es, nil
}

// catFiles reads many blobs through one "git cat-file --batch": a pull
// request that moves a folder touches hundreds of files, and one process per
// file would cost seconds. Missing objects are left out of the result.
func (g *git) catFiles(rev string, paths []string) (map[string][]byte, error) {
	out := map[string][]byte{}
	var ask []string
	for _, p := range paths {
		if !strings.ContainsAny(p, "\n\r") { // cannot be named on a batch line
			ask = append(ask, p)
		}
	}
	if len(ask) == 0 {
		return out, nil
	}
	cmd := g.command("cat-file", "--batch")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	// Write the questions while reading the answers: git answers as it goes,
	// and a full pipe on either side would otherwise block both.
	go func() {
		w := bufio.NewWriter(stdin)
		for _, p := range ask {
			fmt.Fprintf(w, "%s:%s\n", rev, p)
		}
		w.Flush()
		stdin.Close()
	}()
	r := bufio.NewReader(stdout)
	var rerr error
	for _, p := range ask {
		b, err := readBlob(r)
		if err != nil {
			rerr = err
			break
		}
		if b != nil {
			out[p] = b
		}
	}
	io.Copy(io.Discard, stdout)
	if err := cmd.Wait(); err != nil && rerr == nil {
		rerr = fmt.Errorf("git cat-file: %v", err)
	}
	return out, rerr
}

// readBlob reads one answer of cat-file --batch: "<oid> <type> <size>\n",
// the contents and a newline, or "<name> missing\n" (nil, no error).
func readBlob(r *bufio.Reader) ([]byte, error) {
	head, err := r.ReadString('\n')
	if err != nil {
		return nil, fmt.Errorf("git cat-file: %v", err)
	}
	if strings.HasSuffix(head, " missing\n") || strings.HasSuffix(head, " ambiguous\n") {
		return nil, nil // nothing follows the line
	}
	f := strings.Fields(head)
	if len(f) != 3 {
		return nil, fmt.Errorf("git cat-file: unexpected answer %q", head)
	}
	size, err := strconv.Atoi(f[2])
	if err != nil {
		return nil, fmt.Errorf("git cat-file: bad size in %q", head)
	}
	buf := make([]byte, size+1)
	if _, err := io.ReadFull(r, buf); err != nil {
		return nil, fmt.Errorf("git cat-file: %v", err)
	}
	if f[1] != "blob" {
		return nil, nil
	}
	return buf[:size], nil
}

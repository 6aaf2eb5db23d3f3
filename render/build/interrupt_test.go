package build

import (
	"bytes"
	"crypto/sha256"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestKillDuringBuild runs the real docsite binary on a generated corpus and
// SIGKILLs it at random moments of a build: each time, the previous output
// must be there byte for byte (or, killed after the exchange, the whole new
// one), and the folders a killed build leaves behind
// must not break the next build, which should also clear them away.
func TestKillDuringBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and a corpus; skipped with -short")
	}
	dir := t.TempDir()
	bin := goBuildBins(t, dir)
	content := filepath.Join(dir, "content")
	runCmd(t, exec.Command(filepath.Join(bin, "gencorpus"), "-out", content, "-files", "250", "-seed", "7"))
	out := filepath.Join(dir, "site", "public")
	cache := filepath.Join(dir, "cache")
	build := func() *exec.Cmd {
		cmd := exec.Command(filepath.Join(bin, "docsite"), "build", "--content", content, "--out", out, "--cache-dir", cache)
		cmd.Dir = dir // no docsite.yaml here
		return cmd
	}

	runCmd(t, build()) // cold: fills the caches
	start := time.Now()
	runCmd(t, build())
	full := time.Since(start)
	want := hashTree(t, out)
	t.Logf("a full build of the corpus takes %v, %d files out", full, len(want))

	page := filepath.Join(content, "README.md")
	rng := rand.New(rand.NewPCG(1, 2))
	killed := 0
	// The kill comes at a random point of the time a build took; a build
	// that finishes first shortens that time, so on a machine of any speed
	// or load the loop ends with builds killed, counted, not timed.
	for i := 0; killed < 4 && i < 24; i++ {
		// Change the content, so a build that finished would show.
		f, err := os.OpenFile(page, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = f.WriteString("\n\n修改 " + strings.Repeat("x", i+1) + "\n")
		f.Close()

		cmd := build()
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		delay := time.Duration(float64(full) * (0.05 + 0.9*rng.Float64()))
		time.Sleep(delay)
		_ = cmd.Process.Signal(syscall.SIGKILL)
		err = cmd.Wait()
		if err == nil {
			// It finished before the kill: that output is the new baseline.
			t.Logf("kill %d after %v: the build had finished", i, delay)
			want = hashTree(t, out)
			full /= 2
			continue
		}
		killed++
		got := hashTree(t, out)
		if equalHashes(got, want) {
			continue // the previous output, whole
		}
		// Killed after the exchange (while saving its caches, say): the
		// output must then be the whole new site, as a full build makes it.
		runCmd(t, build())
		want = hashTree(t, out)
		if !sameHashes(t, got, want) {
			t.Fatalf("kill %d after %v: the output is neither the previous site nor the new one", i, delay)
		}
		t.Logf("kill %d after %v: killed after the new output was in place", i, delay)
	}
	if killed == 0 {
		t.Fatal("no build was interrupted")
	}
	t.Logf("%d builds killed, output whole each time", killed)
	leftovers := buildLeftovers(t, filepath.Dir(out))
	t.Logf("leftovers of killed builds: %v", leftovers)

	runCmd(t, build())
	if _, err := os.Stat(filepath.Join(out, "index.html")); err != nil {
		t.Fatalf("the build after the kills: %v", err)
	}
	if left := buildLeftovers(t, filepath.Dir(out)); len(left) > 0 {
		t.Errorf("a successful build leaves the folders of killed builds behind: %v", left)
	}
}

// goBuildBins compiles docsite and gencorpus into dir/bin.
func goBuildBins(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "bin")
	runCmd(t, exec.Command("go", "build", "-o", bin+string(filepath.Separator), "docsite/cmd/docsite", "docsite/cmd/gencorpus"))
	return bin
}

func runCmd(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, out)
	}
}

// hashTree hashes every file under dir, by path relative to it.
func hashTree(t *testing.T, dir string) map[string][32]byte {
	t.Helper()
	m := map[string][32]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		m[rel] = sha256.Sum256(b)
		return nil
	})
	if err != nil {
		t.Fatalf("reading the output: %v", err)
	}
	return m
}

// equalHashes reports whether two trees hold the same files.
func equalHashes(a, b map[string][32]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for p, h := range a {
		if b[p] != h {
			return false
		}
	}
	return true
}

func sameHashes(t *testing.T, got, want map[string][32]byte) bool {
	t.Helper()
	same := len(got) == len(want)
	for p, h := range want {
		if g, ok := got[p]; !ok {
			t.Errorf("missing %s", p)
			same = false
		} else if g != h {
			t.Errorf("changed %s", p)
			same = false
		}
	}
	return same
}

// buildLeftovers lists what builds leave beside the output: ".public.tmp-*".
func buildLeftovers(t *testing.T, parent string) []string {
	t.Helper()
	ents, err := os.ReadDir(parent)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp-") {
			out = append(out, e.Name())
		}
	}
	return out
}

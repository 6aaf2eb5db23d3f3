package tex

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"docsite/internal/sitetest"
)

// The writer is tuned for speed; these golden files pin its output byte for
// byte, one hash per formula (the dev set's text stays out of the
// repository), so that an optimisation that changes a single byte shows
// which formula it broke. Run go test -update after a deliberate change.

// outputDigest is the hash of everything a caller sees for one formula:
// the MathML, or the error with its position.
func outputDigest(tex string, display bool) string {
	out, err := MathML(tex, display)
	if err != nil {
		if e, ok := err.(*Error); ok {
			out = fmt.Sprintf("error %d %d:%d %s", e.Offset, e.Line, e.Column, e.Message)
		} else {
			out = "error " + err.Error()
		}
	}
	sum := sha256.Sum256([]byte(out))
	return hex.EncodeToString(sum[:8])
}

func TestDevSetOutputUnchanged(t *testing.T) {
	fs := loadDevSet(t)
	var b strings.Builder
	for i, f := range fs {
		fmt.Fprintf(&b, "%d %s\n", i, outputDigest(f.TeX, f.Display))
	}
	sitetest.Golden(t, filepath.Join("testdata", "devset-output.sum"), []byte(b.String()))
}

func TestOwnCasesOutputUnchanged(t *testing.T) {
	var b strings.Builder
	for i, tex := range ownCases() {
		fmt.Fprintf(&b, "%d %s %s\n", i, outputDigest(tex, false), outputDigest(tex, true))
	}
	sitetest.Golden(t, filepath.Join("testdata", "own-output.sum"), []byte(b.String()))
}

// ownCases are the repository's own formulas, good and broken: what the
// tests check when ../shared is absent.
func ownCases() []string {
	cases := append([]string(nil), coverage...)
	for _, c := range brokenInputs {
		cases = append(cases, c.tex)
	}
	return cases
}

// TestConcurrentSameOutput runs formulas on several goroutines at once:
// pooled engines must give each call the output a lone call gives.
func TestConcurrentSameOutput(t *testing.T) {
	cases := ownCases()
	want := make([]string, len(cases))
	for i, tex := range cases {
		want[i] = outputDigest(tex, true)
	}
	const workers = 4
	errs := make(chan string, workers*len(cases))
	done := make(chan struct{})
	for g := 0; g < workers; g++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for round := 0; round < 3; round++ {
				for k := range cases {
					i := (k + g*len(cases)/workers) % len(cases) // each starts elsewhere
					if got := outputDigest(cases[i], true); got != want[i] {
						errs <- cases[i]
					}
					Check(cases[(i+1)%len(cases)], false)
				}
			}
		}()
	}
	for g := 0; g < workers; g++ {
		<-done
	}
	close(errs)
	for tex := range errs {
		t.Errorf("%q: output differs when run concurrently", tex)
	}
}

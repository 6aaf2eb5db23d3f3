package tex

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZDump(t *testing.T) {
	path := os.Getenv("TEX_DUMP")
	if path == "" {
		t.Skip()
	}
	var b strings.Builder
	for i, f := range loadDevSet(t) {
		out, err := MathML(f.TeX, f.Display)
		fmt.Fprintf(&b, "%d %q\n%s\n%v\n", i, f.TeX, out, err)
	}
	for i, tex := range ownCases() {
		for _, d := range []bool{false, true} {
			out, err := MathML(tex, d)
			fmt.Fprintf(&b, "own %d %q\n%s\n%v\n", i, tex, out, err)
		}
	}
	os.WriteFile(path, []byte(b.String()), 0o644)
}

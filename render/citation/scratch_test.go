package citation

import (
	"fmt"
	"os"
	"testing"
)

func TestScratch(t *testing.T) {
	src, _ := os.ReadFile(os.Getenv("SCRATCH"))
	defs, bad := ParseDefs(src)
	for _, d := range defs {
		fmt.Printf("%+v\n", d)
	}
	for _, m := range bad {
		fmt.Printf("BAD %d-%d shared=%v broken=%v\n%q\n%s\n", m.Start, m.End, m.SharedLine, m.Broken, src[m.Start:m.End], m.Repaired)
	}
}

package docsite_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestImportsPointDown keeps the layering of the README: internal/ is the
// core (model, loader, parser, index) that render/ (model → bytes) and
// check/ (model → diagnostics) both read; neither imports the other, and
// the preview server and the command stand above them.
func TestImportsPointDown(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}} {{join .Imports " "}}`, "./...").Output()
	if err != nil {
		t.Skipf("go list is not available here: %v", err)
	}
	layer := func(pkg string) string {
		rest, ok := strings.CutPrefix(pkg, "docsite/")
		if !ok {
			return "" // the standard library and modules
		}
		top, _, _ := strings.Cut(rest, "/")
		return top
	}
	// forbidden[a] lists the layers a package of layer a may not import.
	forbidden := map[string][]string{
		"internal": {"render", "check", "serve", "cmd", "adversarial"},
		"themes":   {"internal", "render", "check", "serve", "cmd"},
		"render":   {"check", "serve", "cmd"},
		"check":    {"render", "serve", "cmd"},
		"serve":    {"cmd"},
	}
	n := 0
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		from := layer(fields[0])
		for _, imp := range fields[1:] {
			to := layer(imp)
			for _, bad := range forbidden[from] {
				if to == bad {
					t.Errorf("%s imports %s: %s/ may not import %s/", fields[0], imp, from, to)
				}
			}
		}
		n++
	}
	if n < 20 {
		t.Fatalf("go list listed %d packages; the test reads nothing", n)
	}
}

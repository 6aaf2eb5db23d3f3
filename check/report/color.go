package report

import "os"

// ColorAllowed reports whether the text format may use colour on f: only on
// a terminal, and never when NO_COLOR is set to anything (no-color.org).
func ColorAllowed(f *os.File) bool {
	if _, set := os.LookupEnv("NO_COLOR"); set {
		return false
	}
	return f != nil && isTerminal(f)
}

//go:build !linux && !darwin && !freebsd && !netbsd && !openbsd && !dragonfly

package report

import "os"

// isTerminal falls back to the file mode where we have no termios call:
// a character device is most likely a console.
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

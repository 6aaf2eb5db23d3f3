package report

import (
	"os"

	"golang.org/x/sys/unix"
)

// isTerminal asks the kernel for terminal attributes, which only a terminal
// has; /dev/null is a character device too, so the file mode is not enough.
func isTerminal(f *os.File) bool {
	_, err := unix.IoctlGetTermios(int(f.Fd()), unix.TCGETS)
	return err == nil
}

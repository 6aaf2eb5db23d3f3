package report

import (
	"os"
	"strconv"
	"testing"

	"golang.org/x/sys/unix"
)

// openPTY opens a pseudo-terminal pair, so the terminal case is tested
// without needing one attached to the test run.
func openPTY(t *testing.T) *os.File {
	t.Helper()
	master, err := os.OpenFile("/dev/ptmx", os.O_RDWR, 0)
	if err != nil {
		t.Skip("no /dev/ptmx:", err)
	}
	t.Cleanup(func() { master.Close() })
	fd := int(master.Fd())
	if err := unix.IoctlSetPointerInt(fd, unix.TIOCSPTLCK, 0); err != nil {
		t.Skip("unlockpt:", err)
	}
	n, err := unix.IoctlGetInt(fd, unix.TIOCGPTN)
	if err != nil {
		t.Skip("ptsname:", err)
	}
	slave, err := os.OpenFile("/dev/pts/"+strconv.Itoa(n), os.O_RDWR|unix.O_NOCTTY, 0)
	if err != nil {
		t.Skip("open pts:", err)
	}
	t.Cleanup(func() { slave.Close() })
	return slave
}

func TestColorAllowedOnTerminal(t *testing.T) {
	tty := openPTY(t)
	t.Setenv("NO_COLOR", "")
	os.Unsetenv("NO_COLOR")
	if !ColorAllowed(tty) {
		t.Error("colour refused on a terminal")
	}
	for _, v := range []string{"1", "", "false"} {
		t.Setenv("NO_COLOR", v)
		if ColorAllowed(tty) {
			t.Errorf("colour allowed on a terminal with NO_COLOR=%q", v)
		}
	}
}

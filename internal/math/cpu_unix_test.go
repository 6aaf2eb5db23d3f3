//go:build unix

package math

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user and system) this process has used, which
// the other work on a shared machine disturbs far less than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

//go:build unix

package sitetest

import (
	"syscall"
	"time"
)

// CPUTime is the CPU time (user and system) the test process has used. A
// test that bounds the cost of some work measures this, not wall time:
// other work on a shared machine delays the test, not the work's CPU time.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

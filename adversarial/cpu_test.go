package adversarial

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user and system) this process has used. The
// growth test compares it, not wall time: other work on a shared machine
// delays the test but barely changes the CPU time its own work takes.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

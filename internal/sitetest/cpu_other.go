//go:build !unix

package sitetest

import "time"

var start = time.Now()

// CPUTime falls back to the time since the process started where rusage
// is not to be had.
func CPUTime() time.Duration { return time.Since(start) }

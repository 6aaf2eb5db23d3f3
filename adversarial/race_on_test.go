//go:build race

package adversarial

// slowdown scales the time budgets: the race detector makes the same work
// several times slower, and the budgets are there to catch blow-ups.
const slowdown = 8

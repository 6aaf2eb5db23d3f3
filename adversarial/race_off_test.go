//go:build !race

package adversarial

const slowdown = 1

//go:build !unix

package site

// nonBlocking is unneeded where opening a pipe does not block.
const nonBlocking = 0

//go:build !linux

package main

// spreadFolders does nothing where ext4 is not the file system.
func spreadFolders(dir string) error { return nil }

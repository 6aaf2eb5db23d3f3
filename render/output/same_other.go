//go:build !unix

package output

import (
	"bytes"
	"os"
)

// sameFile reports whether the file at path holds exactly data.
func sameFile(path string, data, _ []byte) bool {
	old, err := os.ReadFile(path)
	return err == nil && bytes.Equal(old, data)
}

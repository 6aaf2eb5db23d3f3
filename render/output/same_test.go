package output

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestSameFile(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("页"), compareBuf) // three buffers' worth
	bigEnd := append(bytes.Clone(big[:len(big)-1]), 'x')
	for _, c := range []struct {
		name       string
		disk, data []byte
		want       bool
	}{
		{"same", []byte("<p>α</p>"), []byte("<p>α</p>"), true},
		{"both empty", []byte{}, []byte{}, true},
		{"same size, other bytes", []byte("<p>α</p>"), []byte("<p>β</p>"), false},
		{"shorter on disk", []byte("<p>"), []byte("<p>α</p>"), false},
		{"longer on disk", []byte("<p>α</p>!"), []byte("<p>α</p>"), false},
		{"larger than the buffer, same", big, big, true},
		{"larger than the buffer, last byte differs", bigEnd, big, false},
	} {
		p := filepath.Join(dir, "f")
		if err := os.WriteFile(p, c.disk, 0o644); err != nil {
			t.Fatal(err)
		}
		if got := sameFile(p, c.data, make([]byte, compareBuf)); got != c.want {
			t.Errorf("%s: sameFile = %v, want %v", c.name, got, c.want)
		}
	}
	if sameFile(filepath.Join(dir, "missing"), nil, make([]byte, 8)) {
		t.Error("a missing file is the same as nothing")
	}
	if sameFile(dir, nil, make([]byte, 8)) {
		t.Error("a folder is the same as an empty file")
	}
}

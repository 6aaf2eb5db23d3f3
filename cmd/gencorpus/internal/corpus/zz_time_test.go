package corpus

import (
	"testing"
	"time"
)

func TestZZTime(t *testing.T) {
	s := time.Now()
	files, _ := Generate()
	t.Logf("%d files in %v", len(files), time.Since(s))
}

package markdown

import (
	"strings"
	"testing"
)

// TestIsProse: a byte a check reads is found wherever it sits after a run
// of Chinese text, which isProse steps over eight bytes at a time.
func TestIsProse(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"", true},
		{"plain words, and more.", true},
		{"中文段落，没有链接。", true},
		{"see www.example.com", false},
		{"a wwww. b", false},
		{"w", true},
		{"ww.", true},
		{"x\r", false},
		{"价格 $5", false},
		{"a@b", false},
	} {
		if got := isProse([]byte(tc.line)); got != tc.want {
			t.Errorf("isProse(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
	for lead := range 20 {
		for _, c := range "[]<$\\:@\r" {
			line := strings.Repeat("文", lead) + string(c) + "字"
			if isProse([]byte(line)) {
				t.Errorf("%q after %d Chinese characters was taken for prose", c, lead)
			}
		}
		if line := strings.Repeat("文", lead) + "字"; !isProse([]byte(line)) {
			t.Errorf("%q was not taken for prose", line)
		}
	}
}

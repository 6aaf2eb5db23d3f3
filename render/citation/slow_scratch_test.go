package citation

import (
	"strings"
	"testing"
	"time"
)

func TestSlowScratch(t *testing.T) {
	md := newMarkdown()
	for name, s := range map[string]string{
		"brackets":   strings.Repeat("[", 200000),
		"keys":       strings.Repeat("[a-b]", 40000),
		"url":        "https://x/" + strings.Repeat("a[b-c]", 40000),
		"backslash":  strings.Repeat("\\", 100000) + strings.Repeat("[a-b]", 20000),
		"nospace":    strings.Repeat("x[a-b]", 40000),
		"defs":       strings.Repeat("[a-b]: https://a.io [c-d]:\n", 20000),
		"defsparas":  strings.Repeat("[a-b]: [t](https://a.io)\n\n", 20000) + strings.Repeat("x [a-b]\n", 1000),
	} {
		start := time.Now()
		_ = Collect(parse(md, s, PageInfo{Path: "a/b.md"}))
		t.Logf("%s: %v", name, time.Since(start))
	}
}

package sanitize

import (
	"bytes"
	"testing"
)

// FuzzClean checks, for any fragment: Clean never panics, leaves nothing
// Find or an HTML parser (reading like a browser, also inside SVG and
// MathML) would see as script, is idempotent, and the attribute scanner
// agrees with the tokenizer.
func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"", "<p>x</p>", `<a href="javascript:x" onclick=y>`, "<script>x</script>", "<script/>x",
		`<svg><style><img onerror=x></style>`, `<textarea><a title="</textarea><img onerror=x>">`,
		`<a/onclick=x>`, `<a b="c"onload=d>`, "<!-- x", "<div title=\"", `<iframe srcdoc="&lt;script&gt;">`,
		"<noscript><p title=\"</noscript><img onerror=x>\">", "<plaintext><img onerror=x>",
		"<svg><animate values=\"javascript:x\">", "<a =on x==y>", "<scr\x00ipt>x</script>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkScan(t, src)
		out := Clean(src)
		if fs := Find(out); len(fs) > 0 {
			t.Fatalf("Clean(%q) = %q still holds %v at %q", src, out, fs[0].Kind, out[fs[0].Start:fs[0].End])
		}
		if s := scriptIn(out); s != "" {
			t.Fatalf("Clean(%q) = %q still holds %s", src, out, s)
		}
		if again := Clean(out); !bytes.Equal(again, out) {
			t.Fatalf("not idempotent: %q → %q → %q", src, out, again)
		}
		for _, f := range Find(src) {
			if f.Start < 0 || f.End > len(src) || f.Start > f.End {
				t.Fatalf("finding %+v outside %d bytes", f, len(src))
			}
		}
	})
}

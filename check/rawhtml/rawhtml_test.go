package rawhtml

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"docsite/render/config"
	"docsite/render/diag"
	"docsite/render/markdown"
	"docsite/render/site"
)

// load writes name/content pairs into a temp folder and loads and parses it
// as the build does.
func load(t testing.TB, pairs ...string) *site.Site {
	t.Helper()
	dir := t.TempDir()
	for i := 0; i+1 < len(pairs); i += 2 {
		p := filepath.Join(dir, filepath.FromSlash(pairs[i]))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(pairs[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := site.Load(dir, config.Default())
	if err != nil {
		t.Fatal(err)
	}
	conv := markdown.New()
	for _, p := range s.Pages {
		conv.ParseIn(p, s)
	}
	return s
}

func TestCheck(t *testing.T) {
	src := strings.Join([]string{
		"# 页面",                      // 1
		"",                          // 2
		"<script>alert(1)</script>", // 3: HTML block
		"",                          // 4
		"文字 <img src=x.png onerror=\"go()\"> 中文", // 5: inline raw HTML
		"",                 // 6
		"> <div",           // 7: HTML block in a quote,
		">   onclick='x'>", // 8: the attribute on its second line
		"> </div>",         // 9
		"",                 // 10
		"<a href=\"javascript:alert(1)\">a</a> and [b](javascript:alert(2))", // 11
		"",                                    // 12
		"```html",                             // 13: code is not HTML
		"<script>alert(3)</script>",           // 14
		"```",                                 // 15
		"",                                    // 16
		"`<b onclick=x>` and $a<script>$",     // 17: code span, math
		"",                                    // 18
		"    <script>indented</script>",       // 19: indented code
		"",                                    // 20
		"<!-- <script>commented</script> -->", // 21
		"",                                    // 22
		"tail <SCRIPT>x</SCRIPT> <a href=\"&#106;avascript:y\">c</a>", // 23
		"",
	}, "\n")
	s := load(t, "a.md", src, "b.md", "# B\n\nno html here, onclick= in text\n")
	ds := Check(s)
	var got []string
	for _, d := range ds {
		if d.Rule != Rule || d.File != "a.md" {
			t.Errorf("finding %+v", d)
		}
		got = append(got, fmt.Sprintf("%d:%d-%d:%d %s", d.Line, d.Column, d.EndLine, d.EndColumn, d.Target))
	}
	want := []string{
		"11:41-11:65 javascript:alert(2)",
		"3:1-3:9 <script>",
		`5:19-5:33 onerror="go()"`,
		"8:5-8:16 onclick='x'",
		`11:4-11:30 href="javascript:alert(1)"`,
		"23:6-23:14 <SCRIPT>",
		`23:28-23:52 href="&#106;avascript:y"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestMayHoldScript(t *testing.T) {
	for src, want := range map[string]bool{
		"plain text":                   false,
		"onclick= but no tag":          false,
		"<b>bold</b> only":             false,
		"<b>x</b> and the word script": true,
		"<b onclick=x>":                true,
		"<b\tONLOAD =x>":               true,
		"<a href='&#106;'>":            true,
		"<b>on the one hand</b>":       false,
		"<b>one</b>=":                  false,
		"<iframe srcdoc=x>":            true,
		"<b title='x'onmouseover=y>":   true,
		"text with one = two <b>ok":    true, // loose, never missing
	} {
		if got := mayHoldScript([]byte(src)); got != want {
			t.Errorf("mayHoldScript(%q) = %v, want %v", src, got, want)
		}
	}
}

// FuzzCheck checks the pre-filter never skips a page Page would report on,
// and that every finding lies inside the page.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"<script>x</script>", "a <b onclick=x> c", "> <div\n> onclick=x>", "```\n<script>\n```",
		"<a href=\"&#106;avascript:x\">", "- <i/onload=y>", "<b title='x'onmouseover=y>",
	} {
		f.Add([]byte(s))
	}
	k := New()
	f.Fuzz(func(t *testing.T, src []byte) {
		p := &site.Page{Path: "a.md", Source: src}
		p.Lines = diag.NewLines(src)
		ds := k.Page(p)
		if len(ds) > 0 && !mayHoldScript(src) {
			t.Fatalf("pre-filter skips %q, which holds %s", src, ds[0].Message)
		}
		for _, d := range ds {
			if d.Line < 1 || d.Column < 1 || d.EndLine < d.Line {
				t.Fatalf("finding at %d:%d-%d:%d", d.Line, d.Column, d.EndLine, d.EndColumn)
			}
		}
	})
}

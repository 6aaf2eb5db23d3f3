package sanitize

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestClean(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain text", "no tags here", "no tags here"},
		{"harmless html kept byte for byte", "<DIV  class=x\tid='y' >a &amp; b</DIV>\n<!-- c -->", "<DIV  class=x\tid='y' >a &amp; b</DIV>\n<!-- c -->"},
		{"script element", "a<script>alert(1)</script>b", "ab"},
		{"script upper case with attributes", "<SCRIPT type=module src=x.js></SCRIPT>", ""},
		{"unclosed script drops the rest", "a<script>alert(1)", "a"},
		{"self-closing script is still a script", "<script/>alert(1)</script>b", "b"},
		{"stray end tag", "</script>x", "x"},
		{"script end tag hidden in a string", "<script>var s = '</scr' + 'ipt>';</script>ok", "ok"},
		{"event handler", `<img src="a.png" onerror="alert(1)" alt=x>`, `<img src="a.png"  alt=x>`},
		{"event handler unquoted last", `<body onload=go()>`, `<body >`},
		{"event handler without space before", `<a title="t"onclick="x">`, `<a title="t">`},
		{"event handler after slash", `<a/onclick=x>`, `<a/>`},
		{"event handler mixed case", `<div OnMouseOver='x' class=c>`, `<div  class=c>`},
		{"repeated attribute goes too", `<a onclick=x onclick=y>`, `<a  >`},
		{"repeated harmless attribute kept", `<a href=x href=y>`, `<a href=x href=y>`},
		{"javascript URL", `<a href="javascript:alert(1)">x</a>`, `<a >x</a>`},
		{"javascript URL with entities and tabs", `<a href=" jAvA&#x09;script&colon;alert(1)">x</a>`, `<a >x</a>`},
		{"vbscript URL", `<a href='vbscript:msgbox'>x</a>`, `<a >x</a>`},
		{"form action", `<form action=javascript:x><button formaction="javascript:y">`, `<form ><button >`},
		{"svg animate values", `<svg><animate attributeName=href values="#;javascript:alert(1)"/></svg>`, `<svg><animate attributeName=href /></svg>`},
		{"srcdoc with script", `<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>`, `<iframe ></iframe>`},
		{"srcdoc harmless kept", `<iframe srcdoc="&lt;b&gt;hi&lt;/b&gt;"></iframe>`, `<iframe srcdoc="&lt;b&gt;hi&lt;/b&gt;"></iframe>`},
		{"ordinary URLs kept", `<a href="https://example.com/javascript:x">x</a><img src="../a.png">`, `<a href="https://example.com/javascript:x">x</a><img src="../a.png">`},
		{"onclick in text kept", "onclick=x and javascript:y in text", "onclick=x and javascript:y in text"},
		{"attribute named on kept", `<x on=1 one="two">`, `<x on=1 >`},
		{"handler without a value kept", "<A\n on0>", "<A\n on0>"},
		{"textarea break-out", `<textarea><a title="</textarea><img src=x onerror=alert(1)>">`, `<textarea><a title="</textarea><img src=x >">`},
		{"style holding markup is escaped", `<svg><style><img src=x onerror=alert(1)></style></svg>`, `<svg><style>&lt;img src=x onerror=alert(1)></style></svg>`},
		{"style holding css kept", `<style>a > b { color: red }</style>`, `<style>a > b { color: red }</style>`},
		{"noscript break-out", `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`, `<noscript><p title="</noscript><img src=x >">`},
		{"tag cut off at the end is text", `<div>x</div><img src=x title="`, `<div>x</div>&lt;img src=x title=&#34;`},
		{"unclosed comment is closed", "<div>\n<!-- note", "<div>\n<!-- note-->"},
		{"closed comment kept", "<!-- <script>alert(1)</script> -->", "<!-- <script>alert(1)</script> -->"},
		{"chinese kept", `<span title="标题" onclick="x">中文</span>`, `<span title="标题" >中文</span>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(Clean([]byte(tt.in)))
			if got != tt.want {
				t.Errorf("Clean(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
			if again := string(Clean([]byte(got))); again != got {
				t.Errorf("Clean is not idempotent: %q → %q", got, again)
			}
		})
	}
}

func TestDeepRawTextIsLinear(t *testing.T) {
	// <style> inside <style> is read again as markup at every level (SVG
	// may hold it); past maxDepth the text is escaped instead.
	in := strings.Repeat("<style>", 20000)
	out := string(Clean([]byte(in)))
	if !strings.HasPrefix(out, strings.Repeat("<style>", 1)) || strings.Count(out, "<") != 1 {
		t.Errorf("got %.80q…", out)
	}
	if fs := Find([]byte(in)); len(fs) != 1 || fs[0].Kind != Unreadable {
		t.Errorf("Find: %+v", fs)
	}
}

func TestCleanReturnsInputWhenNoTag(t *testing.T) {
	in := []byte("plain & simple")
	if out := Clean(in); &out[0] != &in[0] {
		t.Error("a fragment without tags was copied")
	}
}

func TestFind(t *testing.T) {
	src := "<p onclick=\"x\">a</p>\n<script src=s.js></script><a href='javascript:y'>b</a>"
	got := Find([]byte(src))
	want := []struct {
		kind      Kind
		text, tag string
		attr      string
	}{
		{EventHandler, `onclick="x"`, "p", "onclick"},
		{Script, "<script src=s.js>", "script", ""},
		{ScriptURL, "href='javascript:y'", "a", "href"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d findings, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.Kind != w.kind || src[g.Start:g.End] != w.text || g.Tag != w.tag || g.Attr != w.attr {
			t.Errorf("finding %d: got %v %q <%s %s>, want %v %q <%s %s>", i, g.Kind, src[g.Start:g.End], g.Tag, g.Attr, w.kind, w.text, w.tag, w.attr)
		}
	}
}

func TestFindInsideRawText(t *testing.T) {
	src := "<svg><style><img onerror=x></style></svg>"
	got := Find([]byte(src))
	if len(got) != 1 || src[got[0].Start:got[0].End] != "onerror=x" {
		t.Fatalf("got %+v", got)
	}
}

func TestScanAttrsMatchesTokenizer(t *testing.T) {
	for _, tag := range []string{
		`<a>`, `<a href=x>`, `<a  b = "c d"  e='f' g h=i/>`, `<a/b/c=d>`, `<a =x y==z>`,
		`<a b="c"d=e>`, `<a b=>`, `<a B=1 b=2>`, `<a b=c/>`, "<a\tb\n=\n'c'\f>", `<a x="1>2">`,
	} {
		checkScan(t, []byte(tag))
	}
}

// checkScan compares scanAttrs with the tokenizer on every start tag of src.
func checkScan(t *testing.T, src []byte) {
	t.Helper()
	z := xhtml.NewTokenizer(bytes.NewReader(src))
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return
		}
		if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
			continue
		}
		raw := append([]byte(nil), z.Raw()...)
		var spans []attr
		for _, a := range scanAttrs(raw) {
			if !a.repeated {
				spans = append(spans, a)
			}
		}
		_, more := z.TagName()
		var keys []string
		for more {
			var k []byte
			k, _, more = z.TagAttr()
			keys = append(keys, string(k))
		}
		if len(keys) != len(spans) {
			t.Fatalf("%q: tokenizer reads %q, scanner %+v", raw, keys, spans)
		}
		for i, s := range spans {
			if s.key != strings.ReplaceAll(keys[i], "\uFFFD", "\x00") || !strings.EqualFold(string(raw[s.start:s.start+len(s.key)]), s.key) {
				t.Fatalf("%q: attribute %d: tokenizer %q, scanner %q at %q", raw, i, keys[i], s.key, raw[s.start:s.end])
			}
		}
	}
}

// scriptIn parses out as a browser would, in body context and inside SVG and
// MathML, and describes the first thing that would run as script.
func scriptIn(out []byte) string {
	for _, wrap := range []string{"", "<svg>", "<math><mtext><table><mglyph>"} {
		nodes, err := xhtml.ParseFragment(bytes.NewReader(append([]byte(wrap), out...)), &xhtml.Node{Type: xhtml.ElementNode, Data: "body", DataAtom: atom.Body})
		if err != nil {
			return "parse error: " + err.Error()
		}
		for _, n := range nodes {
			if s := scriptNode(n); s != "" {
				return wrap + ": " + s
			}
		}
	}
	return ""
}

func scriptNode(n *xhtml.Node) string {
	if n.Type == xhtml.ElementNode {
		if n.Data == "script" {
			return "script element"
		}
		for _, a := range n.Attr {
			// A handler with no code (the parser cannot tell "on0" from
			// on0="") runs nothing.
			if kind := classify(strings.ToLower(a.Key), a.Val, 0); kind != 0 && !(kind == EventHandler && a.Val == "") {
				return fmt.Sprintf("%s %s=%q on <%s>", kind, a.Key, a.Val, n.Data)
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if s := scriptNode(c); s != "" {
			return s
		}
	}
	return ""
}

func TestCleanOutputHasNoScriptForAParser(t *testing.T) {
	for _, in := range []string{
		`<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
		`<svg><script>alert(1)</script></svg>`,
		`<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>`,
		`<svg><set attributeName=href to=javascript:alert(1) /></svg>`,
		`<iframe src=javascript:alert(1)></iframe>`,
		`<object data="javascript:alert(1)"></object>`,
	} {
		if s := scriptIn(Clean([]byte(in))); s != "" {
			t.Errorf("Clean(%q) = %q still holds %s", in, Clean([]byte(in)), s)
		}
	}
}

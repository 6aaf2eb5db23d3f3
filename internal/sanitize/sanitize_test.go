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
		{"allowed html written anew", "<DIV  align=center\tid='y' >a &amp; b</DIV>\n<!-- c -->", "<div align=\"center\" id=\"y\">a &amp; b</div>\n"},
		{"attributes not on the list go", `<span class=x style="color:red" data-x=1 title="t">s</span>`, `<span title="t">s</span>`},
		{"script element", "a<script>alert(1)</script>b", "ab"},
		{"script upper case with attributes", "<SCRIPT type=module src=x.js></SCRIPT>", ""},
		{"unclosed script drops the rest", "a<script>alert(1)", "a"},
		{"stray end tag", "</script>x", "x"},
		{"script end tag hidden in a string", "<script>var s = '</scr' + 'ipt>';</script>ok", "ok"},
		{"event handler", `<img src="a.png" onerror="alert(1)" alt=x>`, `<img src="a.png" alt="x">`},
		{"event handler without space before", `<a title="t"onclick="x">`, `<a title="t">`},
		{"unknown element loses its tags, keeps its text", `<body onload=go()>hi</body><x-y>z</x-y>`, `hiz`},
		{"repeated attribute: the first counts", `<a href=x href=javascript:y>`, `<a href="x">`},
		{"javascript URL", `<a href="javascript:alert(1)">x</a>`, `<a>x</a>`},
		{"javascript URL with entities and tabs", `<a href=" jAvA&#x09;script&colon;alert(1)">x</a>`, `<a>x</a>`},
		{"data URL", `<img src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;">`, `<img>`},
		{"mailto only in href", `<a href="mailto:a@b.c">m</a><img src="mailto:a@b.c">`, `<a href="mailto:a@b.c">m</a><img>`},
		{"srcset with a bad candidate", `<img srcset="a.png 1x, javascript:x 2x">`, `<img>`},
		{"srcset kept", `<img srcset="a.png 1x, https://e.org/b.png 2x">`, `<img srcset="a.png 1x, https://e.org/b.png 2x">`},
		{"iframe data URL", `<iframe src="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>after`, `after`},
		{"object and embed", `<object data="data:text/html,x"><embed src="x.svg"></object>y`, `y`},
		{"svg with script", `<svg><script>alert(1)</script><a href="#">x</a></svg>z`, `z`},
		{"math with a link", `<math><mtext><a href="javascript:x">t</a></mtext></math>z`, `z`},
		{"form", `<form action=javascript:x><button formaction="javascript:y">b</button></form>`, `b`},
		{"ordinary URLs kept", `<a href="https://example.com/javascript:x">x</a><img src="../a.png">`, `<a href="https://example.com/javascript:x">x</a><img src="../a.png">`},
		{"onclick in text kept", "onclick=x and javascript:y in text", "onclick=x and javascript:y in text"},
		{"textarea break-out", `<textarea><a title="</textarea><img src=x onerror=alert(1)>">`, `<img src="x">&#34;&gt;`},
		{"noscript break-out", `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`, `<img src="x">&#34;&gt;`},
		{"style", `<style>a > b { color: red }</style>t`, `t`},
		{"tag cut off at the end goes", `<div>x</div><img src=x title="`, `<div>x</div>`},
		{"comments go", "<!-- <script>alert(1)</script> -->a<!-- b", "a"},
		{"details and summary kept", `<details open ontoggle=alert(1)><summary>s</summary>d</details>`, `<details open=""><summary>s</summary>d</details>`},
		{"self-closing kept", `<br/><hr />`, `<br /><hr />`},
		{"chinese kept", `<span title="标题" onclick="x">中文</span>`, `<span title="标题">中文</span>`},
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

func TestDeepNestingIsLinear(t *testing.T) {
	in := strings.Repeat("<svg>", 20000) + "<script>x</script>" + strings.Repeat("<div>", 20000)
	if out := string(Clean([]byte(in))); out != "" {
		t.Errorf("got %.80q…", out)
	}
	in = strings.Repeat("<style>", 20000)
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

// TestIsScriptURL: the scheme is found through case, control bytes and
// spaces, as a browser finds it, and nowhere but at the start.
func TestIsScriptURL(t *testing.T) {
	for _, tc := range []struct {
		url  string
		want bool
	}{
		{"javascript:alert(1)", true},
		{"JavaScript:alert(1)", true},
		{" \tjava\nscript:x", true},
		{"\x01vbscript:msgbox", true},
		{"VBSCRIPT:", true},
		{"javascript", false},
		{"javascrip:", false},
		{"", false},
		{"docs/javascript:x.md", false},
		{"https://example.org/javascript:", false},
		{"../a.md#javascript:", false},
	} {
		if got := IsScriptURL(tc.url); got != tc.want {
			t.Errorf("IsScriptURL(%q) = %v, want %v", tc.url, got, tc.want)
		}
		if got := strings.HasPrefix(squeeze(tc.url), "javascript:") || strings.HasPrefix(squeeze(tc.url), "vbscript:"); got != tc.want {
			t.Errorf("squeeze disagrees on %q", tc.url)
		}
	}
}

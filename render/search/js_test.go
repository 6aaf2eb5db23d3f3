package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/dop251/goja"
)

// The browser client re-implements the tokeniser and the ranking in
// JavaScript. These tests run it in goja and check it agrees with the Go
// twin, term for term and hit for hit.

const scriptPath = "../../themes/default/assets/js/search.js"

func loadScript(t testing.TB) (*goja.Runtime, *goja.Object) {
	t.Helper()
	src, err := os.ReadFile(scriptPath)
	if err != nil {
		t.Fatal(err)
	}
	// goja has no Unicode property escapes (\p{L}); browsers all do. Swap
	// the two property regexps for Go's own tables, which are what the Go
	// tokeniser uses, and test everything else as written.
	const props = `WORD = /[\p{L}\p{Nd}]/u, MARK = /\p{M}/u;`
	if !strings.Contains(string(src), props) {
		t.Fatalf("search.js no longer declares %s", props)
	}
	script := strings.Replace(string(src), props, `WORD = {test: goIsWord}, MARK = {test: goIsMark};`, 1)
	vm := goja.New()
	first := func(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }
	vm.Set("goIsWord", func(s string) bool { r := first(s); return unicode.IsLetter(r) || unicode.IsDigit(r) })
	vm.Set("goIsMark", func(s string) bool { return unicode.IsMark(first(s)) })
	if _, err := vm.RunScript(scriptPath, script); err != nil {
		t.Fatal(err)
	}
	core := vm.Get("docsiteSearch")
	if core == nil || goja.IsUndefined(core) {
		t.Fatal("search.js did not define docsiteSearch")
	}
	return vm, core.ToObject(vm)
}

func call(t testing.TB, vm *goja.Runtime, obj *goja.Object, name string, args ...any) goja.Value {
	t.Helper()
	fn, ok := goja.AssertFunction(obj.Get(name))
	if !ok {
		t.Fatalf("docsiteSearch.%s is not a function", name)
	}
	vals := make([]goja.Value, len(args))
	for i, a := range args {
		vals[i] = vm.ToValue(a)
	}
	v, err := fn(goja.Undefined(), vals...)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

// tokenizeInputs covers every branch of the tokeniser, plus the fixture pages.
func tokenizeInputs(t testing.TB) []string {
	in := []string{"", "核心理念", "K8s部署", "Ｋ８ｓ", "ＡＢＣ－ｄｅｆ", "🚀 Launch 😀!", "👩‍💻️x",
		"サーバー", "マイ・ア", "쿠버네티스 표준", "Café naïve", "nai\u0308ve", "\u0308x", "İstanbul",
		"ΣΟΦΙΑ ΌΣΟΣ", "opa-wasm docker_shim", "中\n文", strings.Repeat("a", 50) + " b",
		"\U00020000\U00020001", "ｶﾀ", "Ⅻ ① ²", "ǅ Ǆ ǆ", "ẞ ß", "Ωmega K", "𐐀𐐨", "١٢٣ abc",
		"ไทย ภาษา", "עברית", "〇々〻", "ﾟ", "\u3099\u309a", "a\u200bb", "x\u00a0y"}
	for _, d := range loadFixtures(t) {
		in = append(in, d.Title)
		for _, s := range d.Sections {
			in = append(in, s.Heading, normalize(s.Text))
		}
	}
	return in
}

func TestScriptTokenizeAgrees(t *testing.T) {
	vm, core := loadScript(t)
	for _, s := range tokenizeInputs(t) {
		var got []struct {
			T string `json:"t"`
			P int    `json:"p"`
			N int    `json:"n"`
			S int    `json:"s"`
		}
		v := call(t, vm, core, "tokenize", s)
		b, _ := json.Marshal(v.Export())
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		want := Tokenize(s)
		var gs []string
		for _, g := range got {
			gs = append(gs, fmt.Sprintf("%s@%d+%d/%d", g.T, g.P, g.N, g.S))
		}
		if g, w := strings.Join(gs, " "), showSlots(want); g != w {
			t.Errorf("tokenize(%.40q)\n  js %.300s\n  go %.300s", s, g, w)
		}
	}
}

func TestScriptDecodeAgrees(t *testing.T) {
	vm, core := loadScript(t)
	files := buildFixtures(t)
	n := 0
	for name, b := range files {
		if !strings.Contains(name, "/shard-") {
			continue
		}
		var raw map[string]string
		mustJSON(t, b, &raw)
		for k, v := range raw {
			uni := utf8.RuneCountInString(k) == 1 && isCJKTerm(k)
			want, err := decodeList(v, uni)
			if err != nil {
				t.Fatal(err)
			}
			var got struct {
				Secs []struct {
					Sec, Cls, Hc, Bc int
					Head, Body       []int
				}
				Titles []struct {
					Doc, Words int
					Slots      []int
				}
			}
			b, _ := json.Marshal(call(t, vm, core, "decodeList", v, uni).Export())
			mustJSON(t, b, &got)
			w := fmt.Sprint(want.secs, want.titles)
			var gs []posting
			for _, p := range got.Secs {
				gs = append(gs, posting{p.Sec, p.Cls, p.Hc, p.Bc, p.Head, p.Body})
			}
			var gt []titlePosting
			for _, p := range got.Titles {
				gt = append(gt, titlePosting{p.Doc, p.Words, p.Slots})
			}
			if g := fmt.Sprint(gs, gt); g != w {
				t.Fatalf("decodeList(%q): js %s, go %s", v, g, w)
			}
			n++
		}
	}
	if n < 100 {
		t.Fatalf("only %d lists compared", n)
	}
}

// TestScriptSearchAgrees runs whole queries through both rankers over the
// fixture index and compares pages, sections, scores and snippets.
func TestScriptSearchAgrees(t *testing.T) {
	files := buildFixtures(t)
	vm, core := loadScript(t)
	// Parse with JSON.parse, as the browser's fetch().json() would.
	jsonParse, _ := goja.AssertFunction(vm.Get("JSON").ToObject(vm).Get("parse"))
	parse := func(name string) goja.Value {
		v, err := jsonParse(goja.Undefined(), vm.ToValue(string(files[name])))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return v
	}
	var langs []string
	json.Unmarshal(files["search/langs.json"], &langs)
	getMeta := func(l string) goja.Value { return parse("search/" + l + "/meta.json") }
	shardObjs := map[string]*goja.Object{}
	getShard := func(l string, m *goja.Object, s int) *goja.Object {
		name := fmt.Sprintf("search/%s/shard-%d.json", l, s)
		if shardObjs[name] == nil {
			o := vm.NewObject()
			o.Set("raw", parse(name))
			shardObjs[name] = o
		}
		return shardObjs[name]
	}
	queries := []struct{ lang, q string }{
		{"zh-CN", "核心理念"}, {"zh-CN", "orchestration"}, {"en", "orchestr"}, {"en", "kubernetes orche"},
		{"zh-CN", "K8s部署"}, {"zh-CN", "Ｋ８ｓ"}, {"zh-CN", "技术"}, {"zh-CN", "镜"}, {"zh-CN", "适用于技术决策"},
		{"ja", "サーバーレス"}, {"ko", "오케스트레이션"}, {"en", "script alert"}, {"zh-CN", "容器 编排 docker"},
		{"fr", "café"}, {"zh-CN", "不存在的词"}, {"zh-CN", "1.2"}, {"zh-CN", "核心理念演进"}, {"zh-CN", "理念 演进"},
		{"en", "constructor hasOwnProperty"}, {"en", "valueOf"}, {"en", "proto"}, {"en", "pods v2"},
		{"zh-CN", "OPA 准入控制"}, {"en", "admission policies"}, {"zh-CN", "部署 k8s v1.30"},
	}
	for _, tt := range queries {
		want, wantPartial, err := query(files, tt.lang, tt.q)
		if err != nil {
			t.Fatal(err)
		}
		p := call(t, vm, core, "search", vm.NewArray(anys(langs)...), tt.lang, tt.q, getMeta, getShard)
		promise, ok := p.Export().(*goja.Promise)
		if !ok || promise.State() != goja.PromiseStateFulfilled {
			t.Fatalf("%s: search did not resolve: %v", tt.q, p)
		}
		res := promise.Result().ToObject(vm)
		got := res.Get("hits").ToObject(vm)
		if res.Get("partial").ToBoolean() != wantPartial {
			t.Errorf("%q: js partial %v, go %v", tt.q, res.Get("partial"), wantPartial)
		}
		n := int(got.Get("length").ToInteger())
		if n != len(want) {
			t.Errorf("%q: js %d hits, go %d", tt.q, n, len(want))
			continue
		}
		for i := range n {
			h := got.Get(fmt.Sprint(i)).ToObject(vm)
			w := want[i]
			m := h.Get("meta").ToObject(vm)
			g := int(h.Get("g").ToInteger())
			var mm meta
			mustJSON(t, files["search/"+h.Get("lang").String()+"/meta.json"], &mm)
			mm.index()
			c := mm.chunkOf(g)
			chunk := parse(fmt.Sprintf("search/%s/t/%d.json", h.Get("lang").String(), c))
			pg := call(t, vm, core, "page", chunk, m, g).ToObject(vm)
			url, sec, score := pg.Get("url").String(), int(h.Get("sec").ToInteger()), h.Get("score").ToFloat()
			if url != w.URL || sec != w.Section || pg.Get("anchor").String() != w.Anchor || math.Abs(score-w.Score) > 1e-9*math.Max(1, w.Score) {
				t.Errorf("%q hit %d: js %s §%d %.12g, go %s §%d %.12g", tt.q, i, url, sec, score, w.URL, w.Section, w.Score)
				continue
			}
			frags := call(t, vm, core, "snippet", pg.Get("text"), h.Get("groups"), h.Get("lists"), snippetWidth)
			var fs [][]any
			b, _ := json.Marshal(frags.Export())
			json.Unmarshal(b, &fs)
			var js strings.Builder
			for _, f := range fs {
				if f[1].(bool) {
					js.WriteString("[" + f[0].(string) + "]")
				} else {
					js.WriteString(f[0].(string))
				}
			}
			if js.String() != markText(w.Snippet) {
				t.Errorf("%q hit %d snippet:\n  js %s\n  go %s", tt.q, i, js.String(), markText(w.Snippet))
			}
		}
	}
}

func anys(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// TestScriptTokenizeNode runs the script unmodified, Unicode property
// escapes included, in Node.js when it is installed.
func TestScriptTokenizeNode(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed")
	}
	in := tokenizeInputs(t)
	b, _ := json.Marshal(in)
	prog := `const fs = require("fs");
require(process.argv[1]);
const inputs = JSON.parse(fs.readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(inputs.map(s => docsiteSearch.tokenize(s).map(t => t.t + "@" + t.p + "+" + t.n + "/" + t.s).join(" "))));`
	abs, _ := filepath.Abs(scriptPath)
	cmd := exec.Command(node, "-e", prog, abs)
	cmd.Stdin = bytes.NewReader(b)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var got []string
	if err := json.Unmarshal(out, &got); err != nil || len(got) != len(in) {
		t.Fatalf("node output: %v %.200s", err, out)
	}
	for i, s := range in {
		if w := showSlots(Tokenize(s)); got[i] != w {
			t.Errorf("tokenize(%.40q)\n  node %.300s\n  go   %.300s", s, got[i], w)
		}
	}
}

func showSlots(toks []Token) string {
	var s []string
	for _, t := range toks {
		s = append(s, fmt.Sprintf("%s@%d+%d/%d", t.Term, t.Pos, t.Len, t.Slot))
	}
	return strings.Join(s, " ")
}

package cjk

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
)

func TestEmphasis(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		// The cases that motivated the amendment.
		{"**（集装箱）**是", "<strong>（集装箱）</strong>是"},
		{"**演进论证**：", "<strong>演进论证</strong>："},
		{"这是**“引用”**内容", "这是<strong>“引用”</strong>内容"},
		{"*斜体*文字", "<em>斜体</em>文字"},
		{"**Docker（集装箱）**：", "<strong>Docker（集装箱）</strong>："},
		{"**该星号不会被识别，而是直接显示。**这是因为", "<strong>该星号不会被识别，而是直接显示。</strong>这是因为"},
		{"**このアスタリスクは強調記号として認識されず、そのまま表示されます。**この文", "<strong>このアスタリスクは強調記号として認識されず、そのまま表示されます。</strong>この文"},
		{"**표시됩니다(이 괄호 때문에)**이 문장", "<strong>표시됩니다(이 괄호 때문에)</strong>이 문장"},
		{"中文*“引号”*中文", "中文<em>“引号”</em>中文"},

		// Bold spans from the seed page of the corpus.
		{"**演进论证（问题 → 解法 → 副作用 → 再演化）**：", "<strong>演进论证（问题 → 解法 → 副作用 → 再演化）</strong>："},
		{"**问题**：依赖地狱、\"在我机器能跑\"的世纪难题", "<strong>问题</strong>：依赖地狱、&quot;在我机器能跑&quot;的世纪难题"},
		{"**K3s 1.30**：内置 WasmEdge", "<strong>K3s 1.30</strong>：内置 WasmEdge"},
		{"**2025 年技术趋势汇总**：", "<strong>2025 年技术趋势汇总</strong>："},
		{"**GitOps 和持续交付**：GitOps", "<strong>GitOps 和持续交付</strong>：GitOps"},

		// CommonMark behaviour that must survive.
		{"*foo*bar", "<em>foo</em>bar"},
		{"foo*bar*", "foo<em>bar</em>"},
		{"** foo**", "** foo**"},
		{"**foo **", "**foo **"},
		{"__foo__bar", "__foo__bar"},
		{"foo__bar__", "foo__bar__"},
		{"snake_case_name", "snake_case_name"},
		{"a * b *", "a * b *"},
		{"a*\"foo\"*", "a*&quot;foo&quot;*"},
		{"**foo*", "*<em>foo</em>"},
		{"*foo**bar**baz*", "<em>foo<strong>bar</strong>baz</em>"},
		{"\\**not**", "*<em>not</em>*"},

		// `_` stays literal inside CJK words, as inside Latin ones.
		{"中_文_字", "中_文_字"},
		{"見出し__（注）__です", "見出し__（注）__です"},
		{"（_注_）", "（<em>注</em>）"},

		// Emoji are not CJK: they stay (non-CJK) punctuation.
		{"**😀**a", "**😀**a"},
		{"**。**a", "<strong>。</strong>a"},
		{"中**😀**a", "中**😀**a"},
		{"😀**“x”**中", "😀<strong>“x”</strong>中"},

		// Hangul, including jamo of neutral width.
		{"**“한”**이", "<strong>“한”</strong>이"},
		{"ᆨ**“x”**", "ᆨ<strong>“x”</strong>"},

		// Variation selectors: the base character decides.
		{"葛\U000E0100**“x”**", "葛\U000E0100<strong>“x”</strong>"},
		{"a\uFE00**“x”**", "a\uFE00**“x”**"},
		{"中\uFE00**“x”**", "中\uFE00<strong>“x”</strong>"},
		{"**“y”\uFE01**a", "<strong>“y”\uFE01</strong>a"}, // U+FE01 makes a quote full-width
		{"**“y”\uFE00**a", "**“y”\uFE00**a"},
		{"\uFE00**“x”**", "\uFE00**“x”**"},

		// Composition with GFM and footnotes.
		{"~~删除~~文字", "<del>删除</del>文字"},
		{"**（~~删除~~）**是", "<strong>（<del>删除</del>）</strong>是"},
		{"见**（注）**[^1]\n\n[^1]: 注释", "见<strong>（注）</strong><sup id=\"fnref:1\">"},
		{"**（链接 https://example.com）**是", "<strong>（链接 <a href=\"https://example.com\">https://example.com</a>）</strong>是"},
		{"[**（链接）**](u)是", "<a href=\"u\"><strong>（链接）</strong></a>是"},
	}
	for _, tt := range tests {
		got := render(t, tt.in)
		got = strings.TrimSuffix(strings.TrimPrefix(got, "<p>"), "</p>\n")
		if !strings.HasPrefix(got, tt.want) {
			t.Errorf("%q\n got  %q\n want %q", tt.in, got, tt.want)
		}
	}
}

func TestStrikethrough(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"~~（删除）~~是", "<p><del>（删除）</del>是</p>\n"},
		{"~（删除）~是", "<p><del>（删除）</del>是</p>\n"},
		{"这是~~“旧的”~~新的", "<p>这是<del>“旧的”</del>新的</p>\n"},
		{"~~删除~~文字", "<p><del>删除</del>文字</p>\n"},
		{"是~~~（删除）~~~是", "<p>是~~~（删除）~~~是</p>\n"},
		{"a ~~ b ~~", "<p>a ~~ b ~~</p>\n"},
		{"~~**（粗）**~~是", "<p><del><strong>（粗）</strong></del>是</p>\n"},
		// A single "~" for "about" next to Chinese brackets is text, as on GitHub.
		{"延迟（~10 ns）比（~20 ns）低", "<p>延迟（~10 ns）比（~20 ns）低</p>\n"},
		{"约（~10）与（~20）", "<p>约（~10）与（~20）</p>\n"},
	}
	withGFM := goldmark.New(goldmark.WithExtensions(extensionGFM(WithStrikethrough(true))...))
	alone := goldmark.New(goldmark.WithExtensions(New(WithStrikethrough(true))))
	for _, tt := range tests {
		if got := convert(t, withGFM, tt.in); got != tt.want {
			t.Errorf("with GFM: %q\n got  %q\n want %q", tt.in, got, tt.want)
		}
		if got := convert(t, alone, tt.in); got != tt.want {
			t.Errorf("without GFM: %q\n got  %q\n want %q", tt.in, got, tt.want)
		}
	}
	// Off by default: GFM's own rules apply.
	if got, want := render(t, "~~（删除）~~是"), "<p>~~（删除）~~是</p>\n"; got != want {
		t.Errorf("default: got %q, want %q", got, want)
	}
}

// TestReference replays inputs rendered by markdown-it with
// markdown-it-cjk-friendly (see testdata/reference.mjs); most of them
// render differently from plain CommonMark.
func TestReference(t *testing.T) {
	f, err := os.Open("testdata/reference.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	md := goldmark.New(goldmark.WithExtensions(New()))
	n := 0
	for sc := bufio.NewScanner(f); sc.Scan(); n++ {
		var c struct{ In, HTML string }
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		if got := convert(t, md, c.In); got != c.HTML {
			t.Errorf("%q\n got  %q\n want %q", c.In, got, c.HTML)
		}
	}
	if n < 700 {
		t.Fatalf("only %d reference cases", n)
	}
}

// TestASCIIUnchanged checks that the extension is invisible without CJK
// text, on the kind of input the emphasis rules are subtle about.
func TestASCIIUnchanged(t *testing.T) {
	for _, in := range asciiSeeds {
		if got, want := render(t, in), renderGFM(t, in); got != want {
			t.Errorf("%q\n got  %q\n want %q", in, got, want)
		}
	}
}

var asciiSeeds = []string{
	"*foo*bar", "foo*bar*", "** foo**", "__foo__bar", "a * b *", "_foo_bar_",
	"*(*foo*)*", "**foo \"*bar*\" foo**", "*foo**bar***", "foo***bar***baz",
	"__foo, __bar__, baz__", "*a `*`*", "[*foo*](u*)", "**a<b>**", "_(_foo_)_",
	"***strong emph***", "*foo\nbar*", "> *quote*\n> _b_", "- *item*\n- __x__",
	"a\\*b\\*", "~~x~~ **y**", "~a~ ~~b~~ ~~~c~~~ a~~b~~c ~~ d~~", "www.example.com/*a*", "x_y_z *", "*\t*", "",
}

func FuzzEmphasis(f *testing.F) {
	for _, s := range asciiSeeds {
		f.Add(s)
	}
	f.Add("**（集装箱）**是")
	f.Add("这是**“引用”**内容\n适用\n于")
	f.Add("中\uFE00**“x”**")
	f.Add("葛\U000E0100_“x”_")
	f.Add("\uFE01**\xff**")
	f.Add("«*»a*» _Ж_ — “*x*”")
	f.Add("~~（删除）~~是 ~x~ ~~~y~~~")
	md := goldmark.New(goldmark.WithExtensions(extensionGFM(WithStrikethrough(true))...))
	base := goldmark.New(goldmark.WithExtensions(extensionGFM()[:2]...))
	f.Fuzz(func(t *testing.T, in string) {
		got := convert(t, md, in)
		// Everything the extension treats specially (CJK, variation
		// selectors, U+200B) lies at U+1100 or above; below that it must
		// change nothing. That covers all ASCII input.
		if !belowHangul(in) {
			return
		}
		if want := convert(t, base, in); got != want {
			t.Errorf("%q\n got  %q\n want %q", in, got, want)
		}
	})
}

// belowHangul reports whether s is valid UTF-8 with no rune from U+1100 up.
func belowHangul(s string) bool {
	for _, r := range s {
		if r >= 0x1100 { // invalid bytes decode as U+FFFD
			return false
		}
	}
	return true
}

func BenchmarkRender(b *testing.B) {
	var sb strings.Builder
	for i := 0; i < 50; i++ {
		sb.WriteString("**Docker（集装箱）**：\n\n- **问题**：依赖地狱、\"在我机器能跑\"的世纪难题，适用\n  于技术决策、学习路径和架构设计参考。\n")
		sb.WriteString("- **解法**：把 *应用+依赖* 打成不可变镜像（见 [2. 理念层](../p.md)），`docker build` 即可。\n\n")
		sb.WriteString("Plain English text with *emphasis*, __strong__ and snake_case_words, repeated.\n\n")
	}
	src := []byte(sb.String())
	for _, bc := range []struct {
		name string
		md   goldmark.Markdown
	}{
		{"gfm", goldmark.New(goldmark.WithExtensions(extensionGFM()[:2]...))},
		{"gfm+cjk", goldmark.New(goldmark.WithExtensions(extensionGFM()...))},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				var out strings.Builder
				if err := bc.md.Convert(src, &out); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

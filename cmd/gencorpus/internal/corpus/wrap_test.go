package corpus

import (
	"strings"
	"testing"
)

func TestRuneWidth(t *testing.T) {
	for _, tc := range []struct {
		s string
		w int
	}{
		{"abc", 3}, {"中文", 4}, {"（）", 4}, {"→", 1}, {"📑", 2}, {"⭐", 2}, {"µs", 2}, {"K8s部署", 7},
	} {
		if got := textWidth(tc.s); got != tc.w {
			t.Errorf("textWidth(%q) = %d, want %d", tc.s, got, tc.w)
		}
	}
}

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		width    int
		first    string
		rest     string
		want     string
	}{
		{"fits", "短句。", 80, "", "", "短句。\n"},
		{"chinese breaks mid-sentence", "一二三四五六", 6, "", "", "一二三\n四五六\n"},
		{"space is dropped at a break", "abc def", 4, "", "", "abc\ndef\n"},
		{"no break between latin letters", "abcdefgh", 4, "", "", "abcdefgh\n"},
		{"link stays whole", "见 [一二 三](../a.md#x)。", 8, "", "", "见\n[一二 三](../a.md#x)\n。\n"},
		{"hanging indent", "一二三四五六", 8, "- ", "  ", "- 一二三\n  四五六\n"},
		{"bold stays attached", "一二**三四**五", 6, "", "", "一\n二**三\n四**五\n"},
		{"no list marker at line start", "一二 - 三", 5, "", "", "一\n二 -\n三\n"},
		{"no ordered marker at line start", "一二 2. 三", 5, "", "", "一\n二 2.\n三\n"},
		{"cite atom", "适合边缘设备 [k3s-memory]", 14, "", "", "适合边缘设备\n[k3s-memory]\n"},
		{"dollar trap is one unit", "价格 $5 和 $10", 6, "", "", "价格\n$5 和 $10\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := wrap(tc.in, tc.width, tc.first, tc.rest); got != tc.want {
				t.Errorf("wrap(%q, %d) =\n%q\nwant\n%q", tc.in, tc.width, got, tc.want)
			}
		})
	}
}

// wrapInvariants: nothing but spaces is lost or added, and every line that
// could have been broken fits the width.
func wrapInvariants(t *testing.T, in string, width int) {
	out := wrap(in, width, "", "")
	squash := func(s string) string { return strings.NewReplacer(" ", "", "\n", "").Replace(s) }
	if squash(out) != squash(in) {
		t.Fatalf("wrap changed content:\n%q\n%q", in, out)
	}
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if textWidth(l) > width && len(tokenize(l)) > 1 {
			units := tokenize(l)
			for k := 1; k < len(units); k++ {
				if breakBefore(units, k) {
					t.Fatalf("line %q (width %d) exceeds %d but has a break opportunity", l, textWidth(l), width)
				}
			}
		}
	}
}

func FuzzWrap(f *testing.F) {
	for _, s := range []string{
		"本文档提供 Docker → Kubernetes → K3s 技术栈的完整知识结构，适用于技术决策。",
		"**Docker（集装箱）**：把\"应用+依赖\"打成镜像 [k3s-memory]（见 [1.4](#14-技术决策树)）",
		"设技术栈为 $T = \\{D, K\\}$，价格是 $5 和 $10，`code span` 与 <a href=\"#x\">HTML</a>",
		"[k3s-startup]: [K3s 启动时间](https://docs.k3s.io/) [wasmedge-startup]: [WasmEdge](https://wasmedge.org/docs/)",
		"", " ", "[", "$", "`", "<", "**", "1. 2. 3.", "- - -",
	} {
		f.Add(s, 20)
	}
	f.Fuzz(func(t *testing.T, s string, width int) {
		if strings.ContainsAny(s, "\n\t\r") || width < 1 || width > 200 {
			t.Skip()
		}
		wrapInvariants(t, s, width)
	})
}

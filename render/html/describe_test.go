package html

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDescribe(t *testing.T) {
	long := strings.Repeat("Kubernetes schedules containers onto nodes. ", 8)
	han := strings.Repeat("容器运行时负责拉取镜像并启动容器，", 10)
	cases := []struct {
		name, in, want string
	}{
		{"short kept", "  A short\n paragraph.  ", "A short paragraph."},
		{"latin at a word", long, "Kubernetes schedules containers onto nodes. Kubernetes schedules containers onto nodes. Kubernetes schedules containers onto nodes. Kubernetes schedules…"},
		{"han at a character", han, strings.Repeat("容器运行时负责拉取镜像并启动容器，", 4) + "容器运行时负责拉取镜像…"},
		{"mixed", "在 Kubernetes 中，" + strings.Repeat("Pod 是最小的调度单位，", 12), "在 Kubernetes 中，Pod 是最小的调度单位，Pod 是最小的调度单位，Pod 是最小的调度单位，Pod 是最小的调度单位，Pod 是最小的调度单位，Pod 是最小的调度单位，Pod 是最…"},
		{"one long word", strings.Repeat("x", 400), strings.Repeat("x", 159) + "…"},
		{"invalid UTF-8", "a\xffb", "ab"},
	}
	for _, c := range cases {
		got := Describe(c.in)
		if got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
		width := 0
		for _, r := range got {
			width += runeWidth(r)
		}
		if width > descriptionWidth || !utf8.ValidString(got) {
			t.Errorf("%s: %d columns (limit %d), valid UTF-8 %v", c.name, width, descriptionWidth, utf8.ValidString(got))
		}
	}
}

func TestOGLocale(t *testing.T) {
	for in, want := range map[string]string{"zh-CN": "zh_CN", "zh": "zh_CN", "en": "en_US", "en-GB": "en_GB", "fr": "fr", "pt_br": "pt_BR"} {
		if got := ogLocale(in); got != want {
			t.Errorf("ogLocale(%s) = %s, want %s", in, got, want)
		}
	}
}

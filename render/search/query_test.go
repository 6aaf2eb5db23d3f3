package search

import (
	"strings"
	"testing"
)

func TestQueryRanking(t *testing.T) {
	files := buildFixtures(t)
	tests := []struct {
		lang, q string
		url     string // expected first hit
		anchor  string // and its section
		snippet string // a substring of its marked snippet, if set
	}{
		// The new-user checks.
		{"zh-CN", "核心理念", "/01-overview/", "121-核心理念演进", ""},
		{"zh-CN", "orchestration", "/10-orchestration/", "101-what-orchestration-means", "[orchestration]"},
		{"en", "orchestration", "/10-orchestration/", "101-what-orchestration-means", ""},
		// A heading's words rank that page first, at that section.
		{"zh-CN", "技术层次划分", "/01-overview/", "122-技术层次划分", ""},
		{"zh-CN", "不可变基础设施", "/02-principles/", "22-不可变基础设施", ""},
		{"zh-CN", "控制循环", "/02-principles/", "21-声明式与控制循环", "[控制循环]"},
		{"en", "scheduling", "/10-orchestration/", "102-scheduling", ""},
		{"en", "admission control", "/11-policy/", "111-admission-control", "[admission]"},
		// Body text, where no heading helps.
		{"zh-CN", "调和动作", "/02-principles/", "21-声明式与控制循环", "[调和动作]"},
		{"zh-CN", "期望状态", "/02-principles/", "", ""},
		// Mixed, full-width and wrapped text.
		{"zh-CN", "K8s部署", "/03-deploy/", "31-k8s部署流程", ""},
		{"zh-CN", "Ｋ８ｓ全角", "/03-deploy/", "32-ｋ８ｓ全角写法", ""},
		{"zh-CN", "适用于技术决策", "/01-overview/", "11-文档定位", "[适用于技术决策]"},
		// A word being typed completes.
		{"en", "orchestr", "/10-orchestration/", "101-what-orchestration-means", "[orchestrat"},
		{"en", "microsec", "/11-policy/", "", "[microseconds]"},
		// Kana and Hangul, from another page language.
		{"zh-CN", "サーバーレス", "/20-overview/", "サーバーレスとエッジ", "[サーバーレス]"},
		{"ko", "오케스트레이션", "/21-overview/", "쿠버네티스-오케스트레이션", ""},
		// A single character.
		{"zh-CN", "镜", "/02-principles/", "22-不可变基础设施", "[镜]"},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			hits, err := query(files, tt.lang, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if len(hits) == 0 {
				t.Fatalf("no hits")
			}
			h := hits[0]
			if h.URL != tt.url || tt.anchor != "" && h.Anchor != tt.anchor {
				t.Errorf("first hit %s#%s, want %s#%s\n%s", h.URL, h.Anchor, tt.url, tt.anchor, dump(hits))
			}
			if s := markText(h.Snippet); !strings.Contains(s, tt.snippet) {
				t.Errorf("snippet %q lacks %q", s, tt.snippet)
			}
		})
	}
}

func dump(hits []Hit) string {
	var b strings.Builder
	for i, h := range hits {
		if i == 5 {
			break
		}
		b.WriteString("  " + h.URL + "#" + h.Anchor + "  " + strings.Repeat(" ", 0))
		b.WriteString(strings.TrimSpace(markText(h.Snippet)))
		b.WriteString("\n")
	}
	return b.String()
}

func TestQueryNoMatch(t *testing.T) {
	files := buildFixtures(t)
	for _, q := range []string{"", "   ", "🚀", "zzzzqqq", "。，"} {
		if hits := Query(files, "zh-CN", q); len(hits) != 0 {
			t.Errorf("Query(%q) = %d hits", q, len(hits))
		}
	}
}

func TestQueryCodeNotIndexed(t *testing.T) {
	files := buildFixtures(t)
	for _, h := range Query(files, "zh-CN", "reconcile") {
		t.Errorf("code block text found: %s", h.URL)
	}
}

func TestQueryTerms(t *testing.T) {
	tests := []struct{ q, want string }{
		{"核心理念", "核心 心理 理念"},
		{"核 心", "核 心"},
		{"核心 理念", "核心 理念"},
		{"K8s部署", "k8s 部署"},
		{"orchestr", "orchestr*"},
		{"orchestr ", "orchestr"},
		{"or", "or"},
		{"kubernetes orche", "kubernetes orche*"},
		{"a a A", "a"},
		{strings.Repeat("a", 45), strings.Repeat("a", maxWord)},
	}
	for _, tt := range tests {
		var got []string
		for _, q := range queryTerms(tt.q) {
			s := q.term
			if q.prefix {
				s += "*"
			}
			got = append(got, s)
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("queryTerms(%q) = %q, want %q", tt.q, g, tt.want)
		}
	}
}

func TestSnippet(t *testing.T) {
	keys := func(ks ...string) func(string) bool {
		return func(t string) bool {
			for _, k := range ks {
				if k == t {
					return true
				}
			}
			return false
		}
	}
	long := strings.Repeat("前文", 60) + "核心理念演进" + strings.Repeat("后文", 60)
	tests := []struct {
		text  string
		match func(string) bool
		width int
		want  string
	}{
		{"核心理念演进", keys("核心", "心理", "理念"), 80, "[核心理念]演进"},
		{"the Pod and the pod", keys("pod"), 80, "the [Pod] and the [pod]"},
		{"abcdef", keys(), 3, "abc…"},
		{long, keys("核心", "心理", "理念"), 30, "…文前文前文前文前文前文前文前文[核心理念]演进后文后文后文后文后…"},
		{"", keys("x"), 80, ""},
	}
	for _, tt := range tests {
		if got := markText(snippet(tt.text, tt.match, tt.width)); got != tt.want {
			t.Errorf("snippet(%.20q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestPickLang(t *testing.T) {
	langs := []string{"en", "zh-CN"}
	for want, got := range map[string]string{"zh-CN": "zh-CN", "zh-cn": "zh-CN", "zh": "zh-CN", "zh-TW": "zh-CN", "en-US": "en", "fr": "en", "": "en"} {
		if g := pickLang(langs, want); g != got {
			t.Errorf("pickLang(%q) = %q, want %q", want, g, got)
		}
	}
}

func FuzzQuery(f *testing.F) {
	files := buildFixtures(f)
	for _, q := range []string{"核心理念", "orchestr", "K8s部署", "a b c d e f g h i j k l m n o p q r s t u v w x y z 1 2 3 4 5 6 7 8 9", "镜", "🚀"} {
		f.Add("zh-CN", q)
	}
	f.Fuzz(func(t *testing.T, lang, q string) {
		hits, err := query(files, lang, q)
		if err != nil {
			t.Fatal(err)
		}
		for i := 1; i < len(hits); i++ {
			if hits[i].Score > hits[i-1].Score {
				t.Fatalf("hits out of order for %q", q)
			}
		}
	})
}

package search

import (
	"strconv"
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
			hits, _, err := query(files, tt.lang, tt.q)
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
		{"cgroups v2", "cgroup v2 | cgroup+v2"},
		{"Kubernetes 1.30 调度", "kubernete 1 30 调度 | kubernete+1+30@3 调度"},
		{"核心理念 OPA", "核心 心理 理念 opa* | 核心+心理+理念 opa"},
		{"orchestr", "orchestr*"},
		{"orchestr ", "orchestr"},
		{"or", "or"},
		{"kubernetes orche", "kubernete orche*"},
		{"a a A", "a"},
		{strings.Repeat("a", 45), strings.Repeat("a", maxWord)},
	}
	for _, tt := range tests {
		terms, groups := parseQuery(tt.q)
		var got []string
		for _, q := range terms {
			s := q.term
			if q.prefix {
				s += "*"
			}
			got = append(got, s)
		}
		g := strings.Join(got, " ")
		if strings.Contains(tt.want, "|") {
			var gs []string
			for _, gr := range groups {
				var parts []string
				for k, ti := range gr.terms {
					p := terms[ti].term
					if k > 0 && gr.off[k] != k {
						p += "@" + strconv.Itoa(gr.off[k])
					}
					parts = append(parts, p)
				}
				gs = append(gs, strings.Join(parts, "+"))
			}
			g += " | " + strings.Join(gs, " ")
		}
		if g != tt.want {
			t.Errorf("parseQuery(%q) = %q, want %q", tt.q, g, tt.want)
		}
	}
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("前文", 60) + "核心理念演进" + strings.Repeat("后文", 60)
	tests := []struct {
		text, q string
		width   int
		want    string
	}{
		{"核心理念演进", "核心理念", 80, "[核心理念]演进"},
		{"核心理念、理念演进", "核心理念演进", 80, "[核心理念]、[理念演进]"},
		{"设计优化与审计优化", "审计优化", 80, "设计优化与[审计优化]"},
		{"the Pod and the pods", "pod", 80, "the [Pod] and the [pods]"},
		{"cgroups v2 and v2 of cgroup", "cgroups v2", 80, "[cgroups v2] and v2 of cgroup"},
		{"abcdef", "x", 3, "abc…"},
		{"公式 \uFFFC 在此", "在此", 80, "公式 [公式] [在此]"},
		{long, "核心理念", 30, "…文前文前文前文前文前文前文前文[核心理念]演进后文后文后文后文后…"},
		{"", "x", 80, ""},
	}
	for _, tt := range tests {
		terms, groups := parseQuery(tt.q)
		lists := make([][]weighted, len(terms))
		for i, q := range terms {
			lists[i] = []weighted{{key: q.term, weight: 1}}
		}
		if got := markText(snippet(tt.text, terms, groups, lists, tt.width)); got != tt.want {
			t.Errorf("snippet(%.20q, %q) = %q, want %q", tt.text, tt.q, got, tt.want)
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
		hits, _, err := query(files, lang, q)
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

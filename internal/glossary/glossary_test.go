package glossary

import (
	"slices"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestNewMerges(t *testing.T) {
	g, cs := New([]Entry{
		{Term: "K3s", Expansion: "Lightweight Kubernetes", Explanation: "轻量发行版", Lang: "zh-CN", File: "GLOSSARY.md"},
		{Term: "K3s", Expansion: "lightweight  kubernetes", Explanation: "A light distribution", Lang: "en", File: "GLOSSARY.en.md"},
		{Term: "Wasm", Expansion: "WebAssembly"},
		{Term: "wasm", Explanation: "a binary format"},
		{Term: "容器", Explanation: "隔离的进程"},
	})
	if len(cs) != 0 {
		t.Fatalf("conflicts %+v", cs)
	}
	if n := len(g.Terms()); n != 3 {
		t.Fatalf("%d terms, want 3", n)
	}
	k3s := g.Lookup("K3s")
	if k3s.Expansion != "Lightweight Kubernetes" || k3s.ExplanationIn("en") != "A light distribution" ||
		k3s.ExplanationIn("zh-CN") != "轻量发行版" || k3s.ExplanationIn("zh") != "轻量发行版" || k3s.ExplanationIn("fr") != "轻量发行版" {
		t.Errorf("K3s merged wrong: %+v", k3s)
	}
	if w := g.Lookup("WASM"); w == nil || w.Term != "Wasm" || w.Explanation != "a binary format" || !w.Fold {
		t.Errorf("Wasm merged wrong: %+v", w)
	}
	if g.Lookup("k3s") != nil {
		t.Error("acronyms must be looked up in their own case")
	}
}

func TestNewConflicts(t *testing.T) {
	_, cs := New([]Entry{
		{Term: "CRI", Expansion: "Container Runtime Interface", File: "a.md", Offset: 10},
		{Term: "CRI", Expansion: "Container Runtime Interface", File: "b.md"},
		{Term: "CRI", Explanation: "no expansion, no conflict", File: "c.md"},
		{Term: "CRI", Expansion: "Common Runtime Interface", File: "d.md", Offset: 42},
		{Term: "cri", Expansion: "lower-case is another acronym", File: "e.md"},
		{Term: "Rego", Expansion: "Rego policy language", File: "a.md"},
		{Term: "REGO", Expansion: "an acronym of its own", File: "a.md"},
		{Term: "rego", Expansion: "Rego language", File: "f.md"},
	})
	want := []Conflict{
		{Term: "CRI", First: Entry{Term: "CRI", Expansion: "Container Runtime Interface", File: "a.md", Offset: 10},
			Second: Entry{Term: "CRI", Expansion: "Common Runtime Interface", File: "d.md", Offset: 42}},
		{Term: "Rego", First: Entry{Term: "Rego", Expansion: "Rego policy language", File: "a.md"},
			Second: Entry{Term: "rego", Expansion: "Rego language", File: "f.md"}},
	}
	if len(cs) != len(want) {
		t.Fatalf("conflicts %+v", cs)
	}
	for i := range want {
		if cs[i].Term != want[i].Term || cs[i].First.File != want[i].First.File || cs[i].Second.File != want[i].Second.File ||
			cs[i].Second.Offset != want[i].Second.Offset || cs[i].Second.Expansion != want[i].Second.Expansion {
			t.Errorf("conflict %d = %+v\nwant %+v", i, cs[i], want[i])
		}
	}
}

func TestCaseless(t *testing.T) {
	for term, want := range map[string]bool{
		"Wasm": true, "etcd": true, "Rego": true, "container": true,
		"K8s": false, "gRPC": false, "IoT": false, "CRI": false, "Go": false, "C": false,
		"容器": false, "CI/CD": false, "eBPF": false,
	} {
		if got := caseless(term); got != want {
			t.Errorf("caseless(%q) = %v", term, got)
		}
	}
}

func TestIDs(t *testing.T) {
	g, _ := New([]Entry{{Term: "K8s"}, {Term: "k8s"}, {Term: "CI/CD"}, {Term: "容器 运行时"}, {Term: "++"}})
	var ids []string
	for _, term := range g.Terms() {
		ids = append(ids, term.ID)
	}
	want := []string{"term-cicd", "term-k8s", "term-k8s-1", "term-容器-运行时", "term-x"}
	if !slices.Equal(ids, want) {
		t.Errorf("ids %q, want %q", ids, want)
	}
}

func TestPinyinInitial(t *testing.T) {
	tests := map[string]byte{
		"容": 'R', "镜": 'J', "调": 'D', "策": 'C', "安": 'A', "啊": 'A', "部": 'B',
		"服": 'F', "高": 'G', "会": 'H', "集": 'J', "可": 'K', "轻": 'Q', "网": 'W',
		"系": 'X', "云": 'Y', "座": 'Z', "节": 'J', "存": 'C', "欧": 'O', "品": 'P',
		"哦": 'O', "拿": 'N', "妈": 'M', "垃": 'L', "噶": 'G', "蛾": 'E', "挖": 'W', "塌": 'T',
		"A": 0, "é": 0, "亍": 0, "𠀀": 0, "。": 0,
	}
	for s, want := range tests {
		r := []rune(s)[0]
		if got := Initial(r); got != want {
			t.Errorf("Initial(%s) = %q, want %q", s, got, want)
		}
	}
}

// TestPinyinTable checks the hand-written boundary codes against the GBK
// encoder: each boundary is its character's code, and the character just
// before it belongs to the previous initial.
func TestPinyinTable(t *testing.T) {
	chars := "啊芭擦搭蛾发噶哈击喀垃妈拿哦啪期然撒塌挖昔压匝"
	enc := simplifiedchinese.GBK.NewEncoder()
	for i, r := range []rune(chars) {
		b, err := enc.Bytes([]byte(string(r)))
		if err != nil {
			t.Fatal(err)
		}
		if code := uint16(b[0])<<8 | uint16(b[1]); code != pinyinStarts[i].code {
			t.Errorf("%c is %X, table says %X", r, code, pinyinStarts[i].code)
		}
	}
}

func TestSortTerms(t *testing.T) {
	g, _ := New([]Entry{
		{Term: "容器"}, {Term: "镜像"}, {Term: "调度"}, {Term: "策略"}, {Term: "zeta"},
		{Term: "API"}, {Term: "abc"}, {Term: "3D"}, {Term: "K8s"}, {Term: "集群"}, {Term: "节点"},
	})
	var got []string
	for _, term := range g.Terms() {
		got = append(got, term.Term)
	}
	want := []string{"abc", "API", "K8s", "zeta", "策略", "调度", "集群", "节点", "镜像", "容器", "3D"}
	if !slices.Equal(got, want) {
		t.Errorf("order %q\nwant  %q", got, want)
	}
}

func TestIsSource(t *testing.T) {
	cfg := []string{"docs/terms.md", "./other/words.md"}
	table := "| 缩写 | 完整形式 | 中文解释 |\n|---|---|---|\n| K8s | Kubernetes | 编排 |\n"
	bold := "# 13. 缩写词汇表：全面梳理\n\n| **缩写** | **完整形式** |\n| :-- | :-- |\n| **K8s** | Kubernetes |\n"
	relation := "| 缩写 | 所属层次 | 直接关系 |\n|---|---|---|\n| K8s | 编排层 | CRI |\n"
	deflist := "# Glossary\n\nK3s\n: Lightweight Kubernetes\n"
	fenced := "# 术语表\n\n```\n| 缩写 | 说明 |\n|---|---|\n```\n"
	tests := []struct {
		path string
		meta map[string]any
		body string
		want bool
	}{
		{"GLOSSARY.md", nil, table, true},
		{"glossary.md", nil, table, true},
		{"GLOSSARY.en.md", nil, table, true},
		{"a/b/Glossary.zh-CN.md", nil, table, true},
		{"GLOSSARY.txt", nil, table, false},
		{"GLOSSARY.md", nil, "# Glossary\n\nNothing yet.\n", false},
		{"my-glossary.md", nil, table, true},
		{"docs/acronyms-glossary/acronyms-glossary.md", nil, bold, true},
		{"docs/acronyms-glossary/README.md", nil, table, true},
		{"docs/10-术语/index.md", nil, table, true},
		{"docs/缩写词汇表.md", nil, table, true},
		{"docs/page.md", nil, bold, true},               // the H1 says so
		{"docs/page.md", nil, "intro\n\n" + bold, true}, // not on the first line
		{"docs/page.md", map[string]any{"title": "名词解释"}, table, true},
		{"docs/page.md", nil, deflist, true},
		{"docs/page.md", nil, table, false},        // a table alone is not a glossary
		{"docs/glossary.md", nil, relation, false}, // nor is a relation table
		{"docs/glossary.md", nil, fenced, false},   // nor one in code
		{"docs/glossarist.md", nil, table, false},  // a word, not a part
		{"glossary.old.draft.md", nil, "Nothing\n", false},
		{"docs/terms.md", nil, "", true},
		{"other/words.md", nil, "", true},
		{"words.md", nil, "", false},
		{"page.md", map[string]any{"glossary": true}, "", true},
		{"page.md", map[string]any{"glossary": "yes"}, "", false},
		{"GLOSSARY.md", map[string]any{"glossary": false}, table, false},
		{"docs/terms.md", map[string]any{"glossary": false}, table, false},
	}
	for _, tt := range tests {
		if got := IsSource(tt.path, tt.meta, cfg, []byte(tt.body)); got != tt.want {
			t.Errorf("IsSource(%q, %v, %.30q) = %v", tt.path, tt.meta, tt.body, got)
		}
	}
}

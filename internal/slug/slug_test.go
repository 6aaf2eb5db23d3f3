package slug

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// The github-slugger conformance vectors (ISC licence, beside them in
// testdata) are replayed in order through one Slugger because later cases
// depend on earlier duplicates.
func TestGitHubSluggerFixtures(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "github-slugger-fixtures.json"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []struct {
		Name     string `json:"name"`
		Input    string `json:"input"`
		Expected string `json:"expected"`
	}
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	if len(cases) < 50 {
		t.Fatalf("only %d fixtures read", len(cases))
	}
	var s Slugger
	for _, c := range cases {
		if got := s.Slug(c.Input); got != c.Expected {
			t.Errorf("%s: Slug(%q)\n got %q\nwant %q", c.Name, c.Input, got, c.Expected)
		}
	}
}

func TestKnowledgeBaseHeadings(t *testing.T) {
	cases := []struct{ in, want string }{
		{"1.2.1 核心理念演进", "121-核心理念演进"},
		{"📑 目录", "-目录"},
		{"目录", "目录"},
		{"1.3.2 技术演进时间轴（1999→2025）", "132-技术演进时间轴19992025"},
		{"1. 总览：云原生容器技术栈知识图谱", "1-总览云原生容器技术栈知识图谱"},
		{"13.10.4 K8s 与 K3s 对比", "13104-k8s-与-k3s-对比"},
		{"What's `new`?", "whats-new"},
		{"OPA-Wasm（微秒级决策）", "opa-wasm微秒级决策"},
	}
	for _, c := range cases {
		if got := Make(c.in); got != c.want {
			t.Errorf("Make(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDuplicates(t *testing.T) {
	var s Slugger
	got := []string{s.Slug("参考"), s.Slug("参考"), s.Slug("参考-1"), s.Slug("参考")}
	want := []string{"参考", "参考-1", "参考-1-1", "参考-2"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("slug %d = %q, want %q", i, got[i], want[i])
		}
	}
	s.Reserve("explicit")
	if got := s.Slug("Explicit"); got != "explicit-1" {
		t.Errorf("after Reserve: %q", got)
	}
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"1.2.1 核心理念演进", "📑 目录", "İ", "a\u2028b", "-a-", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := Make(in)
		for _, r := range out {
			if r == ' ' {
				t.Fatalf("space left in %q", out)
			}
		}
		if Make(out) != out && !containsDottedI(in) {
			t.Fatalf("slug not idempotent: %q -> %q -> %q", in, out, Make(out))
		}
		var s Slugger
		a, b := s.Slug(in), s.Slug(in)
		if a == b {
			t.Fatalf("duplicate not disambiguated: %q", a)
		}
	})
}

func containsDottedI(s string) bool {
	for _, r := range s {
		if r == 'İ' {
			return true
		}
	}
	return false
}

func BenchmarkSlug(b *testing.B) {
	for b.Loop() {
		var s Slugger
		s.Slug("1.3.2 技术演进时间轴（1999→2025）")
		s.Slug("Kubernetes Object Model and Control Loop")
	}
}

// keep's shortcut for CJK ideographs says what the tables say.
func TestIdeographsAreKept(t *testing.T) {
	for r := rune(0x4E00); r <= 0x9FEF; r++ {
		if !keepOther(r) {
			t.Fatalf("U+%04X is not kept by the tables", r)
		}
	}
	if keep(0x9FF0) {
		t.Error("U+9FF0, assigned after Unicode 13, is kept")
	}
}

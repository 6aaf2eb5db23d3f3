package numbering

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		text, num, rest string
		ok              bool
	}{
		{"1. 总览", "1", "总览", true},
		{"1.2.1 核心理念演进", "1.2.1", "核心理念演进", true},
		{"13.10.4 恢复", "13.10.4", "恢复", true},
		{"1.2. 带点", "1.2", "带点", true},
		{"1.2", "1.2", "", true},
		{"3.", "3", "", true},
		{"🎯 1.2 目标", "1.2", "目标", true},
		{"📑 目录", "", "📑 目录", false},
		{"1.1\u3000全角空格", "1.1", "全角空格", true},
		{"2025 年技术趋势", "", "2025 年技术趋势", false},
		{"3 个原则", "", "3 个原则", false},
		{"1.2.1核心", "", "1.2.1核心", false},
		{"1..2 x", "", "1..2 x", false},
		{"v1.2 x", "", "v1.2 x", false},
		{"12345678901.1 x", "", "12345678901.1 x", false},
		{"", "", "", false},
		{"1", "", "1", false},
	}
	for _, tt := range tests {
		n, rest, ok := Parse(tt.text)
		if ok != tt.ok || n.String() != tt.num || rest != tt.rest {
			t.Errorf("Parse(%q) = %q, %q, %v; want %q, %q, %v", tt.text, n, rest, ok, tt.num, tt.rest, tt.ok)
		}
	}
}

func TestParseNumber(t *testing.T) {
	for s, want := range map[string]string{"1": "1", "1.2.3": "1.2.3", "2.": "2", "": "!", "1..2": "!", "a": "!", "1.b": "!"} {
		n, ok := ParseNumber(s)
		got := n.String()
		if !ok {
			got = "!"
		}
		if got != want {
			t.Errorf("ParseNumber(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestNumberHelpers(t *testing.T) {
	n := Number{1, 2}
	if got := n.Next().String() + " " + n.Child(1).String() + " " + n.Parent().String() + " " + (Number{3}).Heading(); got != "1.3 1.2.1 1 3." {
		t.Errorf("got %q", got)
	}
	if n.String() != "1.2" {
		t.Error("helpers must not change their receiver")
	}
}

// TestExpected checks the renumbering docsite fix will apply.
func TestExpected(t *testing.T) {
	tests := []struct {
		name, nav, src string
		base           string // WithBase, "" for none
		want           string // have→want per numbered heading
	}{
		{"inserted heading renumbers the rest", "2", "# 2. A\n## 2.1 a\n## 2.2 new\n## 2.2 b\n### 2.2.1 b1\n## 2.3 c\n", "",
			"2→2 2.1→2.1 2.2→2.2 2.2→2.3 2.2.1→2.3.1 2.3→2.4"},
		{"from the sidebar", "5", "# 3. A\n## 3.1 a\n### 3.1.1 x\n## 参考\n", "5",
			"3→5 3.1→5.1 3.1.1→5.1.1"},
		{"unnumbered H1 counting from 1 keeps counting from 1", "5", "# A\n## 1. a\n## 3. b\n", "5",
			"1→1 3→2"},
		{"local lists restart", "3", "# 3. A\n## 步骤\n### 1. x\n### 3. y\n## 注意\n### 1. z\n", "",
			"3→3 1→1 3→2 1→1"},
		{"skipped level gets an implicit parent", "1", "# 1. A\n### 1.2.1 x\n### 1.2.2 y\n## 1.2 b\n", "",
			"1→1 1.2.1→1.1.1 1.2.2→1.1.2 1.2→1.2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var opts []Option
			if tt.base != "" {
				n, _ := ParseNumber(tt.base)
				opts = append(opts, WithBase(n))
			}
			var got []string
			for _, e := range Expected(headingsPage(tt.src, tt.nav), opts...) {
				got = append(got, e.Have.String()+"→"+e.Want.String())
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("got %s\nwant %s", strings.Join(got, " "), tt.want)
			}
		})
	}
}

// TestProblems checks the classification fix and reports build on.
func TestProblems(t *testing.T) {
	es := Expected(headingsPage("# 2. A\n## 2.1 a\n## 2.3 b\n### 2.3.1 b1\n## 2.4 c\n", "2"), WithBase(Number{3}))
	got := []Problem{}
	for _, e := range es {
		got = append(got, e.Problem)
	}
	want := []Problem{Title, Start, Sequence, Shifted, Shifted}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
	if es[1].Follow != 0 || es[2].Follow != 2 {
		t.Errorf("Follow = %d, %d, want 0, 2", es[1].Follow, es[2].Follow)
	}
}

// FuzzNumbers feeds arbitrary text to the number parser and arbitrary
// heading outlines to the sequence logic and the checks: nothing may panic,
// parsing must round-trip, and every entry must have a number to give.
func FuzzNumbers(f *testing.F) {
	for _, s := range []string{
		"1. 总览", "1.2.1 核心", "🎯 1.2 x", "2025 年", "99999999999.1 x", "1..2", "1.2.",
		"# 1. A\n## 目录\n## 1.1 a\n### 1.1.1 b\n## 1.3 c\n",
		"# A\n## 步骤\n### 1. x\n### 2. y\n## 第二\n### 3. z\n",
		"# 1. A\n#### 1.1.1.1 x\n## 2. b\n###### 9.9.9.9.9.9.9.9.9 deep\n",
		"## 1. a\n# 2. b\n## 0.0 c\n### 1.1.1.1.1 d\n",
	} {
		f.Add(s, "2.1")
	}
	f.Fuzz(func(t *testing.T, src, nav string) {
		if n, rest, ok := Parse(src); ok {
			m, _, ok2 := Parse(n.Heading() + " " + rest)
			if !ok2 || !m.Equal(n) {
				t.Fatalf("Parse(%q) = %v, but %q parses as %v", src, n, n.Heading()+" "+rest, m)
			}
		}
		p := headingsPage(src, nav)
		for _, e := range Expected(p) {
			if len(e.Want) == 0 || e.Heading < 0 || e.Heading >= len(p.Headings) || e.Follow < 0 {
				t.Fatalf("bad entry %+v", e)
			}
		}
		if n, ok := ParseNumber(nav); ok {
			Expected(p, WithBase(n))
		}
		for _, d := range CheckPage(p) {
			if d.Line < 1 || d.Column < 1 || d.Message == "" {
				t.Fatalf("bad diagnostic %+v", d)
			}
		}
	})
}

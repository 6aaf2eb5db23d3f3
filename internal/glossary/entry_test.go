package glossary

import (
	"os"
	"reflect"
	"testing"

	"github.com/yuin/goldmark/extension"
)

func TestEntriesFromTables(t *testing.T) {
	src := "# 词汇\n\n" +
		"| **缩写** | 完整形式 | 中文解释 | 备注 |\n" +
		"| --- | --- | --- | --- |\n" +
		"| `K8s` | Kubernetes | 容器**编排**系统 | 8 个字母 |\n" +
		"| **K3s** | Lightweight Kubernetes | 轻量发行版 |\n" +
		"|  | 空术语 | 跳过 |\n" +
		"| CRI | Container Runtime Interface | 接口 | a | b |\n" +
		"\n" +
		"| Name | Value |\n|---|---|\n| K9s | not a glossary table |\n" +
		"\n" +
		"| Term | Definition | Notes |\n|---|---|---|\n| Pod | the smallest unit | see [docs](x) |\n" +
		"\n" +
		"| acronym | English | 中文 |\n|---|---|---|\n| OPA | Open Policy Agent | 开放策略代理 |\n"
	doc, b := parse(testMarkdown(), src)
	got := Entries(doc, b, "GLOSSARY.md")
	want := []Entry{
		{Term: "K8s", Expansion: "Kubernetes", Explanation: "容器编排系统", Fields: []Field{{"备注", "8 个字母"}}},
		{Term: "K3s", Expansion: "Lightweight Kubernetes", Explanation: "轻量发行版"},
		// GFM drops cells past the header's; the site's pipeline keeps them.
		{Term: "CRI", Expansion: "Container Runtime Interface", Explanation: "接口", Fields: []Field{{"备注", "a"}}},
		{Term: "Pod", Explanation: "the smallest unit", Fields: []Field{{"Notes", "see docs"}}},
		{Term: "OPA", Expansion: "Open Policy Agent", Explanation: "开放策略代理"},
	}
	checkEntries(t, got, want, b)
}

func TestEntriesFromDefinitionLists(t *testing.T) {
	src := "K3s\n: Lightweight Kubernetes\n: 轻量级 Kubernetes 发行版，\n  面向边缘\n\n" +
		"**容器**\n: 隔离的\n  进程\n\n" +
		"Just prose\nwith two lines.\n\n" +
		"gRPC\nRPC\n: remote calls\n"
	want := []Entry{
		{Term: "K3s", Expansion: "Lightweight Kubernetes", Explanation: "轻量级 Kubernetes 发行版，面向边缘"},
		{Term: "容器", Explanation: "隔离的进程"},
		{Term: "gRPC", Explanation: "remote calls"},
		{Term: "RPC", Explanation: "remote calls"},
	}
	t.Run("paragraphs", func(t *testing.T) {
		doc, b := parse(testMarkdown(), src)
		checkEntries(t, Entries(doc, b, "g.md"), want, b)
	})
	t.Run("extension", func(t *testing.T) {
		doc, b := parse(testMarkdown(extension.DefinitionList), src)
		checkEntries(t, Entries(doc, b, "g.md"), want, b)
	})
}

// checkEntries compares entries and checks each Offset points at its term.
func checkEntries(t *testing.T, got, want []Entry, src []byte) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d entries, want %d: %+v", len(got), len(want), got)
	}
	for i := range got {
		off := got[i].Offset
		g := got[i]
		g.Offset, g.File = 0, ""
		if !reflect.DeepEqual(g, want[i]) {
			t.Errorf("entry %d = %+v\nwant %+v", i, g, want[i])
		}
		if end := off + len(want[i].Term); end > len(src) || string(src[off:end]) != want[i].Term {
			t.Errorf("entry %d offset %d does not point at %q", i, off, want[i].Term)
		}
	}
}

func TestEntriesSkipCode(t *testing.T) {
	src := "```\n| 缩写 | 完整 |\n|---|---|\n| X | y |\n```\n\n<table><tr><td>缩写</td></tr></table>\n"
	doc, b := parse(testMarkdown(), src)
	if es := Entries(doc, b, "g.md"); len(es) != 0 {
		t.Errorf("entries from code: %+v", es)
	}
}

// TestProjectGlossary reads the repository's own glossaries: both parse,
// agree with each other, and merge into one term per acronym.
func TestProjectGlossary(t *testing.T) {
	var all []Entry
	for _, f := range []struct{ name, lang string }{{"GLOSSARY.md", "zh-CN"}, {"GLOSSARY.en.md", "en"}} {
		src, err := os.ReadFile("../../content/" + f.name)
		if err != nil {
			t.Skip(err)
		}
		doc, b := parse(testMarkdown(), string(src))
		es := Entries(doc, b, f.name)
		if len(es) < 30 {
			t.Fatalf("%s: only %d entries", f.name, len(es))
		}
		for i := range es {
			es[i].Lang = f.lang
		}
		all = append(all, es...)
	}
	g, conflicts := New(all)
	for _, c := range conflicts {
		t.Errorf("conflict: %s %q vs %q", c.Term, c.First.Expansion, c.Second.Expansion)
	}
	if len(g.Terms())*2 != len(all) {
		t.Errorf("%d terms from %d entries; the two files should define the same terms", len(g.Terms()), len(all))
	}
	k3s := g.Lookup("K3s")
	if k3s == nil || k3s.ExplanationIn("en") == k3s.ExplanationIn("zh-CN") {
		t.Fatalf("K3s should have an explanation per language: %+v", k3s)
	}
}

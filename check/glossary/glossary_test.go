package glossary

import (
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"docsite/internal/diag"
	"docsite/internal/glossary"
)

func TestCheckConflict(t *testing.T) {
	files := map[string]string{
		"GLOSSARY.md": "# 缩写\n\n| 缩写 | 完整形式 | 中文解释 |\n|---|---|---|\n| CRI | Container Runtime Interface | 接口 |\n| K3s | Lightweight Kubernetes | 轻量 |\n",
		"GLOSSARY.en.md": "# Glossary\n\n| Abbreviation | Expansion | Explanation |\n|---|---|---|\n" +
			"| K3s | lightweight kubernetes | same, other case |\n| **CRI** | Common Runtime Interface | wrong |\n",
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	var entries []glossary.Entry
	for _, name := range []string{"GLOSSARY.md", "GLOSSARY.en.md"} {
		src := []byte(files[name])
		doc := md.Parser().Parse(text.NewReader(src))
		entries = append(entries, glossary.Entries(doc, src, name)...)
	}
	_, conflicts := glossary.New(entries)
	ds := Check(conflicts, func(file string) *diag.Lines {
		if src, ok := files[file]; ok {
			return diag.NewLines([]byte(src))
		}
		return nil
	})
	want := []diag.Diagnostic{{
		File: "GLOSSARY.en.md", Line: 6, Column: 5, EndLine: 6, EndColumn: 8,
		Severity: diag.Error, Rule: "glossary/conflict", Target: "CRI",
		Message:    `"CRI" is defined here as "Common Runtime Interface" but as "Container Runtime Interface" in GLOSSARY.md:5`,
		Suggestion: "Container Runtime Interface",
	}}
	if len(ds) != len(want) {
		t.Fatalf("got %d diagnostics: %+v", len(ds), ds)
	}
	if ds[0] != want[0] {
		t.Errorf("got  %+v\nwant %+v", ds[0], want[0])
	}
}

func TestCheckWithoutSources(t *testing.T) {
	ds := Check([]glossary.Conflict{{Term: "X",
		First:  glossary.Entry{Term: "X", Expansion: "a", File: "a.md"},
		Second: glossary.Entry{Term: "X", Expansion: "b", File: "b.md", Offset: 99}}}, nil)
	if len(ds) != 1 || ds[0].Line != 1 || ds[0].Column != 1 || ds[0].File != "b.md" ||
		ds[0].Message != `"X" is defined here as "b" but as "a" in a.md` {
		t.Errorf("got %+v", ds)
	}
}

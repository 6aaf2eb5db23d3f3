package numbering

import (
	"strings"
	"testing"

	"docsite/internal/diag"
	"docsite/internal/site"
)

const tocBody = "\n## 1.1 定位\n\n## 1.2 技术栈\n\n### 1.2.1 理念\n\n## 参考\n"

// TestTOC covers toc/out-of-sync on pages parsed by the real pipeline, so
// links and heading IDs are exactly what the site sees.
func TestTOC(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"in sync", "# 1. 总览\n\n## 📑 目录\n\n- [📑 目录](#-目录)\n- [1.1 定位](#11-定位)\n- [1.2 技术栈](#12-技术栈)\n  - [1.2.1 理念](#121-理念)\n- [参考](#参考)\n" + tocBody, nil},
		{"unnumbered headings are optional", "# 1. 总览\n\n## 目录\n\n- [1.1 定位](#11-定位)\n- [1.2 技术栈](#12-技术栈)\n  - [1.2.1 理念](#121-理念)\n" + tocBody, nil},
		{"percent-encoded fragments", "# 1. 总览\n\n## Table of Contents\n\n- [1.1 定位](#11-%E5%AE%9A%E4%BD%8D)\n- [1.2 技术栈](#12-技术栈)\n  - [1.2.1 理念](#121-理念)\n" + tocBody, nil},
		{"H1 without number", "# 存储\n\n## 目 录\n\n1. [1. 卷](#1-卷)\n2. [2. 快照](#2-快照)\n\n## 1. 卷\n\n## 2. 快照\n", nil},
		{"H4 need not be listed", "# 1. 总览\n\n## TOC\n\n- [1.1 定位](#11-定位)\n  - [1.1.1 原则](#111-原则)\n\n## 1.1 定位\n\n### 1.1.1 原则\n\n#### 1.1.1.1 细节\n", nil},
		{"stale entries after renumbering", "# 1. 总览\n\n## 目录\n\n- [1.1 定位](#11-定位)\n- [1.2 技术栈](#12-技术栈)\n  - [1.2.1 理念](#121-理念)\n\n## 1.1 定位\n\n## 1.2 安装\n\n## 1.3 技术栈\n\n### 1.3.1 理念\n", []string{
			"toc/out-of-sync 3: table of contents is out of sync with the headings: 1 missing (\"1.2 安装\"); 2 stale (#12-技术栈 → #13-技术栈, #121-理念 → #131-理念); docsite fix regenerates it"}},
		{"entry for a removed heading", "# 1. 总览\n\n## 目录\n\n- [1.1 定位](#11-定位)\n- [1.5 已删除](#15-已删除)\n\n## 1.1 定位\n", []string{
			"toc/out-of-sync 3: table of contents is out of sync with the headings: 1 extra (#15-已删除); docsite fix regenerates it"}},
		{"missing entry", "# 1. 总览\n\n## 目录\n\n- [1.1 定位](#11-定位)\n  - [1.2.1 理念](#121-理念)\n" + tocBody, []string{
			"toc/out-of-sync 3: table of contents is out of sync with the headings: 1 missing (\"1.2 技术栈\"); docsite fix regenerates it"}},
		{"missing first entry", "# 1. 总览\n\n## 目录\n\n- [1.2 技术栈](#12-技术栈)\n  - [1.2.1 理念](#121-理念)\n" + tocBody, []string{
			"toc/out-of-sync 3: table of contents is out of sync with the headings: 1 missing (\"1.1 定位\"); docsite fix regenerates it"}},
		{"out of order", "# 1. 总览\n\n## 目录\n\n- [1.2 技术栈](#12-技术栈)\n- [1.1 定位](#11-定位)\n  - [1.2.1 理念](#121-理念)\n" + tocBody, []string{
			"toc/out-of-sync 3: table of contents is out of sync with the headings: 1 out of order (\"1.2 技术栈\"); docsite fix regenerates it"}},
		{"listed twice", "# 1. 总览\n\n## 目录\n\n- [1.1 定位](#11-定位)\n- [1.2 技术栈](#12-技术栈)\n- [1.1 定位](#11-定位)\n  - [1.2.1 理念](#121-理念)\n" + tocBody, []string{
			"toc/out-of-sync 3: table of contents is out of sync with the headings: 1 extra (#11-定位); docsite fix regenerates it"}},
		{"目录 without in-page links is not a TOC", "# 1. 总览\n\n## 目录\n\n见 [索引](index.md)。\n" + tocBody, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := parsePage(t, tt.src, "1")
			got := render(withoutSuggestions(CheckPage(p)))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func withoutSuggestions(ds []diag.Diagnostic) []diag.Diagnostic {
	for i := range ds {
		ds[i].Suggestion = ""
	}
	return ds
}

// TestTOCSuggestion: the one finding suggests the whole TOC regenerated,
// in the list's own style.
func TestTOCSuggestion(t *testing.T) {
	p := parsePage(t, "# 1. 总览\n\n## 目录\n\n* [1.1 定位](#11-定位)\n\n## 1.1 定位\n\n## 1.2 安装\n\n### 1.2.1 步骤\n", "1")
	ds := CheckPage(p)
	want := "* [1.1 定位](#11-定位)\n* [1.2 安装](#12-安装)\n  * [1.2.1 步骤](#121-步骤)\n"
	if len(ds) != 1 || ds[0].Suggestion != want {
		t.Errorf("got %d findings: %q", len(ds), render(ds))
	}
}

func TestFindTOC(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"list then rule", "# 1. 总览\n\n## 目录\n\n- [1.1 定位](#11-定位)\n- [1.2 技术栈](#12-技术栈)\n\n---\n\n## 1.1 定位\n\n## 1.2 技术栈\n",
			"## 目录\n\n- [1.1 定位](#11-定位)\n- [1.2 技术栈](#12-技术栈)\n"},
		{"list up to the next heading", "# A\n\n## Contents\n- [B](#b)\n## B\n", "## Contents\n- [B](#b)\n"},
		{"at the end of the file", "# A\n## TOC\n- [B](#b)", "## TOC\n- [B](#b)"},
		{"none", "# A\n\n## 目录\n\n正文\n\n## B\n", ""},
		{"other links only", "# A\n\n## 目录\n\n- [B](b.md)\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := parsePage(t, tt.src, "1")
			start, end, ok := site.FindTOC(p)
			got := ""
			if ok {
				got = string(p.Source[start:end])
			}
			if got != tt.want || ok != (tt.want != "") {
				t.Errorf("FindTOC = %q, %v; want %q", got, ok, tt.want)
			}
		})
	}
}

func TestIsTOCHeading(t *testing.T) {
	for text, want := range map[string]bool{
		"目录": true, "📑 目录": true, "目 录": true, "Contents": true, "Table of Contents": true,
		"TOC": true, "table of contents:": true, "1. 目录": true,
		"目录结构": false, "参考": false, "Contents of the box": false, "": false,
	} {
		if got := site.IsTOCHeading(text); got != want {
			t.Errorf("IsTOCHeading(%q) = %v, want %v", text, got, want)
		}
	}
}

package numbering

import (
	"strings"
	"testing"

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
			`toc/out-of-sync 3: table of contents misses "1.2 安装": expected an entry [1.2 安装](#12-安装) after "1.1 定位" => #12-安装`,
			`toc/out-of-sync 6: table of contents links #12-技术栈, which no heading has: expected #13-技术栈 ("1.3 技术栈") => #13-技术栈`,
			`toc/out-of-sync 7: table of contents links #121-理念, which no heading has: expected #131-理念 ("1.3.1 理念") => #131-理念`}},
		{"entry for a removed heading", "# 1. 总览\n\n## 目录\n\n- [1.1 定位](#11-定位)\n- [1.5 已删除](#15-已删除)\n\n## 1.1 定位\n", []string{
			`toc/out-of-sync 6: table of contents links #15-已删除, which no heading has: remove the entry`}},
		{"missing entry", "# 1. 总览\n\n## 目录\n\n- [1.1 定位](#11-定位)\n  - [1.2.1 理念](#121-理念)\n" + tocBody, []string{
			`toc/out-of-sync 3: table of contents misses "1.2 技术栈": expected an entry [1.2 技术栈](#12-技术栈) after "1.1 定位" => #12-技术栈`}},
		{"missing first entry", "# 1. 总览\n\n## 目录\n\n- [1.2 技术栈](#12-技术栈)\n  - [1.2.1 理念](#121-理念)\n" + tocBody, []string{
			`toc/out-of-sync 3: table of contents misses "1.1 定位": expected an entry [1.1 定位](#11-定位) at its start => #11-定位`}},
		{"out of order", "# 1. 总览\n\n## 目录\n\n- [1.2 技术栈](#12-技术栈)\n- [1.1 定位](#11-定位)\n  - [1.2.1 理念](#121-理念)\n" + tocBody, []string{
			`toc/out-of-sync 5: table of contents lists "1.2 技术栈" out of order: expected #11-定位 ("1.1 定位") here => #11-定位`}},
		{"listed twice", "# 1. 总览\n\n## 目录\n\n- [1.1 定位](#11-定位)\n- [1.2 技术栈](#12-技术栈)\n- [1.1 定位](#11-定位)\n  - [1.2.1 理念](#121-理念)\n" + tocBody, []string{
			`toc/out-of-sync 7: table of contents lists "1.1 定位" twice: remove this entry`}},
		{"目录 without in-page links is not a TOC", "# 1. 总览\n\n## 目录\n\n见 [索引](index.md)。\n" + tocBody, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := parsePage(t, tt.src, "1")
			got := render(CheckPage(p))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
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

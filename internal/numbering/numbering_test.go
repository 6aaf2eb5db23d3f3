package numbering

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		text, num string // num "" when the text has no section number
		bare      bool
	}{
		{"1. 总览", "1", false},
		{"1.2.1 核心理念演进", "1.2.1", false},
		{"1 概述", "1", true},
		{"1.2. 带点", "1.2", false},
		{"🎯 1.2 目标", "1.2", false},
		{"1.1\u3000全角空格", "1.1", false},
		{"2025 年技术趋势", "", false},
		{"11 月更新", "", false},
		{"2025-11-04 报告", "", false},
		{"v1.30 发布", "", false},
		{"3× 提速", "", false},
		{"1000+ 节点", "", false},
		{"1.2.1核心", "", false},
		{"1..2 x", "", false},
		{"1.2", "", false},
		{"📑 目录", "", false},
	}
	for _, tt := range tests {
		tok, ok := Parse(tt.text)
		if got := tok.Number.String(); ok != (tt.num != "") || got != tt.num || tok.Bare != tt.bare {
			t.Errorf("Parse(%q) = %q bare %v ok %v; want %q bare %v", tt.text, got, tok.Bare, ok, tt.num, tt.bare)
		}
	}
}

func TestRead(t *testing.T) {
	tests := []struct{ src, kind, roles string }{
		{"# 14. 安装\n## 14.1 a\n### 14.1.1 b\n", "chapter", "TSS"},
		{"# 容器化视角\n## 1 概述\n### 1.1 思想\n## 2 剪裁\n", "document", "-SSS"},
		{"# 12. 结构\n## 1 概述\n## 2 方案\n", "document", "TSS"},
		{"# 专家\n### 3.2 观点\n#### 1. Eric Evans\n#### 2. Fowler\n", "mixed", "-SII"},
		{"# 7.1 原则\n## 原则\n### 1. a\n### 2. b\n## 实现\n### 1. c\n", "lists", "T-II-I"},
		{"# 7 层 4 域模型\n## 3 个原则\n## 2025 年实践\n", "none", "---"},
	}
	for _, tt := range tests {
		var hs []Heading
		for _, line := range strings.Split(strings.TrimSpace(tt.src), "\n") {
			level := len(line) - len(strings.TrimLeft(line, "#"))
			hs = append(hs, Heading{Level: level, Text: strings.TrimSpace(line[level:])})
		}
		sc := Read(hs, 0)
		var roles strings.Builder
		for _, h := range sc.Heads {
			roles.WriteByte("-TSI"[h.Role])
		}
		if sc.Kind.String() != tt.kind || roles.String() != tt.roles {
			t.Errorf("%q: %v %s, want %s %s", tt.src, sc.Kind, roles.String(), tt.kind, tt.roles)
		}
	}
}

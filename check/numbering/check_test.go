package numbering

import (
	"strings"
	"testing"
)

// TestHeadings covers the heading rules on hand-built pages: conventions
// of the real corpus that must stay quiet, and each kind of mistake with
// the number expected.
func TestHeadings(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		// Conventions.
		{"chapter", "# 1. 总览\n## 目录\n## 1.1 定位\n## 1.2 技术栈\n### 1.2.1 理念\n### 1.2.2 层次\n## 1.3 参考\n", nil},
		{"emoji headings", "# 2. 🐳 Docker\n## 📑 目录\n## 2.1 🚀 快速开始\n## 🎯 2.2 目标\n### 2.2.1 ✅ 检查\n## 💡 小结\n", nil},
		{"per document under an unnumbered H1", "# 容器化视角\n## 1 概述\n### 1.1 核心思想\n## 2 剪裁\n### 核心作用\n## 3 层级模型\n", nil},
		{"per document under a numbered H1", "# 3. Docker\n## 1. 安装\n## 2. 配置\n", nil},
		{"chapter number that is not the folder's", "# 12.6.2 案例研究\n## 1 概述\n## 2 方案\n", nil},
		{"sections from another chapter under an unnumbered H1", "# 存储\n## 3.1 卷\n## 3.2 快照\n", nil},
		{"list-headings under a section", "# 专家\n## 3 观点\n### 3.1 背景\n### 3.2 专家观点\n#### 1. Eric Evans\n#### 2. Martin Fowler\n### 3.3 小结\n", nil},
		{"lists restarting under each heading", "# 7.1 同构设计原则\n## 原则\n### 1. CRD\n### 2. 控制器\n## 实现\n### 1. CRD 扩展\n### 2. 控制器模式\n", nil},
		{"list continued across headings", "# 实战\n## 第一部分\n### 1. 下载\n### 2. 解压\n## 第二部分\n### 3. 运行\n", nil},
		{"sections under Chinese-numbered headings", "# 四、代数\n## 概述\n## 一、幺半群\n### 1.1 定义\n### 1.2 运算\n## 二、算法\n### 2.1 随机\n", nil},
		{"years, counts and versions are prose", "# 趋势\n## 2025 年最新实践\n## 3 个原则\n## v1.30 发布\n## 1000+ 节点\n## 3× 提速\n", nil},
		{"a page may count from 0", "# 索引\n## 0. 导读\n## 1. 理论\n", nil},

		// Mistakes.
		{"repeated", "# 18. 运维\n## 18.14 备份\n### 18.14.1 快照\n### 18.14.2 快照\n### 18.14.3 快照\n### 18.14.3 恢复\n### 18.14.4 演练\n", []string{
			`numbering/heading 6: heading "18.14.3 恢复" repeats the number 18.14.3 of the heading before it: expected 18.14.4 => 18.14.4 恢复`}},
		{"repeated chapter section", "# 参考\n## 16 工具\n### 16.1 开发\n### 16.3 监控\n## 16 学术资源\n### 16.1 定义\n## 17 总结\n", []string{
			`numbering/heading 4: heading "16.3 监控" skips a number after 16.1: expected 16.2 => 16.2 监控`,
			`numbering/heading 5: heading "16 学术资源" repeats the number 16 of the heading before it: expected 17 => 17 学术资源`}},
		{"skipped", "# 2. Docker\n## 2.1 安装\n## 2.3 配置\n## 2.4 运行\n", []string{
			`numbering/heading 3: heading "2.3 配置" skips a number after 2.1: expected 2.2 => 2.2 配置`}},
		{"out of sequence", "# 2. Docker\n## 2.1 安装\n## 2.2 配置\n## 2.1 运行\n", []string{
			`numbering/heading 4: heading "2.1 运行" is out of sequence after 2.2: expected 2.3 => 2.3 运行`}},
		{"child not under its parent", "# 2. Docker\n## 2.1 安装\n## 2.2 配置\n## 2.3 运行\n### 2.1.1 前台\n### 2.1.2 后台\n", []string{
			`numbering/heading 5: heading "2.1.1 前台" is not under its parent's number 2.3: expected 2.3.1 => 2.3.1 前台`}},
		{"level skipped", "# 1. 总览\n## 1.1 a\n### 1.1.1.1 x\n", []string{
			`numbering/heading 3: heading "1.1.1.1 x" has 4 parts where its place has 3: no heading 1.1.1 encloses it`}},
		{"a page may continue a numbering", "# 存储\n## 2. 卷\n## 3. 快照\n", nil},
		{"first child not 1", "# 存储\n## 2. 卷\n### 2.2 本地\n", []string{
			`numbering/heading 3: heading "2.2 本地" is the first under 2 but not numbered from 1: expected 2.1 => 2.1 本地`}},
		{"wrong H1 over right sections", "# 4. 调度\n## 3.1 队列\n## 3.2 抢占\n", []string{
			`numbering/heading 1: H1 number 4 differs from 3, the number its sections extend: expected 3 => 3. 调度`}},
		{"list-heading skipped", "# 专家\n### 3.1 背景\n### 3.2 专家观点\n#### 1. Eric Evans\n#### 3. Martin Fowler\n", []string{
			`numbering/heading 5: numbered list-heading "3. Martin Fowler" skips a number after 1: expected 2 => 2. Martin Fowler`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(CheckPage(headingsPage(tt.src, "1")))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestRenumber checks what docsite fix applies: only the numbers a finding
// names and those that followed on from them, never from the H1.
func TestRenumber(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"skip shifts the followers", "# 1. A\n## 1.1 a\n## 1.2 b\n## 1.4 c\n### 1.4.1 c1\n## 1.5 d\n", "1.4→1.3 1.4.1→1.3.1 1.5→1.4"},
		{"a typo does not cascade", "# 2. A\n## 2.1 a\n## 2.5 b\n## 2.3 c\n## 2.4 d\n", "2.5→2.2"},
		{"inserted duplicate", "# 2. A\n## 2.1 a\n## 2.2 new\n## 2.2 b\n### 2.2.1 b1\n## 2.3 c\n", "2.2→2.3 2.2.1→2.3.1 2.3→2.4"},
		{"wrong H1 spreads nowhere", "# 4. A\n## 3.1 a\n## 3.2 b\n### 3.2.1 x\n", ""},
		{"per document", "# 12.6.2 案例\n## 1 概述\n## 1 方案\n### 1.1 步骤\n## 2 总结\n", "1→2 1.1→2.1 2→3"},
		{"list-headings", "# x\n### 3.1 背景\n### 3.2 观点\n#### 1. a\n#### 3. b\n#### 4. c\n", "3.→2. 4.→3."},
		{"misplaced children are left to a person", "# 2. A\n## 2.1 a\n## 2.2 b\n### 2.1.1 x\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := headingsPage(tt.src, "1")
			sc := scheme(p)
			re := Renumber(sc)
			var got []string
			for i := range sc.Heads {
				if n, ok := re[i]; ok {
					_, written, _, _ := splitHeading(p.Headings[i].Text)
					got = append(got, written+"→"+Written(written, n))
				}
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("got %q, want %q", g, tt.want)
			}
		})
	}
}

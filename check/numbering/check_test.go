package numbering

import (
	"strings"
	"testing"
)

// TestHeadings covers the title and heading rules on hand-built pages: each
// wrong case with the number expected, and correct pages that must stay
// quiet.
func TestHeadings(t *testing.T) {
	tests := []struct {
		name, nav, src string
		want           []string
	}{
		// Correct pages.
		{"corpus style", "1", "# 1. 总览\n## 目录\n## 1.1 定位\n## 1.2 技术栈\n### 1.2.1 理念\n### 1.2.2 层次\n## 1.3 参考\n", nil},
		{"emoji headings", "2", "# 2. 🐳 Docker\n## 📑 目录\n## 2.1 🚀 快速开始\n## 🎯 2.2 目标\n### 2.2.1 ✅ 检查\n## 💡 小结\n", nil},
		{"unnumbered anywhere", "3", "# 3. 架构\n## 概述\n## 3.1 组件\n## 参考\n### 延伸阅读\n## 3.2 部署\n### 3.2.1 单机\n## 总结\n", nil},
		{"deep numbers", "13.10", "# 13.10 存储\n## 13.10.1 卷\n## 13.10.2 快照\n## 13.10.3 备份\n## 13.10.4 恢复\n### 13.10.4.1 步骤\n", nil},
		{"H1 without number, H2 from 1", "4", "# 存储\n## 1. 卷\n### 1.1 本地卷\n## 2. 快照\n## 参考\n", nil},
		{"H1 without number, sidebar numbering", "4", "# 存储\n## 4.1 卷\n### 4.1.1 本地卷\n## 4.2 快照\n", nil},
		{"no H1, H2 from 1", "5", "## 1. 卷\n## 2. 快照\n", nil},
		{"lists under unnumbered headings", "3", "# 3. 实战\n## 3.1 安装\n## 步骤\n### 1. 下载\n### 2. 解压\n## 3.2 配置\n## 注意\n### 1. 权限\n", nil},
		{"list continued across unnumbered headings", "3", "# 实战\n## 第一部分\n### 1. 下载\n### 2. 解压\n## 第二部分\n### 3. 运行\n", nil},
		{"prose numbers are not numbers", "2", "# 2. 趋势\n## 2025 年技术趋势\n## 3 个原则\n## 2.1 总结\n", nil},
		{"home page keeps its own number", "", "# 0. 首页\n## 0.1 导航\n", nil},
		{"page numbered 4.1", "4.1", "# 4.1 调度\n## 4.1.1 队列\n## 4.1.2 抢占\n", nil},
		{"H3s at top under numbered H1 need no H2 when depth says so", "3", "# 3. 架构\n## 概述\n### 3.1 组件\n### 3.2 部署\n", nil},

		// Title.
		{"title differs from sidebar", "2", "# 3. Docker\n## 3.1 安装\n## 3.2 配置\n", []string{
			`numbering/title 1: H1 number 3 differs from the sidebar number 2: expected 2 (its 2 headings numbered from 3 follow it) => 2. Docker`}},
		{"title 4.2 at sidebar 4.1", "4.1", "# 4.2 调度\n", []string{
			`numbering/title 1: H1 number 4.2 differs from the sidebar number 4.1: expected 4.1 => 4.1 调度`}},

		// Headings.
		{"out of sequence", "2", "# 2. Docker\n## 2.1 安装\n## 2.3 配置\n## 2.4 运行\n", []string{
			`numbering/heading 3: heading "2.3 配置" is out of sequence after 2.1: expected 2.2; 1 heading after it follows on from it and needs renumbering too => 2.2 配置`}},
		{"inserted duplicate", "2", "# 2. Docker\n## 2.1 安装\n## 2.2 新章节\n## 2.2 配置\n### 2.2.1 文件\n## 2.3 运行\n", []string{
			`numbering/heading 4: heading "2.2 配置" is out of sequence after 2.2: expected 2.3; 2 headings after it follow on from it and need renumbering too => 2.3 配置`}},
		{"typo does not cascade", "2", "# 2. Docker\n## 2.1 安装\n## 2.5 配置\n## 2.3 运行\n## 2.4 监控\n", []string{
			`numbering/heading 3: heading "2.5 配置" is out of sequence after 2.1: expected 2.2 => 2.2 配置`}},
		{"sections swapped", "1", "# 1. 总览\n## 1.1 a\n## 1.3 c\n### 1.3.1 c1\n## 1.2 b\n## 1.4 d\n", []string{
			`numbering/heading 3: heading "1.3 c" is out of sequence after 1.1: expected 1.2; 1 heading after it follows on from it and needs renumbering too => 1.2 c`,
			`numbering/heading 5: heading "1.2 b" is out of sequence after 1.3: expected 1.3 => 1.3 b`}},
		{"wrong parent", "2", "# 2. Docker\n## 2.1 安装\n## 2.2 配置\n## 2.3 运行\n### 2.1.1 前台\n### 2.1.2 后台\n", []string{
			`numbering/heading 5: heading "2.1.1 前台" is under 2.3: expected 2.3.1; 1 heading after it follows on from it and needs renumbering too => 2.3.1 前台`}},
		{"not from the page number", "4.1", "# 4.1 调度\n## 4.2.1 队列\n## 4.2.2 抢占\n", []string{
			`numbering/heading 2: heading "4.2.1 队列" is not numbered from the page number 4.1: expected 4.1.1; 1 heading after it follows on from it and needs renumbering too => 4.1.1 队列`}},
		{"numbered H1, H2s from 1", "3", "# 3. Docker\n## 1. 安装\n## 2. 配置\n", []string{
			`numbering/heading 2: heading "1. 安装" is not numbered from the page number 3: expected 3.1; 1 heading after it follows on from it and needs renumbering too => 3.1 安装`}},
		{"H1 without number, headings from another chapter", "4", "# 存储\n## 3.1 卷\n## 3.2 快照\n", []string{
			`numbering/heading 2: heading "3.1 卷" is not numbered from the page number 4: expected 4.1; 1 heading after it follows on from it and needs renumbering too => 4.1 卷`}},
		{"level skipped", "1", "# 1. 总览\n### 1.2.1 理念\n## 1.2 技术栈\n", []string{
			`numbering/heading 2: heading "1.2.1 理念" skips a level: expected an H2 1.1 above it, and 1.1.1 for this heading => 1.1.1 理念`}},
		{"level skipped, number right", "1", "# 1. 总览\n## 1.1 a\n#### 1.1.1.1 x\n", []string{
			`numbering/heading 3: heading "1.1.1.1 x" skips a level: expected an H3 1.1.1 above it`}},
		{"depth", "2", "# 2. Docker\n## 2.1 安装\n### 2.2 配置\n## 2.2 运行\n", []string{
			`numbering/heading 3: heading "2.2 配置" has 2 parts but an H3 here has 3: expected 2.1.1 => 2.1.1 配置`}},
		{"first heading not 1", "", "# 存储\n## 2. 卷\n## 3. 快照\n", []string{
			`numbering/heading 2: heading "2. 卷" is out of sequence as the first heading under the page: expected 1; 1 heading after it follows on from it and needs renumbering too => 1. 卷`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(CheckPage(headingsPage(tt.src, tt.nav)))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

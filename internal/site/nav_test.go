package site

import (
	"strings"
	"testing"
)

// TestNavLabels covers the sidebar's numbers: the author's own where a
// title carries one, position numbers only where no sibling has one and to
// the configured depth, loose root files outside the count, and titles that
// keep a leading year or version.
func TestNavLabels(t *testing.T) {
	tests := []struct {
		name  string
		depth int
		files []string // path, title pairs
		want  string
	}{
		{"loose root files do not push chapters down", 3, []string{
			"STATUS-A.md", "状态 A", "STATUS-B.md", "状态 B", "docs/README.md", "文档", "docs/01-a.md", "甲", "docs/02-b.md", "乙"},
			" 状态 A| 状态 B|1 文档|1.1 甲|1.2 乙"},
		{"the author's number wins and silences positions beside it", 3, []string{
			"01-d/README.md", "设计", "01-d/01-x.md", "7.1 同构", "01-d/02-y.md", "7.2 异构", "01-d/03-z.md", "附录"},
			"1 设计|7.1 同构|7.2 异构| 附录"},
		{"no position numbers under an author's number", 3, []string{
			"01-c/README.md", "12. 结构视角", "01-c/01-a.md", "概述", "01-c/02-b.md", "12.6.2 案例研究"},
			"12 结构视角| 概述|12.6.2 案例研究"},
		{"depth limit", 2, []string{
			"a/b/c/p.md", "深页", "a/b/q.md", "浅页"},
			"1 a|1.1 b| c| 深页| 浅页"},
		{"depth 0 turns positions off", 0, []string{"01-a.md", "甲", "02-b.md", "12. 乙"},
			" 甲|12 乙"},
		{"years, versions and counts are not numbers", 3, []string{
			"01-a.md", "2025 年 11 月技术趋势", "02-b.md", "v1.30 发布说明", "03-c.md", "7 层 4 域模型", "04-d.md", "3× 提速"},
			"1 2025 年 11 月技术趋势|2 v1.30 发布说明|3 7 层 4 域模型|4 3× 提速"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var files []string
			for i := 0; i+1 < len(tt.files); i += 2 {
				files = append(files, tt.files[i], "")
			}
			s := load(t, files...)
			s.Config.NavNumberDepth = tt.depth
			for i := 0; i+1 < len(tt.files); i += 2 {
				s.ByPath[tt.files[i]].Title = tt.files[i+1]
			}
			s.Navigate(false)
			var got []string
			for _, n := range s.Flat("zh-CN")[1:] {
				got = append(got, n.Number+" "+n.Title)
			}
			if g := strings.Join(got, "|"); g != tt.want {
				t.Errorf("sidebar\n got %q\nwant %q", g, tt.want)
			}
		})
	}
}

package graph_test

import (
	"encoding/json"
	"strings"
	"testing"

	"docsite/internal/config"
	"docsite/render/build"
	"docsite/render/graph"
)

func TestPreviews(t *testing.T) {
	s := fixture(t)
	pv := graph.Previews(s)
	for key, want := range map[string]graph.Preview{
		// the hand-written TOC is skipped; the first paragraph is under 1.1
		"/01-overview/": {Title: "总览", Number: "1", Text: "本文档提供云原生技术栈的完整知识结构，适用于技术决策、学习路径和架构设计参考。本页自身的链接回到本页和本节不算反向链接。"},
		"/":             {Title: "知识库", Text: "本知识库从总览开始，逐章展开。第二章讲设计原则。"},
		// a section some other page links to, by its decoded fragment
		"/02-principles/#21-声明式": {Title: "理念层", Number: "2", Section: "2.1 声明式", Text: "声明式 API 描述期望状态，控制器负责把实际状态推向它。细节见声明式一节。"},
	} {
		if got := pv[key]; got != want {
			t.Errorf("%s:\n got %+v\nwant %+v", key, got, want)
		}
	}
	// Sections only other pages link to get an entry: #11-文档定位 is linked
	// from its own page alone.
	if _, ok := pv["/01-overview/#11-文档定位"]; ok {
		t.Error("a section linked only from its own page has a preview")
	}
	if len(pv) != 5 {
		t.Errorf("%d previews, want 4 pages and 1 section: %v", len(pv), pv)
	}
	long := pv["/02-principles/01-declarative/"].Text
	if n := len([]rune(long)); n > graph.PreviewLen+1 {
		t.Errorf("preview of %d characters", n)
	}
}

func TestPreviewFiles(t *testing.T) {
	pv := map[string]graph.Preview{}
	for i := range 3000 {
		u := "/chapter/page-" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + "/" + string(rune(0x4e00+i)) + "/"
		pv[u] = graph.Preview{Title: "页面", Text: strings.Repeat("文字", 100)}
		pv[u+"#part"] = graph.Preview{Title: "页面", Section: "Part", Text: "短"}
	}
	files := graph.PreviewFiles(pv)
	var idx struct{ Shards int }
	if err := json.Unmarshal(files["assets/previews/index.json"], &idx); err != nil {
		t.Fatal(err)
	}
	if idx.Shards < 2 || idx.Shards&(idx.Shards-1) != 0 || len(files) != idx.Shards+1 {
		t.Fatalf("%d shards in %d files", idx.Shards, len(files))
	}
	seen := 0
	for i := range idx.Shards {
		var m map[string]graph.Preview
		b := files["assets/previews/"+itoa(i)+".json"]
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		for k := range m {
			page, _, _ := strings.Cut(k, "#")
			if graph.Shard(page, idx.Shards) != i {
				t.Errorf("%s in shard %d, belongs in %d", k, i, graph.Shard(page, idx.Shards))
			}
			seen++
		}
	}
	if seen != len(pv) {
		t.Errorf("%d of %d previews written", seen, len(pv))
	}
}

// TestPreviewShapes: a card shows prose, not a list or a table run
// together; a section of only a table or a list shows its rows one a line.
func TestPreviewShapes(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "README.md", "# 首页\n\n见 [列表](list.md)、[标签](label.md)、[表格](table.md#表格一节) 与 [只有列表](bare.md)。\n")
	write(t, dir, "list.md", "# 列表\n\n- 第一项很短\n- 第二项也很短\n\n列表之后的这一段才是正文，它说明了本页讲什么，足够长，可以当作预览。\n")
	write(t, dir, "label.md", "# 标签\n\n文档结构：\n\n- 第一章 概述\n- 第二章 设计\n")
	write(t, dir, "table.md", "# 表格\n\n## 表格一节\n\n| 组件 | 作用 |\n|---|---|\n| etcd | 存储状态 |\n| kubelet | 管理节点 |\n")
	write(t, dir, "bare.md", "# 只有列表\n\n- alpha beta\n- gamma delta\n")
	pl, err := build.NewPipeline(build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := pl.Load(build.Options{Content: dir, Config: config.Default()})
	if err != nil {
		t.Fatal(err)
	}
	pv := graph.Previews(s)
	for _, tc := range []struct{ key, want string }{
		{"/list/", "列表之后的这一段才是正文，它说明了本页讲什么，足够长，可以当作预览。"},
		{"/label/", "文档结构：\n第一章 概述\n第二章 设计"},
		{"/table/#表格一节", "组件 作用\netcd 存储状态\nkubelet 管理节点"},
		{"/bare/", "alpha beta\ngamma delta"},
	} {
		if got := pv[tc.key].Text; got != tc.want {
			t.Errorf("%s: %q, want %q", tc.key, got, tc.want)
		}
	}
}

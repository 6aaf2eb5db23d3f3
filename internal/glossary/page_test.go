package glossary

import (
	"docsite/internal/sitetest"

	"path/filepath"
	"strings"
	"testing"
)

func TestPageGolden(t *testing.T) {
	g, _ := New([]Entry{
		{Term: "K3s", Expansion: "Lightweight Kubernetes", Explanation: "轻量级 Kubernetes 发行版", Lang: "zh-CN"},
		{Term: "K3s", Expansion: "Lightweight Kubernetes", Explanation: "A lightweight distribution", Lang: "en"},
		{Term: "API", Expansion: "Application Programming Interface", Explanation: "应用程序接口", Fields: []Field{{"备注", "REST & gRPC"}}, Related: []string{"K3s", "gRPC"}},
		{Term: "etcd", Explanation: "分布式键值存储 <Raft>"},
		{Term: "容器", Explanation: "隔离的进程"},
		{Term: "镜像", Explanation: "只读模板"},
		{Term: "策略", Explanation: "规则"},
		{Term: "3D", Expansion: "three dimensions"},
	})
	uses := map[string][]PageRef{
		"K3s": {{Title: "K3s 总览", URL: "/06-k3s/"}, {Title: "安装", URL: "/09-installation/", Links: 3}, {Title: "K3s 总览", URL: "/06-k3s/"}},
		"容器":  {{Title: "a", URL: "/a/"}, {Title: "b", URL: "/b/"}, {Title: "c", URL: "/c/"}, {Title: "", URL: "/d/"}},
	}
	for _, tt := range []struct{ name, lang string }{{"page.zh.golden.html", "zh-CN"}, {"page.en.golden.html", "en"}} {
		t.Run(tt.name, func(t *testing.T) {
			got := string(Page(g, uses, tt.lang, WithShownUses(2)))
			golden(t, tt.name, got)
		})
	}
}

func TestPageEmpty(t *testing.T) {
	if got := string(Page(nil, nil, "en")); !strings.Contains(got, "No terms") {
		t.Errorf("empty page: %s", got)
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	sitetest.Golden(t, filepath.Join("testdata", name), []byte(got))
}

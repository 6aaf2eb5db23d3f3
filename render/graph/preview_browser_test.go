package graph_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"docsite/internal/browsertest"
)

// TestBrowserPreviewTable: the card for a section that is only a table
// shows one row a line, as drawn by the browser, not the cells run on.
func TestBrowserPreviewTable(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "README.md", "# 首页\n\n组件的作用见[组件表](table.md#组件表)。\n")
	write(t, dir, "table.md", "# 表格\n\n## 组件表\n\n| 组件 | 作用 |\n|---|---|\n| etcd | 存储集群状态 |\n| kubelet | 管理节点上的 Pod |\n")
	ctx := browsertest.Start(t)
	srv, _ := serveSite(t, dir)
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.EmulateViewport(1200, 900), chromedp.Navigate(srv.URL+"/"), chromedp.WaitReady(chromedp.CSS(".markdown-body")))
	do(t, ctx, chromedp.Focus(chromedp.CSS(`.markdown-body a[href^="/table/#"]`)))
	if !browsertest.WaitFor(t, ctx, `!document.getElementById("docsite-link-preview").hidden`, 5*time.Second) {
		t.Fatal("focusing the link showed no preview")
	}
	text := eval[string](t, ctx, `document.querySelector("#docsite-link-preview .preview-text").innerText`)
	if want := "组件 作用\netcd 存储集群状态\nkubelet 管理节点上的 Pod"; strings.TrimSpace(text) != want {
		t.Errorf("card text %q, want %q", text, want)
	}
}

package serve

import (
	"slices"
	"testing"
)

// TestHeadingEditTellsLinkingPages follows a run of saves, applied without
// the watcher so each is one rebuild, and checks after each which pages the
// reload event names: the saved page, and the pages whose links point into
// it with a fragment as they stand after the earlier saves (the record of
// who links where is kept between saves, so it must follow them).
func TestHeadingEditTellsLinkingPages(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "README.md", "# 首页\n\n[细节](a.md#细节)\n")
	write(t, dir, "a.md", "# A\n\n## 细节\n")
	write(t, dir, "b.md", "# B\n\n正文。\n")
	write(t, dir, "c/index.md", "# C\n\n## 小节\n")
	srv, err := New(Options{Content: dir})
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name, file, content string
		want                []string
	}{
		{"heading renamed: the home page links in", "a.md", "# A\n\n## 细节二\n", []string{"/a/", "/"}},
		{"b gains a link into a", "b.md", "# B\n\n[见](a.md#细节二)\n", []string{"/b/"}},
		{"heading renamed again: b links in now", "a.md", "# A\n\n## 细节三\n", []string{"/a/", "/", "/b/"}},
		{"b drops its link", "b.md", "# B\n\n正文。\n", []string{"/b/"}},
		{"renamed once more: b no longer links in", "a.md", "# A\n\n## 细节四\n", []string{"/a/", "/"}},
		{"b links into a folder's landing page", "b.md", "# B\n\n[见](c/#小节)\n", []string{"/b/"}},
		{"the landing page's heading renamed", "c/index.md", "# C\n\n## 新小节\n", []string{"/c/", "/b/"}},
		{"text edited, headings unchanged: only the page", "a.md", "# A\n\n## 细节四\n\n多一句。\n", []string{"/a/"}},
	}
	for _, st := range steps {
		write(t, dir, st.file, st.content)
		ev := srv.Apply([]string{st.file})
		got := slices.Clone(ev.URLs)
		slices.Sort(got)
		want := slices.Clone(st.want)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: event URLs %v, want %v", st.name, ev.URLs, st.want)
		}
	}
}

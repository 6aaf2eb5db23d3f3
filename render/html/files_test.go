package html

import (
	"strings"
	"testing"

	"docsite/internal/config"
	"docsite/internal/load"
	"docsite/internal/sitetest"
)

// TestSitemapEncodesURLs: <loc> holds percent-encoded URLs, as the sitemap
// protocol asks, with the host of baseURL when it names one.
func TestSitemapEncodesURLs(t *testing.T) {
	dir := sitetest.Tree(t, "-- README.md --\n# 首页\n-- 容器/镜像 分层.md --\n# 镜像\n")
	cfg := config.Default()
	cfg.BaseURL = "https://example.org/docs/"
	pr := load.NewParser()
	defer pr.Close()
	s, err := pr.Site(load.Options{Content: dir, Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	got := string(Sitemap(s, s.Pages))
	if want := "<loc>https://example.org/docs/%E5%AE%B9%E5%99%A8/%E9%95%9C%E5%83%8F%20%E5%88%86%E5%B1%82/</loc>"; !strings.Contains(got, want) {
		t.Errorf("sitemap lacks %s:\n%s", want, got)
	}
}

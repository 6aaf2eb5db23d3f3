package build_test

import (
	"bytes"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"docsite/internal/config"
	"docsite/internal/sitetest"
	"docsite/render/build"
)

const metaSite = `
-- README.md --
# 云原生 <知识库>

这个知识库讲容器、Kubernetes 与 WebAssembly。

- [指南](01-guide/README.md)
-- 01-guide/README.md --
# 指南

入门。
-- 01-guide/setup.md --
---
title: 安装 & 配置
description: "  作者写的\n描述。 "
---
# 安装

正文第一段。
-- 01-guide/long.md --
# Long

` + "Kubernetes schedules containers onto nodes in a cluster, restarts them when they fail, and scales them with the load; this paragraph goes on long past what a search result shows." + `
-- 01-guide/long.en.md --
# Long, in English

An English page.
-- 02-empty/deep/leaf.md --
# Leaf

> only a quote, no paragraph of its own
-- favicon-unused.txt --
not an icon
`

func buildMeta(t *testing.T, dir string, cfg *config.Config) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Build(build.Options{Content: dir, Out: out, Config: cfg}); err != nil {
		t.Fatal(err)
	}
	return out
}

func read(t *testing.T, out, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func metaTag(html, attr, name string) string {
	m := regexp.MustCompile(`<meta ` + attr + `="` + regexp.QuoteMeta(name) + `" content="([^"]*)">`).FindStringSubmatch(html)
	if m == nil {
		return "(none)"
	}
	return m[1]
}

func TestDescriptionAndOpenGraph(t *testing.T) {
	dir := sitetest.Tree(t, metaSite)
	cfg := config.Default()
	cfg.BaseURL = "https://kb.example.org/docs/"
	out := buildMeta(t, dir, cfg)
	cases := []struct {
		page, desc, ogType, locale, url string
	}{
		{"index.html", "这个知识库讲容器、Kubernetes 与 WebAssembly。", "website", "zh_CN", "https://kb.example.org/docs/"},
		{"01-guide/setup/index.html", "作者写的 描述。", "article", "zh_CN", "https://kb.example.org/docs/01-guide/setup/"},
		{"01-guide/long/index.html", "Kubernetes schedules containers onto nodes in a cluster, restarts them when they fail, and scales them with the load; this paragraph goes on long past what a…", "article", "en_US", "https://kb.example.org/docs/01-guide/long/"},
		{"en/01-guide/long/index.html", "An English page.", "article", "en_US", "https://kb.example.org/docs/en/01-guide/long/"},
		{"02-empty/deep/leaf/index.html", "only a quote, no paragraph of its own", "article", "en_US", "https://kb.example.org/docs/02-empty/deep/leaf/"},
		{"02-empty/index.html", "empty: deep", "article", "zh_CN", "https://kb.example.org/docs/02-empty/"},
	}
	for _, c := range cases {
		html := read(t, out, c.page)
		if got := metaTag(html, "name", "description"); got != c.desc {
			t.Errorf("%s: description %q, want %q", c.page, got, c.desc)
		}
		if got := metaTag(html, "property", "og:description"); got != c.desc {
			t.Errorf("%s: og:description %q", c.page, got)
		}
		for prop, want := range map[string]string{"og:type": c.ogType, "og:locale": c.locale, "og:url": c.url, "og:site_name": "云原生 &lt;知识库&gt;"} {
			if got := metaTag(html, "property", prop); got != want {
				t.Errorf("%s: %s %q, want %q", c.page, prop, got, want)
			}
		}
		if !strings.Contains(html, `<link rel="canonical" href="`+c.url+`">`) {
			t.Errorf("%s: no canonical link to %s", c.page, c.url)
		}
	}
	if got := metaTag(read(t, out, "01-guide/setup/index.html"), "property", "og:title"); got != "安装 &amp; 配置" {
		t.Errorf("og:title %q", got)
	}
	// Without a base URL naming a host, nothing claims an absolute address.
	out = buildMeta(t, dir, config.Default())
	html := read(t, out, "01-guide/setup/index.html")
	if strings.Contains(html, `rel="canonical"`) || strings.Contains(html, `og:url`) {
		t.Errorf("canonical or og:url without a known host")
	}
}

func TestRobotsAndSitemap(t *testing.T) {
	dir := sitetest.Tree(t, metaSite)
	out := buildMeta(t, dir, config.Default())
	if got := read(t, out, "robots.txt"); got != "User-agent: *\nAllow: /\n" {
		t.Errorf("robots.txt without a base URL: %q", got)
	}
	if _, err := os.Stat(filepath.Join(out, "sitemap.xml")); !os.IsNotExist(err) {
		t.Errorf("a sitemap of relative URLs was written (%v)", err)
	}
	cfg := config.Default()
	cfg.BaseURL = "https://kb.example.org/docs/"
	out = buildMeta(t, dir, cfg)
	if got := read(t, out, "robots.txt"); got != "User-agent: *\nAllow: /\nSitemap: https://kb.example.org/docs/sitemap.xml\n" {
		t.Errorf("robots.txt: %q", got)
	}
	for _, loc := range regexp.MustCompile(`<loc>([^<]*)</loc>`).FindAllStringSubmatch(read(t, out, "sitemap.xml"), -1) {
		if !strings.HasPrefix(loc[1], "https://kb.example.org/docs/") {
			t.Errorf("sitemap <loc> %s is not absolute", loc[1])
		}
	}
}

func TestLLMsFiles(t *testing.T) {
	dir := sitetest.Tree(t, metaSite)
	out := buildMeta(t, dir, config.Default())
	sitetest.Golden(t, filepath.Join("testdata", "llms.txt"), []byte(read(t, out, "llms.txt")))
	full := read(t, out, "llms-full.txt")
	// Every page, in the sidebar's order, under its title and address.
	var order []string
	for _, m := range regexp.MustCompile(`(?m)^URL: (.*)$`).FindAllStringSubmatch(full, -1) {
		order = append(order, m[1])
	}
	want := []string{"/", "/01-guide/", "/01-guide/long/", "/01-guide/setup/", "/02-empty/", "/02-empty/deep/", "/02-empty/deep/leaf/", "/en/", "/en/01-guide/", "/en/01-guide/long/"}
	if strings.Join(order, " ") != strings.Join(want, " ") {
		t.Errorf("llms-full.txt order:\n got %v\nwant %v", order, want)
	}
	if !strings.Contains(full, "\n# 安装 & 配置\n\nURL: /01-guide/setup/\n\n# 安装\n\n正文第一段。\n") {
		t.Errorf("llms-full.txt lacks the setup page as written:\n%s", full)
	}
	if strings.Contains(full, "description:") {
		t.Errorf("front matter leaked into llms-full.txt")
	}
	// Each page's Markdown beside its HTML, front matter removed; a
	// generated folder page lists what it holds.
	if got := read(t, out, "01-guide/setup/index.md"); got != "# 安装\n\n正文第一段。\n" {
		t.Errorf("setup/index.md = %q", got)
	}
	if got := read(t, out, "02-empty/index.md"); got != "# empty\n\n- [2.1 deep](/02-empty/deep/index.md)\n" {
		t.Errorf("generated 02-empty/index.md = %q", got)
	}
	if html := read(t, out, "01-guide/setup/index.html"); !strings.Contains(html, `<link rel="alternate" type="text/markdown" href="/01-guide/setup/index.md">`) {
		t.Errorf("the page does not name its Markdown copy")
	}
	// With a base URL the links are absolute.
	cfg := config.Default()
	cfg.BaseURL = "https://kb.example.org/docs/"
	out = buildMeta(t, dir, cfg)
	if got := read(t, out, "llms.txt"); !strings.Contains(got, "- [1.2 安装 & 配置](https://kb.example.org/docs/01-guide/setup/index.md)") {
		t.Errorf("llms.txt with a base URL:\n%s", got)
	}
}

func TestFavicon(t *testing.T) {
	dir := sitetest.Tree(t, metaSite)
	out := buildMeta(t, dir, config.Default())
	if svg := read(t, out, "favicon.svg"); !strings.HasPrefix(svg, "<svg") {
		t.Errorf("favicon.svg: %q", svg)
	}
	ico := []byte(read(t, out, "favicon.ico"))
	if len(ico) < 22 || !bytes.Equal(ico[:4], []byte{0, 0, 1, 0}) {
		t.Fatalf("favicon.ico has no ICO header")
	}
	img, err := png.Decode(bytes.NewReader(ico[22:]))
	if err != nil || img.Bounds().Dx() != 32 {
		t.Errorf("favicon.ico's image: %v", err)
	}
	for _, page := range []string{"index.html", "01-guide/setup/index.html", "404.html", "graph/index.html"} {
		if !strings.Contains(read(t, out, page), `<link rel="icon" href="/favicon.svg"`) {
			t.Errorf("%s links no favicon", page)
		}
	}
	// The content's own icon wins, and the pages link to it.
	if err := os.WriteFile(filepath.Join(dir, "favicon.png"), []byte("\x89PNG own"), 0o644); err != nil {
		t.Fatal(err)
	}
	out = buildMeta(t, dir, config.Default())
	if !strings.Contains(read(t, out, "01-guide/setup/index.html"), `<link rel="icon" href="/favicon.png" type="image/png">`) ||
		read(t, out, "favicon.png") != "\x89PNG own" {
		t.Errorf("the content's favicon.png is not the icon")
	}
	if err := os.WriteFile(filepath.Join(dir, "favicon.svg"), []byte("<svg>own</svg>"), 0o644); err != nil {
		t.Fatal(err)
	}
	out = buildMeta(t, dir, config.Default())
	if read(t, out, "favicon.svg") != "<svg>own</svg>" {
		t.Errorf("the content's favicon.svg did not replace the theme's")
	}
}

func TestZeroConfigTitle(t *testing.T) {
	cases := []struct{ name, tree, want string }{
		{"root H1", "-- README.md --\n# *我的* 知识库\n\n正文。\n-- a.md --\n# A\n", "我的 知识库"},
		{"index.md H1", "-- index.md --\n# Handbook\n", "Handbook"},
		{"no H1", "-- README.md --\nNo heading.\n-- a.md --\n# A\n", "{folder}"},
		{"no root page", "-- a/b.md --\n# B\n", "{folder}"},
	}
	for _, c := range cases {
		root := t.TempDir()
		dir := filepath.Join(root, "团队文档")
		if err := os.CopyFS(dir, os.DirFS(sitetest.Tree(t, c.tree))); err != nil {
			t.Fatal(err)
		}
		want := strings.ReplaceAll(c.want, "{folder}", "团队文档")
		out := buildMeta(t, dir, config.Default())
		for _, page := range []string{"index.html", "404.html"} {
			if !strings.Contains(read(t, out, page), `<a class="site-title" href="/">`+want+`</a>`) {
				t.Errorf("%s: %s: site title is not %q", c.name, page, want)
			}
		}
		if !strings.HasPrefix(read(t, out, "llms.txt"), "# "+want+"\n") {
			t.Errorf("%s: llms.txt title", c.name)
		}
	}
	// docsite.yaml's title wins.
	cfg := config.Default()
	cfg.Title = "Configured"
	out := buildMeta(t, sitetest.Tree(t, "-- README.md --\n# From H1\n"), cfg)
	if !strings.Contains(read(t, out, "index.html"), `<title>Configured</title>`) {
		t.Errorf("the configured title is not used")
	}
}

func TestNotFoundPage(t *testing.T) {
	dir := sitetest.Tree(t, metaSite)
	out := buildMeta(t, dir, config.Default())
	html := read(t, out, "404.html")
	for _, want := range []string{
		`<html lang="zh-CN"`, `<title>404 · 云原生 &lt;知识库&gt;</title>`, `<input id="search-input" type="search" placeholder="搜索（按 / 键）"`,
		`assets/js/search.js`, `<nav id="sidebar" class="sidebar" aria-label="站点导航" data-nav="/assets/nav/zh.html">`,
		`<details data-url="/01-guide/" data-lazy><summary><a href="/01-guide/">`, `<a href="/">返回首页</a>`,
		`<meta name="robots" content="noindex">`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("404.html lacks %s", want)
		}
	}
	if strings.Contains(html, `<ul><li>`) {
		t.Errorf("404.html writes folders' entries; the top level is enough")
	}
}

// gitContent puts a tree under docs/ of a new repository, committed at a
// fixed date with a GitHub remote.
func gitContent(t *testing.T, tree string) (docs string, when time.Time) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	root := t.TempDir()
	docs = filepath.Join(root, "docs")
	if err := os.CopyFS(docs, os.DirFS(sitetest.Tree(t, tree))); err != nil {
		t.Fatal(err)
	}
	when = time.Date(2025, 11, 3, 9, 30, 0, 0, time.UTC)
	env := append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org",
		"GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org", "GIT_AUTHOR_DATE="+when.Format(time.RFC3339), "GIT_COMMITTER_DATE="+when.Format(time.RFC3339))
	for _, args := range [][]string{{"init", "-q", "-b", "main"}, {"remote", "add", "origin", "https://token@github.com/o/kb.git"}, {"add", "-A"}, {"commit", "-q", "-m", "pages"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir, cmd.Env = root, env
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, b)
		}
	}
	return docs, when
}

func TestEditLinkAndLastUpdated(t *testing.T) {
	docs, _ := gitContent(t, metaSite)
	if err := os.WriteFile(filepath.Join(docs, "01-guide", "new.md"), []byte("# 新页\n\n还没提交。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := buildMeta(t, docs, config.Default())
	zh := read(t, out, "01-guide/setup/index.html")
	if !strings.Contains(zh, `<p class="updated">最后更新于 <time datetime="2025-11-03T09:30:00Z">2025年11月3日</time></p>`) {
		t.Errorf("zh page lacks its date:\n%s", between(zh, `<footer class="page-meta">`, `</footer>`))
	}
	if !strings.Contains(zh, `<a href="https://github.com/o/kb/edit/main/docs/01-guide/setup.md">编辑此页</a>`) {
		t.Errorf("zh page lacks its edit link:\n%s", between(zh, `<footer class="page-meta">`, `</footer>`))
	}
	en := read(t, out, "en/01-guide/long/index.html")
	if !strings.Contains(en, `Last updated <time datetime="2025-11-03T09:30:00Z">November 3, 2025</time>`) ||
		!strings.Contains(en, `/edit/main/docs/01-guide/long.en.md">Edit this page</a>`) {
		t.Errorf("en page lacks its date or edit link:\n%s", between(en, `<footer class="page-meta">`, `</footer>`))
	}
	// A page not yet committed has an edit link but no date; a generated
	// page has neither; no token from the remote reaches a page.
	fresh := read(t, out, "01-guide/new/index.html")
	if strings.Contains(fresh, "<time") || !strings.Contains(fresh, "/edit/main/docs/01-guide/new.md") {
		t.Errorf("uncommitted page:\n%s", between(fresh, `<footer class="page-meta">`, `</footer>`))
	}
	if strings.Contains(read(t, out, "02-empty/index.html"), "page-meta") {
		t.Errorf("a generated page has an edit link or date")
	}
	if strings.Contains(zh, "token") {
		t.Errorf("the remote's token is in the page")
	}
	// docsite.yaml can turn both off.
	cfg := config.Default()
	cfg.LastUpdated, cfg.Edit.Repo = false, "off"
	if html := read(t, buildMeta(t, docs, cfg), "01-guide/setup/index.html"); strings.Contains(html, "page-meta") {
		t.Errorf("edit: off and lastUpdated: false still show the line")
	}
	// Outside git neither shows, unless docsite.yaml names the repository.
	plain := sitetest.Tree(t, metaSite)
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(plain))
	if html := read(t, buildMeta(t, plain, config.Default()), "01-guide/setup/index.html"); strings.Contains(html, "page-meta") {
		t.Errorf("outside git the page has an edit link or date")
	}
	cfg = config.Default()
	cfg.Edit = config.Edit{Repo: "https://gitlab.com/g/kb", Branch: "dev", Path: "content"}
	if html := read(t, buildMeta(t, plain, cfg), "01-guide/setup/index.html"); !strings.Contains(html, `href="https://gitlab.com/g/kb/-/edit/dev/content/01-guide/setup.md"`) {
		t.Errorf("configured GitLab edit link missing")
	}
}

func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return "(no " + from + ")"
	}
	j := strings.Index(s[i:], to)
	if j < 0 {
		return s[i:]
	}
	return s[i : i+j+len(to)]
}

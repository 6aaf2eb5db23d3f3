package html

import "strings"

// UI holds the theme's interface strings in one language.
type UI struct {
	Skip, Menu, Theme, Nav, Breadcrumbs, Pager, Prev, Next, Outline, Search,
	Footer, NotFound, Home, Index, LangName, Graph string
}

var uiStrings = map[string]UI{
	"zh": {
		Skip: "跳到正文", Menu: "目录菜单", Theme: "切换深色/浅色", Nav: "站点导航", Breadcrumbs: "位置",
		Pager: "上一页与下一页", Prev: "上一页", Next: "下一页", Outline: "本页内容", Search: "搜索（按 / 键）",
		Footer: "由 docsite 生成", NotFound: "找不到这个页面。它可能已被移动或删除。", Home: "返回首页",
		Index: "本章内容", LangName: "中文", Graph: "知识图谱",
	},
	"en": {
		Skip: "Skip to content", Menu: "Menu", Theme: "Toggle dark/light", Nav: "Site navigation", Breadcrumbs: "Breadcrumbs",
		Pager: "Previous and next", Prev: "Previous", Next: "Next", Outline: "On this page", Search: "Search (press /)",
		Footer: "Built with docsite", NotFound: "This page does not exist. It may have been moved or deleted.", Home: "Back to the home page",
		Index: "In this section", LangName: "English", Graph: "Graph",
	},
}

// UIFor returns the strings for a language tag, Chinese for any zh-*, English otherwise.
func UIFor(lang string) UI {
	if strings.HasPrefix(strings.ToLower(lang), "zh") {
		return uiStrings["zh"]
	}
	return uiStrings["en"]
}

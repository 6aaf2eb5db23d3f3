package build

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"docsite/internal/config"
)

// treeSite writes chapters × sections × pages Markdown files, every folder
// with a README, and builds them.
func treeSite(t *testing.T, chapters, sections, pages int) string {
	t.Helper()
	dir := t.TempDir()
	var files []string
	files = append(files, "README.md", "# 首页\n")
	for c := 1; c <= chapters; c++ {
		cd := fmt.Sprintf("%02d-ch%d", c, c)
		files = append(files, cd+"/README.md", fmt.Sprintf("# 第 %d 章\n", c))
		for s := 1; s <= sections; s++ {
			sd := fmt.Sprintf("%s/%02d-sec%d", cd, s, s)
			files = append(files, sd+"/README.md", fmt.Sprintf("# 节 %d.%d\n", c, s))
			for p := 1; p <= pages; p++ {
				files = append(files, fmt.Sprintf("%s/%02d-page%d.md", sd, p, p), fmt.Sprintf("# 页 %d.%d.%d\n\n正文。\n", c, s, p))
			}
		}
	}
	writeFiles(t, dir, files...)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Content: dir, Out: out, Config: config.Default()}); err != nil {
		t.Fatal(err)
	}
	return out
}

var (
	navLinkRE  = regexp.MustCompile(`<a href="[^"]*"`)
	navPieceRE = regexp.MustCompile(`data-piece="([^"]*)"`)
)

func sidebarOf(t *testing.T, out, page string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(page), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	return sidebarRE.FindString(string(b))
}

// TestSidebarIsTheBranch: a page's sidebar holds the top level and its own
// branch (its ancestors' entries, its own when it is a folder), however
// many pages the rest of the site has; the rest comes in one piece per
// folder holding that folder's entries only.
func TestSidebarIsTheBranch(t *testing.T) {
	tests := []struct {
		page  string
		links int // top level 3 + the chapter's 4 sections + the section's 5 pages
	}{
		{"", 3},
		{"02-ch2", 3 + 4},
		{"02-ch2/03-sec3", 3 + 4 + 5},
		{"02-ch2/03-sec3/05-page5", 3 + 4 + 5},
	}
	small, large := treeSite(t, 3, 4, 5), treeSite(t, 3, 4, 25)
	for _, tt := range tests {
		nav := sidebarOf(t, small, tt.page)
		if n := len(navLinkRE.FindAllString(nav, -1)); n != tt.links {
			t.Errorf("/%s: %d links in the sidebar, want %d", tt.page, n, tt.links)
		}
		// Five times the pages in every other section change nothing here.
		if tt.page != "02-ch2/03-sec3/05-page5" && tt.page != "02-ch2/03-sec3" {
			if other := sidebarOf(t, large, tt.page); len(other) != len(nav) {
				t.Errorf("/%s: sidebar %d bytes with 5 pages a section, %d with 25", tt.page, len(nav), len(other))
			}
		}
		if strings.Contains(nav, "<summary") || strings.Contains(nav, "<details") {
			t.Errorf("/%s: a folder is still a <details>: %s", tt.page, nav)
		}
	}
	// The page is marked, its folders are open, the others closed.
	nav := sidebarOf(t, small, "02-ch2/03-sec3/05-page5")
	if !strings.Contains(nav, `data-pieces="/assets/nav/zh/"`) {
		t.Errorf("the sidebar does not name its pieces' folder: %s", nav[:min(len(nav), 200)])
	}
	for _, want := range []string{
		`aria-expanded="true" aria-label="第 2 章"`, `aria-expanded="true" aria-label="节 2.3"`,
		`aria-expanded="false" aria-label="第 1 章"`, `aria-expanded="false" aria-label="节 2.1"`,
		`<a href="/02-ch2/03-sec3/05-page5/" aria-current="page">`,
	} {
		if !strings.Contains(nav, want) {
			t.Errorf("sidebar lacks %s:\n%s", want, nav)
		}
	}

	// Every folder button names a piece that exists and holds one level.
	pieces := map[string]bool{}
	for _, page := range []string{"", "01-ch1", "02-ch2/03-sec3"} {
		for _, m := range navPieceRE.FindAllStringSubmatch(sidebarOf(t, small, page), -1) {
			pieces[m[1]] = true
		}
	}
	if len(pieces) < 3+4 {
		t.Fatalf("only %d pieces named", len(pieces))
	}
	for p := range pieces {
		b, err := os.ReadFile(filepath.Join(small, "assets", "nav", "zh", p+".html"))
		if err != nil {
			t.Errorf("piece %s: %v", p, err)
			continue
		}
		s := string(b)
		if strings.Count(s, "<ul>") != 1 || strings.Contains(s, "aria-current") {
			t.Errorf("piece %s is not one level of entries: %s", p, s)
		}
		if n := len(navLinkRE.FindAllString(s, -1)); n != 4 && n != 5 && n != 3 {
			t.Errorf("piece %s has %d links", p, n)
		}
	}
}

// TestLongPage: a page of hundreds of sections keeps every H2 and H3 in an
// outline marked long (folded below the H2s until the reader opens one, see
// TestBrowserReaderTools) and marks its body long (CSS lays out only what is
// near the screen); a short page has neither mark.
func TestLongPage(t *testing.T) {
	var long strings.Builder
	long.WriteString("# 长页\n\n")
	for i := 1; i <= 4; i++ {
		fmt.Fprintf(&long, "## 第 %d 部分\n\n", i)
		for j := 1; j <= 40; j++ {
			fmt.Fprintf(&long, "### 小节 %d.%d\n\n%s\n\n", i, j, strings.Repeat("- 列表项，写得长一些。\n", 20))
		}
	}
	dir := t.TempDir()
	writeFiles(t, dir, "long.md", long.String(), "short.md", "# 短页\n\n## 一\n\n### 一点一\n\n正文。\n")
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Build(Options{Content: dir, Out: out, Config: config.Default()}); err != nil {
		t.Fatal(err)
	}
	outlineRE := regexp.MustCompile(`(?s)<aside class="outline[^"]*".*?</aside>`)
	tests := []struct {
		page       string
		l2, l3     int
		longMarked bool
	}{
		{"long", 4, 160, true},
		{"short", 1, 1, false},
	}
	for _, tt := range tests {
		b, err := os.ReadFile(filepath.Join(out, tt.page, "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		outline := outlineRE.FindString(string(b))
		l2, l3 := strings.Count(outline, `class="l2"`), strings.Count(outline, `class="l3"`)
		marked := strings.Contains(string(b), `<article class="markdown-body long">`) && strings.HasPrefix(outline, `<aside class="outline long"`)
		if l2 != tt.l2 || l3 != tt.l3 || marked != tt.longMarked {
			t.Errorf("%s: outline %d H2 %d H3, long %v; want %d %d %v", tt.page, l2, l3, marked, tt.l2, tt.l3, tt.longMarked)
		}
	}
}

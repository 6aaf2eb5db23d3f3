package vcs

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"docsite/internal/config"
)

func TestWebURL(t *testing.T) {
	cases := map[string]string{
		"git@github.com:o/r.git":                        "https://github.com/o/r",
		"github.com:o/r":                                "https://github.com/o/r",
		"ssh://git@gitlab.example.com:2222/g/sub/r.git": "https://gitlab.example.com/g/sub/r",
		"https://user:token@github.com/o/r.git":         "https://github.com/o/r",
		"https://github.com/o/r/":                       "https://github.com/o/r",
		"http://git.lan:3000/o/r.git":                   "http://git.lan:3000/o/r",
		"git://codeberg.org/o/r":                        "https://codeberg.org/o/r",
		"/srv/git/r.git":                                "",
		"../r":                                          "",
		"file:///srv/git/r.git":                         "",
		"C:\\repos\\r":                                  "",
		"":                                              "",
	}
	for in, want := range cases {
		if got := WebURL(in); got != want {
			t.Errorf("WebURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEditURL(t *testing.T) {
	cases := []struct {
		cfg  config.Edit
		want string
	}{
		{config.Edit{Repo: "https://github.com/o/r", Branch: "main", Path: "docs"}, "https://github.com/o/r/edit/main/docs/a/%E9%A1%B5%20one.md"},
		{config.Edit{Repo: "https://gitlab.com/g/r.git", Branch: "dev", Path: "/docs/"}, "https://gitlab.com/g/r/-/edit/dev/docs/a/%E9%A1%B5%20one.md"},
		{config.Edit{Repo: "https://codeberg.org/o/r/", Branch: "main"}, "https://codeberg.org/o/r/_edit/main/a/%E9%A1%B5%20one.md"},
		{config.Edit{Repo: "https://bitbucket.org/o/r", Branch: "main", Path: "."}, "https://bitbucket.org/o/r/src/main/a/%E9%A1%B5%20one.md?mode=edit"},
		{config.Edit{Repo: "https://git.example.org/o/r", Style: "gitea", Branch: "main"}, "https://git.example.org/o/r/_edit/main/a/%E9%A1%B5%20one.md"},
	}
	for _, c := range cases {
		e := editFor(c.cfg, func() (string, string, string) { return "", "", "" })
		if e == nil {
			t.Errorf("%+v: no edit link", c.cfg)
			continue
		}
		if got := e.URL("a/页 one.md"); got != c.want {
			t.Errorf("%+v: URL = %s, want %s", c.cfg, got, c.want)
		}
	}
	if e := editFor(config.Edit{Repo: "off"}, func() (string, string, string) { return "git@github.com:o/r.git", "", "main" }); e != nil {
		t.Errorf("repo: off still gives %+v", e)
	}
	if e := editFor(config.Edit{}, func() (string, string, string) { return "git@git.example.org:o/r.git", "", "main" }); e != nil {
		t.Errorf("a remote on a forge of unknown shape gives %+v; want no link", e)
	}
}

// gitRepo makes a repository with the content folder docs/ and the history
// the tests read: a page changed twice, a pure rename, a rename with an
// edit, a deleted page, a Chinese file name, and then an untracked page and
// an uncommitted edit.
func gitRepo(t *testing.T) (root string, dates map[string]time.Time) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	root = t.TempDir()
	git := func(env []string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), append([]string{"GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_SYSTEM=/dev/null",
			"GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.org", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.org"}, env...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(rel, text string) {
		p := filepath.Join(root, "docs", filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dates = map[string]time.Time{}
	day := 0
	commit := func(msg string) time.Time {
		day++
		when := time.Date(2025, 3, day, 10, 0, 0, 0, time.FixedZone("", 8*3600))
		stamp := "GIT_COMMITTER_DATE=" + when.Format(time.RFC3339)
		git(nil, "add", "-A")
		git([]string{stamp, "GIT_AUTHOR_DATE=" + when.Format(time.RFC3339)}, "commit", "-q", "-m", msg)
		return when
	}
	git(nil, "init", "-q", "-b", "trunk")
	git(nil, "remote", "add", "origin", "git@github.com:owner/kb.git")
	write("README.md", "# Home\n")
	write("old-name.md", "# Moved\n\nA page long enough that git sees the rename as one.\n\nLine three.\nLine four.\n")
	write("edited-rename.md", "# Edited\n\nOne.\nTwo.\nThree.\nFour.\nFive.\n")
	write("gone.md", "# Gone\n")
	write("子/页面.md", "# 页面\n")
	moved := commit("first")
	write("README.md", "# Home\n\nMore.\n")
	home := commit("second")
	if err := os.Rename(filepath.Join(root, "docs/old-name.md"), filepath.Join(root, "docs/new-name.md")); err != nil {
		t.Fatal(err)
	}
	commit("pure rename")
	if err := os.Remove(filepath.Join(root, "docs/edited-rename.md")); err != nil {
		t.Fatal(err)
	}
	write("renamed-edited.md", "# Edited\n\nOne.\nTwo.\nThree.\nFour.\nFive, changed.\n")
	edited := commit("rename with an edit")
	write("子/页面.md", "# 页面\n\n改了。\n")
	zh := commit("chinese")
	if err := os.Remove(filepath.Join(root, "docs/gone.md")); err != nil {
		t.Fatal(err)
	}
	commit("delete")
	write("untracked.md", "# New\n")
	write("README.md", "# Home\n\nUncommitted.\n")
	return root, map[string]time.Time{"README.md": home, "new-name.md": moved, "renamed-edited.md": edited, "子/页面.md": zh}
}

func TestReadGit(t *testing.T) {
	root, want := gitRepo(t)
	info := Read(context.Background(), filepath.Join(root, "docs"), Options{LastUpdated: true})
	if len(info.Updated) != len(want) {
		t.Errorf("dated %d files, want %d: %v", len(info.Updated), len(want), info.Updated)
	}
	for f, w := range want {
		if got := info.Updated[f]; !got.Equal(w) {
			t.Errorf("%s: updated %v, want %v", f, got, w)
		}
	}
	for _, f := range []string{"untracked.md", "gone.md", "old-name.md", "edited-rename.md"} {
		if d, ok := info.Updated[f]; ok {
			t.Errorf("%s has a date (%v); it is not a committed file", f, d)
		}
	}
	if info.Edit == nil {
		t.Fatal("no edit link from the origin remote")
	}
	if got, want := info.Edit.URL("子/页面.md"), "https://github.com/owner/kb/edit/trunk/docs/%E5%AD%90/%E9%A1%B5%E9%9D%A2.md"; got != want {
		t.Errorf("edit URL %s, want %s", got, want)
	}
	// The configuration wins over what git says, key by key.
	info = Read(context.Background(), filepath.Join(root, "docs"), Options{Edit: config.Edit{Repo: "https://gitlab.com/g/kb", Branch: "main"}})
	if info.Updated != nil {
		t.Errorf("lastUpdated off still read dates: %v", info.Updated)
	}
	if got, want := info.Edit.URL("a.md"), "https://gitlab.com/g/kb/-/edit/main/docs/a.md"; got != want {
		t.Errorf("configured edit URL %s, want %s", got, want)
	}
}

// TestReadRunsGitAFewTimes: the dates of every page come from one git log,
// not one process per file; a wrapper on the git program counts the runs.
func TestReadRunsGitAFewTimes(t *testing.T) {
	root, _ := gitRepo(t)
	real, _ := exec.LookPath("git")
	for i := 0; i < 50; i++ {
		p := filepath.Join(root, "docs", "many", strings.Repeat("x", i%5+1)+string(rune('a'+i%26))+strings.Repeat("y", i/26)+".md")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		_ = os.WriteFile(p, []byte("# page\n"), 0o644)
	}
	cmd := exec.Command(real, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-a", "-m", "many", "--allow-empty")
	cmd.Dir = root
	_ = exec.Command(real, "-C", root, "add", "-A").Run()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	calls := filepath.Join(t.TempDir(), "calls")
	wrapper := filepath.Join(t.TempDir(), "git")
	script := "#!/bin/sh\necho \"$@\" >> '" + calls + "'\nexec '" + real + "' \"$@\"\n"
	if err := os.WriteFile(wrapper, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	info := Read(context.Background(), filepath.Join(root, "docs"), Options{LastUpdated: true, Git: wrapper})
	if len(info.Updated) < 54 {
		t.Errorf("dated %d files, want the 4 committed pages and the 50 new ones", len(info.Updated))
	}
	data, _ := os.ReadFile(calls)
	runs := strings.Count(string(data), "\n")
	if runs > 4 || strings.Count(string(data), " log ") != 1 {
		t.Errorf("git ran %d times for %d files (want at most 4, one log):\n%s", runs, len(info.Updated), data)
	}
}

func TestReadOutsideGit(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.md"), []byte("# A\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	info := Read(context.Background(), dir, Options{LastUpdated: true})
	if info.Edit != nil || len(info.Updated) != 0 {
		t.Errorf("outside git: %+v", info)
	}
	// Without git at all, a configured repository still gives edit links.
	info = Read(context.Background(), dir, Options{LastUpdated: true, Git: filepath.Join(dir, "no-git-here"),
		Edit: config.Edit{Repo: "https://github.com/o/r", Path: "content"}})
	if info.Edit == nil || info.Edit.URL("a.md") != "https://github.com/o/r/edit/main/content/a.md" || info.Updated != nil {
		t.Errorf("no git, configured repo: %+v", info.Edit)
	}
}

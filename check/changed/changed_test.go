package changed

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"docsite/check"
	"docsite/internal/config"
	"docsite/internal/diag"
	"docsite/internal/site"
	"docsite/render/build"
)

// repo is a git repository built by a test.
type repo struct {
	t    *testing.T
	root string
}

func newRepo(t *testing.T) *repo {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	home := t.TempDir()
	for k, v := range map[string]string{
		"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
		"GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com",
		"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": filepath.Join(home, "gitconfig"),
		"HOME": home,
	} {
		t.Setenv(k, v)
	}
	// A test run from a git hook inherits these; they would point git at
	// the outer repository. Setenv first so they come back afterwards.
	for _, k := range []string{"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"} {
		t.Setenv(k, "")
		os.Unsetenv(k)
	}
	r := &repo{t: t, root: t.TempDir()}
	r.git("-c", "init.defaultBranch=main", "init", "-q")
	return r
}

func (r *repo) git(args ...string) string {
	r.t.Helper()
	cmd := exec.Command("git", append([]string{"-C", r.root}, args...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (r *repo) write(files map[string]string) {
	r.t.Helper()
	for name, body := range files {
		p := filepath.Join(r.root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			r.t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			r.t.Fatal(err)
		}
	}
}

func (r *repo) commit(msg string) {
	r.t.Helper()
	r.git("add", "-A")
	r.git("commit", "-q", "-m", msg)
}

// model builds the page model and runs the source checks as the check
// command does.
func model(t *testing.T, dir string) (*site.Site, []diag.Diagnostic) {
	t.Helper()
	cfg := config.Default()
	// Opt-in, on here: a deleted landing page is a change this filter keeps.
	cfg.Rules = map[string]string{"link/folder-without-page": "error"}
	pl, err := build.NewPipeline(build.Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	s, err := pl.Model(build.Options{Content: dir, Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	return s, check.Run(s, cfg)
}

func keys(ds []diag.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.File+" "+string(d.Rule)+" "+d.Target)
	}
	slices.Sort(out)
	return out
}

func sameKeys(t *testing.T, what string, got, want []string) {
	t.Helper()
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got  %q\n want %q", what, got, want)
	}
}

// base is the content before the pull request, in docs/ below the root.
var base = map[string]string{
	"README.md":             "# Project\n", // outside the content folder
	"docs/README.md":        "# Handbook\n\n[Install](guide/install.md) [Intro](guide/intro.md) [API](ref/api.md) [Links](links.md) [Notes](notes.md) [FAQ](faq/) [Gone](deleted.md)\n",
	"docs/guide/install.md": "# Install\n\n## Requirements\n\nGo 1.26.\n\n## Steps\n\nRun it.\n",
	"docs/guide/intro.md":   "# Intro\n\n## 1. Overview\n\nText.\n\n## 2. Setup\n\nText.\n",
	"docs/ref/api.md":       "# API\n\nSee [install](../guide/install.md#steps).\n",
	"docs/faq/README.md":    "# FAQ\n\n[Q1](q1.md)\n",
	"docs/faq/q1.md":        "# Q1\n",
	"docs/deleted.md":       "# Deleted\n\n[lonely](lonely.md)\n",
	"docs/lonely.md":        "# Lonely\n",
	"docs/links.md": `# Links

- [api](ref/api.md)
- [requirements](guide/install.md#requirements)
- [setup](guide/intro.md#2-setup)
- [deleted](deleted.md)
- [faq](faq/)
- [old](nowhere.md)
- [old anchor](guide/install.md#never)
- [fine](guide/install.md#steps)
`,
	"docs/notes.md": "# Notes\n\nOld [broken](missing-since-forever.md) link.\n",
}

// pullRequest builds the fixture: base committed on main, then on a branch
// a file renamed, a heading deleted, a chapter renumbered, files deleted;
// and, not committed, an unrelated file edited and a new file added.
func pullRequest(t *testing.T) *repo {
	r := newRepo(t)
	r.write(base)
	r.commit("base")
	r.git("checkout", "-q", "-b", "feature")
	os.MkdirAll(filepath.Join(r.root, "docs/reference"), 0o755)
	r.git("mv", "docs/ref/api.md", "docs/reference/api.md")
	r.git("rm", "-q", "docs/deleted.md", "docs/faq/README.md")
	r.write(map[string]string{
		"README.md":             "# Project\n\nChanged outside the content.\n",
		"docs/guide/install.md": "# Install\n\nGo 1.26.\n\n## Steps\n\nRun it.\n",
		"docs/guide/intro.md":   "# Intro\n\n## 1. Overview\n\nText.\n\n## 2. Concepts\n\nNew.\n\n## 3. Setup\n\nText.\n",
	})
	r.commit("restructure")
	r.write(map[string]string{
		"docs/notes.md": "# Notes\n\nA new paragraph.\n\nOld [broken](missing-since-forever.md) link.\n",
		"docs/fresh.md": "# Fresh\n\n[typo](guide/instal.md)\n",
	})
	return r
}

// What the whole check reports on the fixture, and what --changed-since
// keeps of it.
var (
	allFindings = []string{
		"README.md link/missing-file deleted.md",
		"README.md link/folder-without-page faq/",
		"README.md link/missing-file ref/api.md",
		"fresh.md link/missing-file guide/instal.md",
		"links.md link/missing-anchor guide/install.md#never",
		"links.md link/missing-anchor guide/install.md#requirements",
		"links.md link/missing-anchor guide/intro.md#2-setup",
		"links.md link/missing-file deleted.md",
		"links.md link/missing-file nowhere.md",
		"links.md link/missing-file ref/api.md",
		"links.md link/folder-without-page faq/",
		"notes.md link/missing-file missing-since-forever.md",
	}
	changedFindings = []string{
		"README.md link/missing-file deleted.md",
		"README.md link/folder-without-page faq/",
		"README.md link/missing-file ref/api.md",
		"fresh.md link/missing-file guide/instal.md",                 // new file, not committed
		"links.md link/missing-anchor guide/install.md#requirements", // heading deleted
		"links.md link/missing-anchor guide/intro.md#2-setup",        // chapter renumbered
		"links.md link/missing-file deleted.md",
		"links.md link/missing-file ref/api.md", // file renamed
		"links.md link/folder-without-page faq/",
		"notes.md link/missing-file missing-since-forever.md", // old breakage in an edited file
	}
)

func TestChanges(t *testing.T) {
	r := pullRequest(t)
	ch, err := Changes(filepath.Join(r.root, "docs"), "main")
	if err != nil {
		t.Fatal(err)
	}
	var touched []string
	for p := range ch.Touched {
		touched = append(touched, p)
	}
	slices.Sort(touched)
	sameKeys(t, "touched", touched, []string{"fresh.md", "guide/install.md", "guide/intro.md", "notes.md", "reference/api.md"})
	if len(ch.Deleted) != 2 || !ch.Deleted["deleted.md"] || !ch.Deleted["faq/README.md"] {
		t.Errorf("deleted = %v", ch.Deleted)
	}
	if len(ch.Renamed) != 1 || ch.Renamed["ref/api.md"] != "reference/api.md" {
		t.Errorf("renamed = %v", ch.Renamed)
	}
	wantRemoved := map[string][]string{"guide/install.md": {"requirements"}, "guide/intro.md": {"2-setup"}}
	if len(ch.Removed) != len(wantRemoved) {
		t.Errorf("removed = %v, want %v", ch.Removed, wantRemoved)
	}
	for p, ids := range wantRemoved {
		if !slices.Equal(ch.Removed[p], ids) {
			t.Errorf("removed[%s] = %v, want %v", p, ch.Removed[p], ids)
		}
	}
	head := strings.TrimSpace(r.git("rev-parse", "main"))
	if ch.Base != head {
		t.Errorf("base = %s, want main at %s", ch.Base, head)
	}
}

func TestFilter(t *testing.T) {
	r := pullRequest(t)
	docs := filepath.Join(r.root, "docs")
	s, ds := model(t, docs)
	sameKeys(t, "all findings", keys(ds), allFindings)
	ch, err := Changes(docs, "main")
	if err != nil {
		t.Fatal(err)
	}
	sameKeys(t, "changed since main", keys(Filter(ds, s, ch)), changedFindings)

	// Once the author commits the edits, the answer is the same.
	r.commit("edit notes")
	ch, err = Changes(docs, "main")
	if err != nil {
		t.Fatal(err)
	}
	sameKeys(t, "after commit", keys(Filter(ds, s, ch)), changedFindings)

	// Compared with the branch itself nothing changed: nothing is reported.
	ch, err = Changes(docs, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	sameKeys(t, "since HEAD", keys(Filter(ds, s, ch)), nil)
}

// The command may run from any folder of the repository, with the content
// folder named relative to it.
func TestFromSubfolder(t *testing.T) {
	r := pullRequest(t)
	docs := filepath.Join(r.root, "docs")
	s, ds := model(t, docs)
	for _, c := range []struct{ cwd, content string }{
		{"docs/guide", ".."},
		{"docs", "."},
		{".", "docs"},
		{"docs/faq", "../../docs"},
	} {
		t.Run(c.cwd, func(t *testing.T) {
			t.Chdir(filepath.Join(r.root, filepath.FromSlash(c.cwd)))
			ch, err := Changes(c.content, "main")
			if err != nil {
				t.Fatal(err)
			}
			sameKeys(t, "changed", keys(Filter(ds, s, ch)), changedFindings)
		})
	}
}

// A commit on main after the branch forked is not the pull request's doing.
func TestBaseMovedOn(t *testing.T) {
	r := pullRequest(t)
	r.commit("edit notes")
	r.git("checkout", "-q", "main")
	r.write(map[string]string{"docs/main-only.md": "# Main\n\n[x](nowhere-main.md)\n"})
	r.commit("main moves on")
	r.git("checkout", "-q", "feature")
	ch, err := Changes(filepath.Join(r.root, "docs"), "main")
	if err != nil {
		t.Fatal(err)
	}
	if ch.Deleted["main-only.md"] || ch.Touched["main-only.md"] {
		t.Errorf("a file only main changed is part of the change: %v %v", ch.Deleted, ch.Touched)
	}
	if !ch.Touched["notes.md"] || ch.Renamed["ref/api.md"] != "reference/api.md" {
		t.Errorf("the branch's own changes are missing: %v %v", ch.Touched, ch.Renamed)
	}
}

// The content folder may also be the repository itself.
func TestContentIsRoot(t *testing.T) {
	r := newRepo(t)
	r.write(map[string]string{
		"a.md":    "# A\n\n## Old\n",
		"b.md":    "# B\n\n[a](a.md#old) [gone](zzz.md)\n",
		"文档/c.md": "# 中文\n\n## 安装\n",
		"d.md":    "# D\n\n[c](文档/c.md#安装) [a](a.md#old) [e](e.md)\n",
		"e.md":    "# E\n",
	})
	r.commit("base")
	r.write(map[string]string{
		"a.md":    "# A\n\n## New\n",
		"文档/c.md": "# 中文\n\n## 配置\n",
		"e.md":    "---\ndraft: true\n---\n# E\n",
	})
	s, ds := model(t, r.root)
	ch, err := Changes(r.root, "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if !ch.Touched["文档/c.md"] || !slices.Equal(ch.Removed["文档/c.md"], []string{"安装"}) {
		t.Errorf("Chinese path: touched %v removed %v", ch.Touched, ch.Removed)
	}
	sameKeys(t, "changed", keys(Filter(ds, s, ch)), []string{
		"b.md link/missing-anchor a.md#old",
		"d.md link/missing-anchor a.md#old",
		"d.md link/missing-anchor 文档/c.md#安装",
		"d.md link/missing-file e.md", // made a draft
	})
}

// A page that lost its last link in the change is reported as an orphan
// caused by it; other orphans are old news. The navigation lists every page,
// so the orphan findings here are made by hand.
func TestOrphans(t *testing.T) {
	r := pullRequest(t)
	docs := filepath.Join(r.root, "docs")
	s, _ := model(t, docs)
	ch, err := Changes(docs, "main")
	if err != nil {
		t.Fatal(err)
	}
	orphan := func(p string) diag.Diagnostic {
		return diag.Diagnostic{File: p, Line: 1, Column: 1, Rule: "page/orphan"}
	}
	ds := []diag.Diagnostic{orphan("lonely.md"), orphan("links.md"), orphan("faq/q1.md")}
	// lonely.md was linked only from deleted.md; q1.md from the deleted
	// faq/README.md; links.md is still linked from the untouched README.
	sameKeys(t, "orphans", keys(Filter(ds, s, ch)), []string{"faq/q1.md page/orphan ", "lonely.md page/orphan "})
}

func TestErrors(t *testing.T) {
	r := newRepo(t)
	r.write(map[string]string{"docs/a.md": "# A\n"})
	r.commit("base")
	for _, c := range []struct{ content, rev, want string }{
		{filepath.Join(r.root, "docs"), "no-such-branch", "unknown revision"},
		{filepath.Join(r.root, "docs"), "--output=x", "not a revision"},
		{filepath.Join(r.root, "nope"), "HEAD", "not a folder"},
		{t.TempDir(), "HEAD", "not inside a git repository"},
	} {
		if _, err := Changes(c.content, c.rev); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Changes(%s, %s) = %v, want %q", c.content, c.rev, err, c.want)
		}
	}
}

func TestParseNameStatus(t *testing.T) {
	tests := []struct {
		in   string
		want []entry
		err  bool
	}{
		{"", nil, false},
		{"M\x00a.md\x00", []entry{{'M', "a.md", ""}}, false},
		{"R100\x00old dir/a.md\x00new/文档.md\x00D\x00b.md\x00", []entry{{'R', "old dir/a.md", "new/文档.md"}, {'D', "b.md", ""}}, false},
		{"C75\x00a.md\x00b.md\x00", []entry{{'C', "a.md", "b.md"}}, false},
		{"R100\x00a.md\x00", nil, true},
		{"M\x00", nil, true},
		{"\x00\x00", nil, true},
	}
	for _, tc := range tests {
		got, err := parseNameStatus([]byte(tc.in))
		if (err != nil) != tc.err || !slices.Equal(got, tc.want) {
			t.Errorf("parseNameStatus(%q) = %v, %v; want %v (error %v)", tc.in, got, err, tc.want, tc.err)
		}
	}
}

func FuzzParseNameStatus(f *testing.F) {
	f.Add([]byte("M\x00a.md\x00R090\x00x\x00y\x00"))
	f.Add([]byte("D\x00\x00"))
	f.Add([]byte("C\x00a"))
	f.Fuzz(func(t *testing.T, in []byte) {
		es, err := parseNameStatus(in)
		if err != nil {
			return
		}
		// What was read writes back in the same form and reads the same.
		var b strings.Builder
		for _, e := range es {
			b.WriteByte(e.status)
			b.WriteString("\x00" + e.path + "\x00")
			if e.status == 'R' || e.status == 'C' {
				b.WriteString(e.to + "\x00")
			} else if e.to != "" {
				t.Fatalf("%c entry with a second path: %+v", e.status, e)
			}
		}
		again, err := parseNameStatus([]byte(b.String()))
		if err != nil || !slices.Equal(again, es) {
			t.Fatalf("round trip of %q: %v, %v; want %v", in, again, err, es)
		}
	})
}

// Git runs hooks from the top folder with GIT_DIR=.git, relative; a
// pre-commit hook that checks docs/ must still find the repository.
func TestHookEnvironment(t *testing.T) {
	r := pullRequest(t)
	t.Chdir(r.root)
	t.Setenv("GIT_DIR", ".git")
	t.Setenv("GIT_INDEX_FILE", ".git/index")
	ch, err := Changes("docs", "main")
	if err != nil {
		t.Fatal(err)
	}
	if ch.Renamed["ref/api.md"] != "reference/api.md" || !ch.Touched["notes.md"] {
		t.Errorf("renamed %v touched %v", ch.Renamed, ch.Touched)
	}
}

// Folder names with spaces, brackets and Chinese are paths, not patterns,
// and reach git unquoted.
func TestOddFolderName(t *testing.T) {
	r := newRepo(t)
	r.write(map[string]string{"文档 [v1]/a.md": "# A\n\n## 旧标题\n", "文档 [v1]/b.md": "# B\n"})
	r.commit("base")
	r.write(map[string]string{"文档 [v1]/a.md": "# A\n\n## 新标题\n", "文档 [v1]/新.md": "# 新\n"})
	os.Remove(filepath.Join(r.root, "文档 [v1]/b.md"))
	ch, err := Changes(filepath.Join(r.root, "文档 [v1]"), "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if !ch.Touched["a.md"] || !ch.Touched["新.md"] || !ch.Deleted["b.md"] || !slices.Equal(ch.Removed["a.md"], []string{"旧标题"}) {
		t.Errorf("touched %v deleted %v removed %v", ch.Touched, ch.Deleted, ch.Removed)
	}
}

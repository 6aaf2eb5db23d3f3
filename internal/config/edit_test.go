package config

import (
	"strings"
	"testing"
)

func TestEditKeys(t *testing.T) {
	ok := []string{
		"edit:\n  repo: https://github.com/o/r\n  branch: main\n  path: docs/\n",
		"edit:\n  repo: https://git.example.org/o/r\n  style: gitea\n",
		"edit:\n  repo: off\n",
		"lastUpdated: false\n",
	}
	for _, in := range ok {
		if _, err := Parse("docsite.yaml", []byte(in)); err != nil {
			t.Errorf("Parse(%q): %v", in, err)
		}
	}
	bad := []struct{ in, want string }{
		{"title: x\nedit:\n  repo: github.com/o/r\n", `line 3: edit.repo: "github.com/o/r" is not the web address`},
		{"edit:\n  repo: https://tok:x@github.com/o/r\n", "edit.repo:"},
		{"edit:\n  repo: https://git.example.org/o/r\n", "line 2: edit.repo: cannot tell the edit link's shape from the host git.example.org; set edit.style"},
		{"edit:\n  repo: https://github.com/o/r\n  style: sourcehut\n", `line 3: edit.style: "sourcehut" is not one of github, gitlab, gitea, bitbucket`},
		{"edit:\n  repo: https://github.com/o/r\n  branch: a b\n", "line 3: edit.branch:"},
		{"edit:\n  repos: x\n", "line 2: unknown key repos"},
		{"lastUpdated: maybe\n", "line 1: key lastUpdated"},
	}
	for _, c := range bad {
		_, err := Parse("docsite.yaml", []byte(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Parse(%q) error = %v, want it to contain %q", c.in, err, c.want)
		}
	}
}

func TestHostStyle(t *testing.T) {
	cases := map[string]string{
		"https://github.com/o/r":           "github",
		"https://gitlab.example.com/g/s/r": "gitlab",
		"https://codeberg.org/o/r":         "gitea",
		"https://gitea.com/o/r":            "gitea",
		"https://bitbucket.org/o/r":        "bitbucket",
		"https://git.example.org/o/r":      "",
	}
	for repo, want := range cases {
		if got := (Edit{}).HostStyle(repo); got != want {
			t.Errorf("HostStyle(%s) = %q, want %q", repo, got, want)
		}
	}
	if got := (Edit{Style: "gitlab"}).HostStyle("https://git.example.org/o/r"); got != "gitlab" {
		t.Errorf("style is not used: %q", got)
	}
}

func TestDefaultsHaveNoTitle(t *testing.T) {
	cfg := Default()
	if cfg.Title != "" || !cfg.LastUpdated {
		t.Errorf("Default() = title %q, lastUpdated %v; want no title (the content names the site) and dates on", cfg.Title, cfg.LastUpdated)
	}
}

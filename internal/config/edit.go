package config

import (
	"fmt"
	"net/url"
	"strings"
)

// Edit says where a page's "edit this page" link points. Every key is
// optional: what is left out is read from the git checkout the content
// sits in (its origin remote, current branch and the folder's place in the
// repository), and with no repository at all there is no link.
type Edit struct {
	// Repo is the repository's web address (https://github.com/o/r), or
	// "off" for no edit links even where git knows a remote.
	Repo string `yaml:"repo"`
	// Branch the links open the file on; default the checked-out branch.
	Branch string `yaml:"branch"`
	// Path is the content folder inside the repository ("docs/").
	Path string `yaml:"path"`
	// Style is the shape of the host's edit URL: github, gitlab, gitea or
	// bitbucket; default told by the host's name.
	Style string `yaml:"style"`
}

// EditStyles are the URL shapes an edit link can take.
var EditStyles = []string{"github", "gitlab", "gitea", "bitbucket"}

// Off reports whether the site asked for no edit links.
func (e Edit) Off() bool { return strings.EqualFold(e.Repo, "off") }

// HostStyle is the edit URL shape of repository web address repo: Style when
// set, else what the host's name says ("" when it says nothing; a
// self-hosted forge then needs style).
func (e Edit) HostStyle(repo string) string {
	if e.Style != "" {
		return e.Style
	}
	u, err := url.Parse(repo)
	if err != nil {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	for _, s := range []struct{ word, style string }{
		{"github", "github"}, {"gitlab", "gitlab"}, {"gitea", "gitea"}, {"codeberg", "gitea"},
		{"forgejo", "gitea"}, {"bitbucket", "bitbucket"},
	} {
		if strings.Contains(host, s.word) {
			return s.style
		}
	}
	return ""
}

func (e Edit) validate() *keyError {
	if e.Style != "" && !contains(EditStyles, e.Style) {
		return &keyError{"style", fmt.Sprintf("style: %q is not one of %s", e.Style, strings.Join(EditStyles, ", "))}
	}
	if e.Repo == "" || e.Off() {
		return nil
	}
	u, err := url.Parse(e.Repo)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || u.User != nil {
		return &keyError{"repo", fmt.Sprintf("repo: %q is not the web address of a repository, such as https://github.com/owner/name (or off)", e.Repo)}
	}
	if e.HostStyle(e.Repo) == "" {
		return &keyError{"repo", fmt.Sprintf("repo: cannot tell the edit link's shape from the host %s; set edit.style to one of %s", u.Host, strings.Join(EditStyles, ", "))}
	}
	if strings.ContainsAny(e.Branch, " \t\n?#") {
		return &keyError{"branch", fmt.Sprintf("branch: %q is not a branch name", e.Branch)}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

package vcs

import (
	"net/url"
	"path"
	"regexp"
	"strings"

	"docsite/internal/config"
)

// Edit makes the web address where a page's source is edited.
type Edit struct {
	Repo   string // https://host/owner/name, no trailing slash
	Branch string
	Path   string // the content folder in the repository: "" or "docs/"
	Style  string // one of config.EditStyles
}

// URL is where the file at rel (relative to the content folder) is edited.
func (e *Edit) URL(rel string) string {
	file := escapePath(e.Branch + "/" + e.Path + rel)
	switch e.Style {
	case "gitlab":
		return e.Repo + "/-/edit/" + file
	case "gitea":
		return e.Repo + "/_edit/" + file
	case "bitbucket":
		return e.Repo + "/src/" + file + "?mode=edit"
	default:
		return e.Repo + "/edit/" + file
	}
}

// editFor joins what the configuration says with what git says; detect is
// asked only when the configuration leaves something out.
func editFor(c config.Edit, detect func() (remote, prefix, branch string)) *Edit {
	if c.Off() {
		return nil
	}
	e := &Edit{Repo: c.Repo, Branch: c.Branch, Path: c.Path}
	if c.Repo == "" || c.Branch == "" || c.Path == "" {
		remote, prefix, branch := detect()
		if e.Repo == "" {
			e.Repo = WebURL(remote)
		}
		if e.Branch == "" {
			e.Branch = branch
		}
		if c.Path == "" {
			e.Path = prefix
		}
	}
	if e.Repo == "" {
		return nil
	}
	e.Repo = strings.TrimSuffix(strings.TrimSuffix(e.Repo, "/"), ".git")
	if e.Branch == "" {
		e.Branch = "main"
	}
	e.Path = strings.Trim(path.Clean("/"+e.Path), "/")
	if e.Path != "" {
		e.Path += "/"
	}
	e.Style = c.HostStyle(e.Repo)
	if e.Style == "" {
		return nil // a forge docsite cannot name, found in a remote: better no link than a wrong one
	}
	return e
}

// scpLike is git's user@host:owner/name form of an ssh remote.
var scpLike = regexp.MustCompile(`^(?:[^@/]+@)?([^:/]+):(.+)$`)

// WebURL turns a git remote into the repository's web address:
// git@github.com:o/r.git, ssh://git@host:22/o/r and https://user:token@host/o/r.git
// all become https://host/o/r, never keeping a user name or token. A local
// path or anything else unknown gives "".
func WebURL(remote string) string {
	remote = strings.TrimSpace(remote)
	if remote == "" {
		return ""
	}
	scheme, host, p := "https", "", ""
	if u, err := url.Parse(remote); err == nil && u.Scheme != "" && u.Host != "" {
		switch u.Scheme {
		case "https", "http", "ssh", "git", "git+ssh", "ssh+git":
		default:
			return ""
		}
		host, p = u.Hostname(), u.Path
		if u.Scheme == "https" || u.Scheme == "http" {
			// A web server keeps its scheme and port; ssh's port is not the web's.
			scheme, host = u.Scheme, u.Host
		}
	} else if strings.Contains(remote, "://") {
		return "" // file:// and the like: no web address
	} else if m := scpLike.FindStringSubmatch(remote); m != nil && !strings.Contains(m[1], "\\") && len(m[1]) > 1 {
		host, p = m[1], m[2]
	} else {
		return ""
	}
	p = strings.Trim(strings.TrimSuffix(strings.Trim(p, "/"), ".git"), "/")
	if host == "" || p == "" || strings.ContainsAny(host, " \t\n") {
		return ""
	}
	return scheme + "://" + host + "/" + p
}

func escapePath(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = url.PathEscape(s)
	}
	return strings.Join(parts, "/")
}

package site

import (
	"net/url"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// TargetKind classifies what a link destination points at.
type TargetKind int

const (
	External     TargetKind = iota // another site, mailto:, …
	SamePage                       // "#fragment" alone
	PageTarget                     // a Markdown page (or a folder's landing page)
	FileTarget                     // a copied file
	Missing                        // nothing at that path
	Outside                        // the path leaves the content folder
	FolderNoPage                   // a folder without a landing page in that language
)

// Target is a resolved link destination.
type Target struct {
	Kind     TargetKind
	Path     string // resolved source path relative to the content folder
	Page     *Page  // for PageTarget and SamePage
	Fragment string // decoded fragment, without '#'
	RawFrag  string // fragment as written
	// CaseOf is the real spelling when the path matched only ignoring case:
	// the link works on macOS and Windows but not on Linux servers.
	CaseOf string
	// Draft is set for a Missing page that exists but is not published.
	Draft bool
}

// IsExternal reports whether dest names another site or scheme.
func IsExternal(dest string) bool {
	if strings.HasPrefix(dest, "//") {
		return true
	}
	i := strings.IndexByte(dest, ':')
	if i <= 0 {
		return false
	}
	for _, c := range dest[:i] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// Resolve finds what a link written in from points at. Render uses it to
// rewrite links to URLs, the checker to report broken ones: both read the
// same answer.
func (s *Site) Resolve(from *Page, dest string) Target {
	dest = trimSpace(dest)
	if IsExternal(dest) {
		return Target{Kind: External}
	}
	p, frag, _ := strings.Cut(dest, "#")
	if i := strings.IndexByte(p, '?'); i >= 0 {
		p = p[:i]
	}
	t := Target{RawFrag: frag, Fragment: decodeFragment(frag)}
	if p == "" {
		t.Kind, t.Page, t.Path = SamePage, from, from.Path
		return t
	}
	if dec, err := url.PathUnescape(p); err == nil {
		p = dec
	}
	var rel string
	if strings.HasPrefix(p, "/") {
		rel = path.Clean(strings.TrimLeft(p, "/"))
	} else {
		rel = joinRel(from.Dir, p)
		if rel == ".." || strings.HasPrefix(rel, "../") {
			t.Kind, t.Path = Outside, rel
			return t
		}
	}
	if rel == "." {
		rel = ""
	}
	t.Path = rel
	if !s.Exists[rel] {
		real, ok := s.FileSet[strings.ToLower(rel)]
		if !ok {
			if strings.HasPrefix(p, "/") {
				t.Kind = Outside
			} else {
				t.Kind = Missing
			}
			return t
		}
		t.CaseOf, rel, t.Path = real, real, real
	}
	if d, ok := s.Dirs[rel]; ok {
		page := d.Landing[from.Lang]
		if page == nil {
			page = d.Landing[s.Config.Language]
		}
		if page == nil || page.Generated {
			t.Kind = FolderNoPage
			t.Page = page
			return t
		}
		t.Kind, t.Page, t.Path = PageTarget, page, page.Path
		return t
	}
	if page, ok := s.ByPath[rel]; ok {
		t.Kind, t.Page = PageTarget, page
		return t
	}
	if strings.HasSuffix(strings.ToLower(rel), ".md") {
		// A Markdown file that is no page: a draft left out of the site.
		t.Kind, t.Draft = Missing, true
		return t
	}
	t.Kind = FileTarget
	return t
}

// trimSpace is strings.TrimSpace, which decodes a rune at each end that
// is not ASCII: destinations often end in a Chinese heading ID.
func trimSpace(s string) string {
	if s == "" {
		return s
	}
	first, last := s[0], s[len(s)-1]
	if first > ' ' && first < utf8.RuneSelf && last > ' ' {
		if last < utf8.RuneSelf {
			return s
		}
		if r, _ := utf8.DecodeLastRuneInString(s); !unicode.IsSpace(r) {
			return s
		}
	}
	return strings.TrimSpace(s)
}

// decodeFragment turns "%E6%A0%87%E9%A2%98" back into the heading ID it spells.
func decodeFragment(f string) string {
	if dec, err := url.PathUnescape(f); err == nil {
		return dec
	}
	return f
}

// BasePath is the path part of the configured base URL, ending in '/'.
func (s *Site) BasePath() string {
	b := s.Config.BaseURL
	// Every link of every page asks; url.Parse was a tenth of a warm
	// build's templates. The memo holds the base URL it was made from.
	if m := s.basePath.Load(); m != nil && m[0] == b {
		return m[1]
	}
	p := basePath(b)
	s.basePath.Store(&[2]string{b, p})
	return p
}

func basePath(b string) string {
	if u, err := url.Parse(b); err == nil && u.Host != "" {
		b = u.Path
	}
	if !strings.HasPrefix(b, "/") {
		b = "/" + b
	}
	if !strings.HasSuffix(b, "/") {
		b += "/"
	}
	return b
}

// Href is the URL of a site path (page URL or file path) under the base path.
func (s *Site) Href(sitePath string) string {
	return s.BasePath() + strings.TrimPrefix(sitePath, "/")
}

// LinkURL rewrites a destination for the output: a Markdown file becomes its
// page URL, a copied file its URL, the fragment kept as written. The second
// result is false when the link should stay as the author wrote it.
func (s *Site) LinkURL(from *Page, dest string) (string, bool) {
	t := s.Resolve(from, dest)
	frag := ""
	if t.RawFrag != "" || strings.HasSuffix(dest, "#") {
		frag = "#" + t.RawFrag
	}
	switch t.Kind {
	case PageTarget:
		return s.Href(t.Page.URL) + frag, true
	case FolderNoPage:
		// The folder gets a generated index page at its URL.
		return s.Href(s.DirURL(t.Path, from.Lang)) + frag, true
	case FileTarget:
		return s.Href(escapePath(t.Path)) + frag, true
	}
	return "", false
}

func escapePath(p string) string {
	return (&url.URL{Path: p}).EscapedPath()
}

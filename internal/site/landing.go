package site

import (
	"path"
	"strings"
)

// landingRank ranks the file names that stand for their folder, most
// specific first: an explicit index wins over the folder-named page, which
// wins over a README kept for GitHub. 0 means not a landing page.
func landingRank(dir, key string) int {
	name := path.Base(key)
	folder := StripNumber(path.Base(dir))
	switch {
	case name == "_index.md":
		return 1
	case name == "index.md":
		return 2
	case dir != "" && name == folder+".md":
		return 3
	case strings.EqualFold(name, "README.md"):
		return 4
	case dir != "" && name == path.Base(dir)+".md":
		// "02-x/02-x.md": the folder's own name with its prefix; weaker
		// than a README, since a numbered sibling may just share the name.
		return 5
	}
	return 0
}

// pickLandings chooses each folder's landing page per language and gives
// every page its URL.
func (s *Site) pickLandings() {
	best := map[string]int{}
	for _, p := range s.Pages {
		r := landingRank(p.Dir, p.Key)
		if r == 0 {
			continue
		}
		k := p.Lang + "\x00" + p.Dir
		if b, ok := best[k]; !ok || r < b {
			best[k] = r
			s.Dirs[p.Dir].Landing[p.Lang] = p
		}
	}
	for _, d := range s.Dirs {
		for _, p := range d.Landing {
			p.Landing = true
		}
	}
	for _, p := range s.Pages {
		p.URL = s.pageURL(p)
	}
}

func (s *Site) pageURL(p *Page) string {
	prefix := "/"
	if p.Lang != s.Config.Language {
		prefix = "/" + LangPrefix(p.Lang) + "/"
	}
	if p.Landing {
		if p.Dir == "" {
			return prefix
		}
		return prefix + p.Dir + "/"
	}
	return prefix + strings.TrimSuffix(p.Key, path.Ext(p.Key)) + "/"
}

// DirURL is the URL of a folder in a language, whether or not it has a landing page.
func (s *Site) DirURL(dir, lang string) string {
	prefix := "/"
	if lang != s.Config.Language {
		prefix = "/" + LangPrefix(lang) + "/"
	}
	if dir == "" {
		return prefix
	}
	return prefix + dir + "/"
}

// LangPrefix is the URL segment of a non-default language.
func LangPrefix(lang string) string {
	if i := strings.IndexByte(lang, '-'); i > 0 {
		return strings.ToLower(lang[:i])
	}
	return strings.ToLower(lang)
}

// StripNumber drops an ordering prefix such as "01-" or "1." from a file or
// folder name.
func StripNumber(name string) string {
	_, rest, ok := numberPrefix(name)
	if ok && rest != "" {
		return rest
	}
	return name
}

// numberPrefix splits "02-principles" into 2 and "principles".
func numberPrefix(name string) (n int, rest string, ok bool) {
	i := 0
	for i < len(name) && name[i] >= '0' && name[i] <= '9' && i < 9 {
		n = n*10 + int(name[i]-'0')
		i++
	}
	if i == 0 || i == len(name) {
		return 0, name, false
	}
	switch name[i] {
	case '-', '.', '_', ' ':
		return n, name[i+1:], true
	}
	return 0, name, false
}

package site

import "maps"

// Replace swaps in a new version of an existing page read from src, keeping
// its place: URL, language, landing role, navigation node and translations.
// The preview server uses it to re-parse one saved file without reloading
// the folder. It returns the new page and the one it replaced; ok is false
// when path is not a page of the site.
func (s *Site) Replace(path string, src []byte) (p, old *Page, ok bool) {
	old, ok = s.ByPath[path]
	if !ok {
		return nil, nil, false
	}
	p = s.newPage(path, src)
	p.URL, p.Landing = old.URL, old.Landing
	p.Nav = old.Nav
	if p.Nav != nil {
		p.Nav.Page = p
	}
	p.Translations = maps.Clone(old.Translations)
	for _, q := range old.Translations {
		q.Translations[p.Lang] = p
	}
	for i, q := range s.Pages {
		if q == old {
			s.Pages[i] = p
		}
	}
	s.ByPath[path] = p
	if s.ByURL[p.URL] == old {
		s.ByURL[p.URL] = p
	}
	if d := s.Dirs[p.Dir]; d != nil && d.Landing[p.Lang] == old {
		d.Landing[p.Lang] = p
	}
	return p, old, true
}

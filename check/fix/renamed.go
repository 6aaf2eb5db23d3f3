package fix

import (
	"bytes"
	"strings"

	"docsite/check/links"
	"docsite/internal/site"
)

// Renamed plans the repair of links to files git renamed (see
// changed.Renames): each goes to the file's new path, fragment kept.
func Renamed(s *site.Site, r links.Renamed) map[string][]Edit {
	out := map[string][]Edit{}
	for _, p := range s.Pages {
		if p.Generated {
			continue
		}
		for _, l := range p.Links {
			to, ok := r.To(s, p, l.Dest)
			if !ok {
				continue
			}
			e, ok := replaceDest(p, l, to, MovedLink)
			if !ok {
				e, ok = definitionDest(p, l.Dest, to)
			}
			if ok {
				out[p.Path] = append(out[p.Path], e)
			}
		}
	}
	return out
}

// FollowingRenames runs pass after the repairs git's renames make
// certain; a link both would change goes where git says.
func FollowingRenames(pass func(*site.Site) map[string][]Edit, r links.Renamed) func(*site.Site) map[string][]Edit {
	return func(s *site.Site) map[string][]Edit {
		out := Renamed(s, r)
		for file, edits := range pass(s) {
			out[file] = append(out[file], edits...)
		}
		return out
	}
}

// definitionDest finds the link reference definition that gives a
// reference-style link its destination ("[arch]: old.md#x") and replaces
// the destination there. Several uses of one definition make one edit.
func definitionDest(p *site.Page, dest, to string) (Edit, bool) {
	src := p.Source
	for off := p.BodyOffset; off < len(src); {
		end := off + lineLen(src[off:])
		line := src[off:end]
		t := bytes.TrimLeft(line, " ")
		if len(line)-len(t) <= 3 && len(t) > 0 && t[0] == '[' {
			if i := bytes.Index(t, []byte("]:")); i > 0 {
				at := len(line) - len(t) + i + 2
				for at < len(line) && (line[at] == ' ' || line[at] == '\t') {
					at++
				}
				rest := line[at:]
				if bytes.HasPrefix(rest, []byte("<")) {
					rest, at = rest[1:], at+1
				}
				if bytes.HasPrefix(rest, []byte(dest)) && (len(rest) == len(dest) || strings.IndexByte(" \t\r>", rest[len(dest)]) >= 0) {
					return Edit{Start: off + at, End: off + at + len(dest), Text: to, Kind: MovedLink}, true
				}
			}
		}
		off = end + 1
	}
	return Edit{}, false
}

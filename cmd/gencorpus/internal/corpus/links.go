package corpus

import (
	"fmt"
	"math/rand/v2"
	"path"
	"strings"
)

// relPath is the relative link from a page in dir to the file at target,
// both slash paths from the corpus root.
func relPath(dir, target string) string {
	var from, to []string
	if dir != "" {
		from = strings.Split(dir, "/")
	}
	to = strings.Split(target, "/")
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	var b strings.Builder
	for range len(from) - i {
		b.WriteString("../")
	}
	b.WriteString(strings.Join(to[i:], "/"))
	return b.String()
}

// resolve is the corpus path a relative link from dir points at, and
// whether it stays inside the corpus.
func resolve(dir, href string) (string, bool) {
	p := path.Join(dir, href)
	return p, p != ".." && !strings.HasPrefix(p, "../")
}

// crossLink returns a link to another page, broken (moved, renamed, or to
// a file that never existed) with probability pBroken. Working links carry
// a fragment of a real heading of the target a third of the time.
func (g *gen) crossLink(r *rand.Rand, p *page, pBroken float64) (link string, broken bool) {
	var t *page
	for t == nil || t == p || t.kind == homePage {
		if r.IntN(2) == 0 && p.kind != homePage {
			// Prefer pages of the same top-level section, as authors do.
			top := strings.SplitN(p.path, "/", 2)[0] + "/"
			lo := g.firstWithPrefix(top)
			hi := lo
			for hi < len(g.pages) && strings.HasPrefix(g.pages[hi].path, top) {
				hi++
			}
			t = g.pages[lo+r.IntN(max(hi-lo, 1))]
		} else {
			t = g.pages[r.IntN(len(g.pages))]
		}
	}
	href := relPath(p.dir, t.path)
	if p.dir == t.dir && r.IntN(3) == 0 {
		href = "./" + href
	}
	frag := ""
	if len(t.heads) > 0 && r.IntN(3) == 0 {
		frag = "#" + t.heads[r.IntN(len(t.heads))].slug
	}
	text := t.h1.text
	if r.IntN(2) == 0 {
		text = "`" + text + "`"
	}
	if r.Float64() < pBroken {
		href = g.breakHref(r, p, t, href)
		broken = true
	}
	return fmt.Sprintf("[%s](%s%s)", text, href, frag), broken
}

// breakHref turns a working link into one of the kinds of broken link a
// reorganised knowledge base accumulates.
func (g *gen) breakHref(r *rand.Rand, p, t *page, href string) string {
	for try := 0; ; try++ {
		var cand string
		mode := r.IntN(4)
		if try > 6 {
			mode = 3
		}
		switch mode {
		case 3: // a section that was planned and never written
			tp := pick(r, topics)
			cand = relPath(p.dir, fmt.Sprintf("TECHNICAL/%02d-%s/%s.md", 10+r.IntN(20), tp.en, tp.en))
		case 0: // a folder renumbered after the link was written
			parts := strings.Split(t.path, "/")
			i := r.IntN(len(parts))
			if len(parts[i]) > 3 && parts[i][2] == '-' && parts[i][0] >= '0' && parts[i][0] <= '9' {
				n := int(parts[i][0]-'0')*10 + int(parts[i][1]-'0')
				d := 1 + r.IntN(3)
				if n > d && r.IntN(2) == 0 {
					d = -d
				}
				parts[i] = fmt.Sprintf("%02d%s", n+d, parts[i][2:])
			}
			cand = relPath(p.dir, strings.Join(parts, "/"))
		case 1: // a landing page renamed, or a file's prefix dropped
			base := path.Base(t.path)
			folder := path.Base(t.dir)
			switch {
			case base == "README.md" && len(folder) > 3:
				base = folder[3:] + ".md"
			case t.kind == landingPage:
				base = "README.md"
			case len(base) > 3 && base[2] == '-':
				base = base[3:]
			default:
				base = strings.ToLower(base)
			}
			cand = relPath(p.dir, path.Join(t.dir, base))
		case 2: // one "../" too many or too few
			if strings.HasPrefix(href, "../") && r.IntN(2) == 0 {
				cand = href[3:]
			} else {
				cand = "../" + strings.TrimPrefix(href, "./")
			}
		}
		if res, ok := resolve(p.dir, cand); !ok || !g.exists[res] {
			return cand
		}
	}
}

func (g *gen) firstWithPrefix(prefix string) int {
	for i, q := range g.pages {
		if strings.HasPrefix(q.path, prefix) {
			return i
		}
	}
	return 0
}

// anchorLink is a prose link to a heading of the same page; a broken one is
// written as authors get slugs wrong: the dot kept, or the number left out.
func anchorLink(r *rand.Rand, p *page, broken bool) string {
	h := p.heads[r.IntN(len(p.heads))]
	num, rest, _ := strings.Cut(h.text, " ")
	text := num
	if h.level == 4 || rest == "" || r.IntN(2) == 0 {
		text = strings.TrimSpace(rest)
		if text == "" {
			text = h.text
		}
	}
	target := h.slug
	if broken {
		candidates := []string{
			strings.ToLower(strings.ReplaceAll(h.text, " ", "-")),
			strings.ReplaceAll(strings.ToLower(rest), " ", "-"),
			h.slug + "-" + fmt.Sprint(2+r.IntN(3)),
		}
		for _, c := range candidates {
			if c != "" && !p.hasSlug(c) {
				target = c
				break
			}
		}
		if target == h.slug {
			target = h.slug + "-old"
		}
	}
	return fmt.Sprintf("[%s](#%s)", text, target)
}

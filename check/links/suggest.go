package links

import (
	"path"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"docsite/internal/site"
	"docsite/internal/slug"
)

// Index finds existing files by base name, for suggestions and repairs.
type Index struct {
	byName map[string][]string // lower-cased base name → paths
	byBare map[string][]string // the same without a numeric prefix → paths
	byDir  map[string][]string // folder → paths of the files in it
	dirs   map[string][]string // path → its folders' names, as pathAffinity compares them
	byPage map[*site.Page]*anchorIndex
	exists map[string]bool // the site's files and folders
}

// anchors returns the page's anchor index, made on first use.
func (idx *Index) anchors(p *site.Page) *anchorIndex {
	if ai, ok := idx.byPage[p]; ok {
		return ai
	}
	ai := newAnchorIndex(p)
	idx.byPage[p] = ai
	return ai
}

// NewIndex indexes the files of a site.
func NewIndex(s *site.Site) *Index {
	idx := &Index{byName: map[string][]string{}, byBare: map[string][]string{}, byDir: map[string][]string{},
		dirs: map[string][]string{}, byPage: map[*site.Page]*anchorIndex{}, exists: s.Exists}
	for p := range s.Exists {
		if p == "" {
			continue
		}
		name := strings.ToLower(path.Base(p))
		bare, dir := site.StripNumber(name), path.Dir(p)
		idx.byName[name] = append(idx.byName[name], p)
		idx.byBare[bare] = append(idx.byBare[bare], p)
		idx.byDir[dir] = append(idx.byDir[dir], p)
		idx.dirs[p] = folderNames(p)
	}
	return idx
}

// named lists the files with want's name, or failing that the files whose
// name is want's apart from a numeric prefix (a renumbered file).
func (idx *Index) named(want string) []string {
	name := strings.ToLower(path.Base(want))
	if cands := idx.byName[name]; len(cands) > 0 {
		return cands
	}
	return idx.byBare[site.StripNumber(name)]
}

// suggest proposes the existing file the author most likely meant by want,
// where the page's link dest led: the file dest names from the content
// folder, when it does not climb ("cases/README.md" on a page in cases/,
// written as from the repository's root); else among files of the same
// name (ignoring case and a numeric prefix), the one whose folders share
// most with want's; else a file in the same folder with a near name. The
// answer is a link relative to the page.
func (idx *Index) suggest(p *site.Page, want, dest string) string {
	if fromRoot, ok := strings.CutPrefix(want, p.Dir+"/"); ok && p.Dir != "" && !strings.Contains(dest, "..") && idx.exists[fromRoot] {
		return relPath(p.Dir, fromRoot)
	}
	cands := idx.named(want)
	best, bestScore := "", -1
	wantDirs := folderNames(want)
	for _, c := range cands {
		sc := pathAffinity(wantDirs, idx.dirs[c])
		if sc > bestScore || (sc == bestScore && c < best) {
			best, bestScore = c, sc
		}
	}
	if best == "" {
		best = idx.nearName(want)
	}
	if best == "" {
		return ""
	}
	return relPath(p.Dir, best)
}

// pathAffinity scores how much of want's folder path c's shares (both as
// folderNames gives them): each of want's folders that c has too counts.
func pathAffinity(want, c []string) int {
	score := 0
	for _, d := range want {
		if slices.Contains(c, d) {
			score += 2
		}
	}
	// Fewer extra folders is better.
	return score*8 - abs(len(want)-len(c))
}

// folderNames are the names of p's folders, lower-cased and without their
// numeric prefix ("." for a file at the top).
func folderNames(p string) []string {
	ds := strings.Split(path.Dir(p), "/")
	for i, d := range ds {
		ds[i] = site.StripNumber(strings.ToLower(d))
	}
	return ds
}

// nearName looks in want's own folder for a name within a small edit distance.
func (idx *Index) nearName(want string) string {
	dir, name := path.Dir(want), strings.ToLower(path.Base(want))
	runes := utf8.RuneCountInString(name)
	limit := max(2, runes/4)
	best, bestD := "", 1<<30
	for _, c := range idx.byDir[dir] {
		other := strings.ToLower(path.Base(c))
		// The distance is at least the difference in length: a name
		// that cannot come within the limit, or reach the best so far,
		// is not measured (the answer is the same).
		if abs(utf8.RuneCountInString(other)-runes) > min(limit, bestD) {
			continue
		}
		d := distance(name, other)
		if d < bestD || (d == bestD && c < best) {
			best, bestD = c, d
		}
	}
	if bestD <= limit {
		return best
	}
	return ""
}

// relPath is the relative link from folder dir to target.
func relPath(dir, target string) string {
	if dir == "" || dir == "." {
		return target
	}
	from := strings.Split(dir, "/")
	to := strings.Split(target, "/")
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	return strings.Repeat("../", len(from)-i) + strings.Join(to[i:], "/")
}

// Certain returns the link from p to the one file want must have meant,
// or false when that is not certain. Candidates have want's file name
// (apart from a numeric prefix); fits, when given, keeps only those the
// rest of the link fits (its fragment names an anchor there). One left is
// certain; among several, only the one in a folder of the same name is.
func (idx *Index) Certain(p *site.Page, want string, fits func(path string) bool) (string, bool) {
	cands := idx.named(want)
	if fits != nil {
		var kept []string
		for _, c := range cands {
			if fits(c) {
				kept = append(kept, c)
			}
		}
		cands = kept
	}
	if len(cands) > 1 {
		folder := site.StripNumber(strings.ToLower(path.Base(path.Dir(want))))
		var same []string
		for _, c := range cands {
			if site.StripNumber(strings.ToLower(path.Base(path.Dir(c)))) == folder {
				same = append(same, c)
			}
		}
		cands = same
	}
	if len(cands) != 1 {
		return "", false
	}
	return relPath(p.Dir, cands[0]), true
}

// RenumberedAnchor returns the ID of the one heading of p whose text is
// frag's apart from its number: the heading was renumbered.
func RenumberedAnchor(p *site.Page, frag string) (string, bool) {
	want := stripSlugNumber(frag)
	if want == "" {
		return "", false
	}
	found := ""
	for _, h := range p.Headings {
		if stripSlugNumber(h.ID) == want {
			if found != "" {
				return "", false
			}
			found = h.ID
		}
	}
	return found, found != ""
}

// anchorIndex answers anchor suggestions for one page in time independent
// of how many anchors it has: a page with thousands of stale TOC links
// must not cost thousands × thousands comparisons.
type anchorIndex struct {
	renumbered map[string]string // number-stripped heading ID → first heading ID
	ids        []string          // every anchor, by rune length then ID
	lens       []int
}

func newAnchorIndex(p *site.Page) *anchorIndex {
	ai := &anchorIndex{renumbered: map[string]string{}}
	for _, h := range p.Headings {
		if k := stripSlugNumber(h.ID); k != "" {
			if _, seen := ai.renumbered[k]; !seen {
				ai.renumbered[k] = h.ID
			}
		}
	}
	for id := range p.Anchors {
		ai.ids = append(ai.ids, id)
	}
	sort.Slice(ai.ids, func(i, j int) bool {
		li, lj := utf8.RuneCountInString(ai.ids[i]), utf8.RuneCountInString(ai.ids[j])
		return li < lj || li == lj && ai.ids[i] < ai.ids[j]
	})
	for _, id := range ai.ids {
		ai.lens = append(ai.lens, utf8.RuneCountInString(id))
	}
	return ai
}

// maxCompared bounds the edit distances one suggestion computes.
const maxCompared = 256

// suggest proposes a heading for a fragment that matched none: the one
// whose text is the same apart from its hand-written number (renumbered),
// else the closest ID within a third of the fragment's length.
func (ai *anchorIndex) suggest(frag string) string {
	if want := stripSlugNumber(frag); want != "" {
		if id, ok := ai.renumbered[want]; ok {
			return id
		}
	}
	n := utf8.RuneCountInString(frag)
	limit := max(2, n/3)
	best, bestD := "", limit+1
	from := sort.SearchInts(ai.lens, n-limit)
	for i := from; i < len(ai.ids) && i < from+maxCompared && ai.lens[i] <= n+limit; i++ {
		if abs(ai.lens[i]-n) >= bestD {
			continue
		}
		if d := distance(frag, ai.ids[i]); d < bestD {
			best, bestD = ai.ids[i], d
		}
	}
	return best
}

// stripSlugNumber drops the leading number of a heading slug: "121-核心理念"
// and "131-核心理念" both become "核心理念".
func stripSlugNumber(id string) string {
	i := 0
	for i < len(id) && id[i] >= '0' && id[i] <= '9' {
		i++
	}
	if i > 0 && i < len(id) && id[i] == '-' {
		return id[i+1:]
	}
	if i == 0 {
		return slug.Make(id)
	}
	return ""
}

// distance is the Levenshtein distance over runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

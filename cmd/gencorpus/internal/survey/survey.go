// Package survey measures a Markdown tree independently of the generator
// that wrote it: fences by language, math, headings, links of each kind
// resolved on disk and against heading slugs, TOC entries, citations. The
// benchmark report quotes these numbers, and the generator's tests check its
// own bookkeeping against them.
package survey

import (
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"docsite/internal/slug"
)

// Survey is what one walk of a tree found.
type Survey struct {
	Markdown, Other int
	MarkdownBytes   int64
	Headings        [7]int // by level
	Mermaid         int
	DisplayMath     int // $$ … $$ blocks
	MathFences      int
	InlineMathLines int
	Code            map[string]int // fence language, "" for none
	Anchor          int            // [..](#frag)
	AnchorBroken    int
	TOCLinks        int // anchor links inside a 目录 section
	TOCBroken       int
	Relative        int // [..](path) and ![..](path)
	RelativeBroken  int // no such file
	Fragments       int // relative links with #frag to an existing .md
	FragmentBroken  int // … where the target has no such heading
	External        int
	RefStyle        int // [text][label] and [text][]
	HTMLLinks       int // href= and src= in raw HTML
	Citations       int // [key] in prose
	CiteDefs        int // [key]: … anywhere outside code
	NumberingOff    int // pages whose heading numbers break their own scheme
}

var (
	headingRe  = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*$`)
	linkRe     = regexp.MustCompile(`\]\(([^)\s]+)\)`)
	autoRe     = regexp.MustCompile(`<(https?://[^>\s]+)>`)
	refStyleRe = regexp.MustCompile(`\]\[[^\]]*\]`)
	htmlRe     = regexp.MustCompile(`\b(?:href|src)="([^"]+)"`)
	citeRe     = regexp.MustCompile(`(^|[^\]!\w])\[([a-z0-9][a-z0-9._-]*-[a-z0-9._-]*)\]([^(\[:]|$)`)
	defRe      = regexp.MustCompile(`\[[a-z0-9][a-z0-9._-]*\]:`)
	codeSpanRe = regexp.MustCompile("`[^`]*`")
	inlineRe   = regexp.MustCompile(`(^|[^\\$])\$[^\s$]([^$]*[^\s$])?\$([^0-9$]|$)`)
	numberRe   = regexp.MustCompile(`^(\d{1,3}(?:\.\d{1,3})*)\.?\s`) // four digits are a year
)

// Dir walks root and surveys every file under it (hidden files skipped).
func Dir(root string) (*Survey, error) {
	exists := map[string]bool{"": true}
	var mds []string
	s := &Survey{Code: map[string]int{}}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if rel == "." {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		exists[rel] = true
		switch {
		case d.IsDir():
		case strings.HasSuffix(rel, ".md"):
			mds = append(mds, rel)
		default:
			s.Other++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(mds)
	slugs := map[string]map[string]bool{}
	var frags [][2]string // target file, fragment
	for _, rel := range mds {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil {
			return nil, err
		}
		s.Markdown++
		s.MarkdownBytes += int64(len(data))
		slugs[rel] = s.file(rel, string(data), exists, &frags)
	}
	for _, f := range frags {
		s.Fragments++
		if !slugs[f[0]][f[1]] {
			s.FragmentBroken++
		}
	}
	return s, nil
}

// file surveys one page and returns its heading slugs.
func (s *Survey) file(rel, src string, exists map[string]bool, frags *[][2]string) map[string]bool {
	lines := strings.Split(src, "\n")
	// Pass 1: headings (links may come before the heading they name).
	ids := map[string]bool{}
	var sl slug.Slugger
	var nums []string
	eachProse(lines, nil, func(_ int, l string) {
		if m := headingRe.FindStringSubmatch(l); m != nil {
			ids[sl.Slug(m[2])] = true
			s.Headings[len(m[1])]++
			nums = append(nums, m[1]+" "+m[2])
		}
	})
	if numberingOff(nums) {
		s.NumberingOff++
	}
	dir := path.Dir(rel)
	if dir == "." {
		dir = ""
	}
	inTOC, dollars := false, 0
	eachProse(lines, s, func(_ int, l string) {
		if m := headingRe.FindStringSubmatch(l); m != nil {
			inTOC = m[2] == "目录" || m[2] == "📑 目录"
			return
		}
		if l == "---" {
			inTOC = false
		}
		dollars += strings.Count(l, "$$")
		bare := codeSpanRe.ReplaceAllString(l, "``")
		if inlineRe.MatchString(strings.ReplaceAll(bare, "$$", "")) {
			s.InlineMathLines++
		}
		s.CiteDefs += len(defRe.FindAllString(bare, -1))
		s.Citations += len(citeRe.FindAllString(bare, -1))
		s.RefStyle += len(refStyleRe.FindAllString(bare, -1))
		s.HTMLLinks += len(htmlRe.FindAllString(bare, -1))
		s.External += len(autoRe.FindAllString(bare, -1))
		for _, m := range linkRe.FindAllStringSubmatch(bare, -1) {
			s.link(dir, m[1], ids, inTOC, exists, frags)
		}
	})
	s.DisplayMath += dollars / 2
	return ids
}

func (s *Survey) link(dir, href string, ids map[string]bool, inTOC bool, exists map[string]bool, frags *[][2]string) {
	switch {
	case strings.HasPrefix(href, "#"):
		s.Anchor++
		ok := ids[href[1:]]
		if !ok {
			s.AnchorBroken++
		}
		if inTOC {
			s.TOCLinks++
			if !ok {
				s.TOCBroken++
			}
		}
	case strings.HasPrefix(href, "http://"), strings.HasPrefix(href, "https://"):
		s.External++
	case strings.Contains(href, ":"):
		// mailto: and other schemes are neither files nor the web.
	default:
		s.Relative++
		file, frag, _ := strings.Cut(href, "#")
		target := path.Join(dir, file)
		if strings.HasPrefix(target, "../") || target == ".." || !exists[target] {
			s.RelativeBroken++
			return
		}
		if frag != "" && strings.HasSuffix(target, ".md") {
			*frags = append(*frags, [2]string{target, frag})
		}
	}
}

// eachProse calls fn for every line outside fenced code, counting the
// fences into s when s is not nil.
func eachProse(lines []string, s *Survey, fn func(int, string)) {
	fence := ""
	for i, l := range lines {
		t := strings.TrimLeft(l, " ")
		if fence != "" {
			if strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == "" {
				fence = ""
			}
			continue
		}
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			n := len(t) - len(strings.TrimLeft(t, t[:1]))
			fence = t[:n]
			if s != nil {
				switch info := strings.TrimSpace(t[n:]); info {
				case "mermaid":
					s.Mermaid++
				case "math":
					s.MathFences++
				default:
					s.Code[info]++
				}
			}
			continue
		}
		fn(i, l)
	}
}

// numberingOff reports whether a page's hand numbers break its own scheme,
// read as SPEC §2 describes the knowledge base, whatever the H1 says: H2
// numbers are the top-level sections, counting up from the first; a number
// of two or more parts deeper extends the number of the heading above it
// and counts from 1 there; a one-part number deeper is an entry of a
// numbered list written as headings, counted from 1 under the heading
// above it. Unnumbered headings, years and versions ("2025 年", "v1.30")
// take no part.
func numberingOff(heads []string) bool {
	var open [7]int        // the heading open at each level, by index+1
	nums := [][]int{}      // each heading's number, nil for none
	count := map[int]int{} // numbered children seen, by parent index+1
	var base []int
	top := -1 // the first H2's last part, where the sections start
	for i, h := range heads {
		level, text, _ := strings.Cut(h, " ")
		l := len(level)
		var n []int
		if m := numberRe.FindStringSubmatch(text); m != nil {
			for p := range strings.SplitSeq(m[1], ".") {
				v, _ := strconv.Atoi(p)
				n = append(n, v)
			}
		}
		nums = append(nums, n)
		parent := 0
		for j := l - 1; j >= 1 && parent == 0; j-- {
			parent = open[j]
		}
		open[l] = i + 1
		for j := l + 1; j < len(open); j++ {
			open[j] = 0
		}
		if n == nil || l == 1 {
			continue
		}
		count[parent]++
		var want []int
		switch {
		case l == 2:
			if top < 0 {
				base, top = n[:len(n)-1], n[len(n)-1]
			}
			want = append(slices.Clone(base), top+count[parent]-1)
		case len(n) == 1:
			want = []int{count[parent]}
		case parent > 0:
			want = append(slices.Clone(nums[parent-1]), count[parent])
		}
		if !slices.Equal(n, want) {
			return true
		}
	}
	return false
}

// CodeBlocks is the number of fenced blocks other than mermaid and math.
func (s *Survey) CodeBlocks() int {
	n := 0
	for _, v := range s.Code {
		n += v
	}
	return n
}

// Print writes the survey as an aligned report.
func (s *Survey) Print(w io.Writer) {
	pct := func(a, b int) string {
		if b == 0 {
			return "0%"
		}
		return fmt.Sprintf("%.1f%%", 100*float64(a)/float64(b))
	}
	fmt.Fprintf(w, "files         %d .md (%.1f MB), %d other\n", s.Markdown, float64(s.MarkdownBytes)/1e6, s.Other)
	fmt.Fprintf(w, "headings      H1 %d, H2 %d, H3 %d, H4 %d; numbering off on %d pages\n", s.Headings[1], s.Headings[2], s.Headings[3], s.Headings[4], s.NumberingOff)
	fmt.Fprintf(w, "mermaid       %d\n", s.Mermaid)
	fmt.Fprintf(w, "math          %d $$ blocks, %d ```math, %d lines with inline $…$\n", s.DisplayMath, s.MathFences, s.InlineMathLines)
	fmt.Fprintf(w, "code fences   %d:", s.CodeBlocks())
	for _, k := range slices.Sorted(maps.Keys(s.Code)) {
		name := k
		if name == "" {
			name = "(none)"
		}
		fmt.Fprintf(w, " %s %d", name, s.Code[k])
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "anchor links  %d, %d broken (%s); TOC %d, %d stale\n", s.Anchor, s.AnchorBroken, pct(s.AnchorBroken, s.Anchor), s.TOCLinks, s.TOCBroken)
	fmt.Fprintf(w, "relative      %d, %d broken (%s); %d with #fragment, %d of those to no heading\n", s.Relative, s.RelativeBroken, pct(s.RelativeBroken, s.Relative), s.Fragments, s.FragmentBroken)
	fmt.Fprintf(w, "external      %d\n", s.External)
	fmt.Fprintf(w, "other links   %d reference-style, %d in raw HTML\n", s.RefStyle, s.HTMLLinks)
	fmt.Fprintf(w, "citations     %d uses, %d definitions\n", s.Citations, s.CiteDefs)
}

package numbering

// Kind names the numbering scheme a page follows.
type Kind uint8

const (
	// None: no heading below the title carries a section number.
	None Kind = iota
	// Chapter: the sections extend the H1's number ("# 14." over "## 14.1").
	Chapter
	// Document: the sections number themselves ("## 1 概述", "### 1.1"),
	// from 1 or from a prefix that is not the H1's.
	Document
	// Lists: only numbered lists written as headings ("#### 1. …").
	Lists
	// Mixed: sections and numbered list-headings both.
	Mixed
)

var kindNames = [...]string{"none", "chapter", "document", "lists", "mixed"}

func (k Kind) String() string { return kindNames[k] }

// Role says how one heading takes part in the page's numbering.
type Role uint8

const (
	// Prose: the heading carries no section number.
	Prose Role = iota
	// Title: the page's H1, with a number.
	Title
	// Section: part of the page-wide numbering.
	Section
	// Item: one entry of a numbered list written as headings, counted
	// only among its siblings.
	Item
)

// Heading is what the scheme reads of a heading.
type Heading struct {
	Level int
	Text  string
}

// Head is one heading as the scheme sees it.
type Head struct {
	Level int
	Token // Number is nil unless Role is Title, Section or Item
	Role  Role
	// Parent is the heading this one is numbered under — for a Section the
	// enclosing Section, for an Item the heading the list sits under — and
	// Prev the sibling counted before it; -1 when there is none.
	Parent, Prev int
	// Under is, for a section with no section above it, the heading it
	// sits under ("## 一、…" over "### 1.1"; -1 right under the H1). Such
	// sections are counted among those under the same heading, and extend
	// the prefix most of them share.
	Under int
}

// Scheme is a page's numbering, read from all of its headings.
type Scheme struct {
	Kind Kind
	// Title is the index of the page's H1 (-1 without one); Base is the
	// number the top-level sections extend: the H1's number in a chapter,
	// else the prefix most of them share (nil when they count from 1).
	Title int
	Base  Number
	// Top is the level of the top-level sections (0 without sections).
	Top   int
	Heads []Head
}

// Read finds the scheme of a page from its headings; title is the index of
// its H1 among them, -1 for none.
//
// The rule, as an author can check it: numbers at the shallowest numbered
// level, and every number of two or more parts, are the page's sections; the
// page is chapter-numbered when its H1 has a number of the length their
// shared prefix has, and numbered per document otherwise. One-part numbers
// ("1.", "2.") deeper than that level, under a section, or restarting from 1
// under each heading, are numbered lists written as headings, counted only
// among their siblings. A bare one-part number ("1 概述") counts only when
// another heading at its level has a one-part number too, or a heading
// below it extends it; a year, date, version or quantity never counts.
func Read(hs []Heading, title int) *Scheme {
	s := &Scheme{Title: title, Heads: make([]Head, len(hs))}
	for i, h := range hs {
		s.Heads[i] = Head{Level: h.Level, Parent: -1, Prev: -1, Under: -1}
		if h.Level == 1 && i != title {
			continue // a second H1 is not part of the numbering
		}
		if t, ok := Parse(h.Text); ok && (i != title || !t.Bare) {
			s.Heads[i].Token = t
		}
	}
	s.dropLoneBare()
	if title >= 0 && s.Heads[title].Number != nil {
		s.Heads[title].Role = Title
	}
	s.assignRoles()
	s.link()
	s.decide()
	return s
}

// dropLoneBare forgets bare numbers with nothing to show they are section
// numbers: "## 3 个原则" alone at its level stays prose.
func (s *Scheme) dropLoneBare() {
	oneParts := map[int]int{}
	for i, h := range s.Heads {
		if i != s.Title && len(h.Number) == 1 {
			oneParts[h.Level]++
		}
	}
	for i := range s.Heads {
		h := &s.Heads[i]
		if !h.Bare || oneParts[h.Level] >= 2 || s.extended(i) {
			continue
		}
		h.Token = Token{}
	}
}

// extended reports whether a heading below heading i extends its number.
func (s *Scheme) extended(i int) bool {
	n := s.Heads[i].Number
	for j := i + 1; j < len(s.Heads) && s.Heads[j].Level > s.Heads[i].Level; j++ {
		if m := s.Heads[j].Number; len(m) > len(n) && m.HasPrefix(n) {
			return true
		}
	}
	return false
}

// assignRoles makes every numbered heading a Section or an Item.
func (s *Scheme) assignRoles() {
	shallowest := 0
	for i, h := range s.Heads {
		if i != s.Title && h.Number != nil && (shallowest == 0 || h.Level < shallowest) {
			shallowest = h.Level
		}
	}
	topSections := !s.restarts(shallowest)
	var open []int // enclosing headings, outermost first
	for i := range s.Heads {
		h := &s.Heads[i]
		for len(open) > 0 && s.Heads[open[len(open)-1]].Level >= h.Level {
			open = open[:len(open)-1]
		}
		if i != s.Title && h.Number != nil {
			switch {
			case len(h.Number) > 1:
				h.Role = Section
			case h.Level == shallowest && topSections && !s.underSection(open):
				h.Role = Section
			default:
				h.Role = Item
			}
		}
		open = append(open, i)
	}
}

// restarts reports whether the one-part numbers at a level count from 1
// again after having counted up (1, 2, 3, then 1): lists under separate
// headings, not one sequence of sections.
func (s *Scheme) restarts(level int) bool {
	last := 0
	for i, h := range s.Heads {
		if i == s.Title || h.Level != level || len(h.Number) != 1 {
			continue
		}
		if last >= 2 && h.Number[0] <= 1 {
			return true
		}
		last = h.Number[0]
	}
	return false
}

func (s *Scheme) underSection(open []int) bool {
	for _, j := range open {
		if s.Heads[j].Role == Section {
			return true
		}
	}
	return false
}

// link sets Parent and Prev: sections under the nearest enclosing section,
// items under the heading right above them; a list that goes on counting
// under the next heading ("### 3." after "### 2." under an earlier one)
// continues rather than restarts.
func (s *Scheme) link() {
	type key struct{ parent, under, level int }
	last := map[key]int{}
	lastItemAt := map[int]int{} // level → last item, to join continued lists
	var open []int
	for i := range s.Heads {
		h := &s.Heads[i]
		for len(open) > 0 && s.Heads[open[len(open)-1]].Level >= h.Level {
			open = open[:len(open)-1]
		}
		switch h.Role {
		case Section:
			for k := len(open) - 1; k >= 0; k-- {
				if s.Heads[open[k]].Role == Section {
					h.Parent = open[k]
					break
				}
			}
			if h.Parent < 0 && len(open) > 0 && open[len(open)-1] != s.Title {
				h.Under = open[len(open)-1]
			}
		case Item:
			if len(open) > 0 && open[len(open)-1] != s.Title {
				h.Parent = open[len(open)-1]
			}
		}
		if h.Role == Section || h.Role == Item {
			k := key{h.Parent, h.Under, h.Level}
			if p, ok := last[k]; ok {
				h.Prev = p
			} else if p, ok := lastItemAt[h.Level]; ok && h.Role == Item && h.Number[0] > 1 && s.Heads[p].Number.Last()+1 == h.Number[0] {
				h.Prev = p
			}
			last[k] = i
			if h.Role == Item {
				lastItemAt[h.Level] = i
			}
		}
		open = append(open, i)
	}
}

// decide sets Kind, Top and Base.
func (s *Scheme) decide() {
	sections, items := 0, 0
	for _, h := range s.Heads {
		switch h.Role {
		case Section:
			sections++
			if s.Top == 0 || h.Level < s.Top {
				s.Top = h.Level
			}
		case Item:
			items++
		}
	}
	switch {
	case sections > 0 && items > 0:
		s.Kind = Mixed
	case sections > 0:
		s.Kind = Document
	case items > 0:
		s.Kind = Lists
	}
	if sections == 0 {
		return
	}
	s.Base = s.sharedPrefix()
	if t := s.TitleNumber(); t != nil && len(s.Base) > 0 && len(s.Base) == len(t) && s.Kind == Document {
		s.Kind = Chapter
	}
}

// Chapter reports whether the sections extend the H1's number (in a
// chapter, or a mixed page whose sections do).
func (s *Scheme) Chapter() bool {
	t := s.TitleNumber()
	return t != nil && len(s.Base) > 0 && len(s.Base) == len(t)
}

// TitleNumber is the H1's number, nil without one.
func (s *Scheme) TitleNumber() Number {
	if s.Title < 0 || s.Heads[s.Title].Role != Title {
		return nil
	}
	return s.Heads[s.Title].Number
}

// sharedPrefix is the prefix most top-level sections share; ties go to the
// first seen, so one typo cannot move the page.
func (s *Scheme) sharedPrefix() Number {
	return s.prefixOf(func(h Head) bool { return h.Role == Section && h.Parent < 0 && h.Level == s.Top })
}

// GroupPrefix is the number the sections without a section above them at
// heading i's place extend: the page's Base right under the H1, else the
// prefix most of those under the same heading share.
func (s *Scheme) GroupPrefix(i int) Number {
	h := s.Heads[i]
	if h.Under < 0 && h.Level == s.Top {
		return s.Base
	}
	return s.prefixOf(func(g Head) bool {
		return g.Role == Section && g.Parent < 0 && g.Under == h.Under && g.Level == h.Level
	})
}

// prefixOf is the prefix most of the chosen sections share: first the
// most common length, then the most common prefix of that length.
func (s *Scheme) prefixOf(chosen func(Head) bool) Number {
	lens := map[int]int{}
	bestLen, bestLenN := 0, 0
	for _, h := range s.Heads {
		if chosen(h) {
			l := len(h.Number) - 1
			lens[l]++
			if lens[l] > bestLenN {
				bestLen, bestLenN = l, lens[l]
			}
		}
	}
	count := map[string]int{}
	var best Number
	bestN := 0
	for _, h := range s.Heads {
		if chosen(h) && len(h.Number)-1 == bestLen {
			pre := h.Number[:bestLen]
			k := pre.String()
			count[k]++
			if count[k] > bestN {
				best, bestN = pre, count[k]
			}
		}
	}
	if len(best) == 0 {
		return nil
	}
	return append(Number(nil), best...)
}

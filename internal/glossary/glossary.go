package glossary

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"docsite/internal/slug"
)

// Term is one term of the glossary, merged from every entry that defines it.
type Term struct {
	Term        string // as its first definition writes it
	Expansion   string // the first non-empty expansion
	Explanation string // the first non-empty explanation
	// Explanations holds one explanation per language (Entry.Lang), so the
	// Chinese and English glossaries can define the same acronym once each.
	Explanations map[string]string
	Related      []string // every related term its rows name, once each
	Fields       []Field  // every other cell, once per header and value
	ID           string   // anchor on the glossary page: "term-" + slug
	Entries      []Entry  // every definition, in the order given to New
	// Fold is true when the term matches in any letter case (see caseless).
	Fold bool
}

// Conflict is a term defined twice with different expansions.
type Conflict struct {
	Term   string
	First  Entry // the definition the glossary keeps
	Second Entry // the disagreeing one, where the diagnostic goes
}

// Glossary is the merged set of terms with a matcher for pages. It is
// read-only after New and safe for concurrent use.
type Glossary struct {
	terms []*Term
	byKey map[string]*Term
	m     *matcher
}

// New merges entries into a glossary. Entries name the same term when their
// keys are equal: acronyms (K8s, gRPC, CRI) by exact spelling, other words
// (Wasm, etcd, Rego) ignoring case, Chinese terms exactly. Same-term entries
// whose expansions differ — ignoring case and spacing, so "Ahead-Of-Time"
// and "Ahead-of-time" agree — give a Conflict; the first definition wins.
// An entry without an expansion never conflicts; it adds its explanation.
func New(entries []Entry) (*Glossary, []Conflict) {
	g := &Glossary{byKey: map[string]*Term{}}
	var conflicts []Conflict
	for _, e := range entries {
		e.Term = strings.TrimSpace(e.Term)
		if e.Term == "" {
			continue
		}
		k := key(e.Term)
		t, ok := g.byKey[k]
		if !ok {
			t = &Term{Term: e.Term, Fold: caseless(e.Term), Explanations: map[string]string{}}
			g.byKey[k] = t
			g.terms = append(g.terms, t)
		}
		if t.Expansion != "" && e.Expansion != "" && !sameText(t.Expansion, e.Expansion) {
			conflicts = append(conflicts, Conflict{Term: t.Term, First: firstWithExpansion(t), Second: e})
		}
		t.Entries = append(t.Entries, e)
		if t.Expansion == "" {
			t.Expansion = e.Expansion
		}
		if t.Explanation == "" {
			t.Explanation = e.Explanation
		}
		if _, ok := t.Explanations[e.Lang]; !ok && e.Explanation != "" {
			t.Explanations[e.Lang] = e.Explanation
		}
		t.merge(e)
	}
	sortTerms(g.terms)
	var ids slug.Slugger
	for _, t := range g.terms {
		s := slug.Make(t.Term)
		if s == "" {
			s = "x"
		}
		t.ID = "term-" + ids.Slug(s)
	}
	g.m = newMatcher(g.terms)
	return g, conflicts
}

// merge adds what a further row says of the term: its related terms and
// fields, each once, in the order first met.
func (t *Term) merge(e Entry) {
	for _, r := range e.Related {
		if !slices.Contains(t.Related, r) && key(r) != key(t.Term) {
			t.Related = append(t.Related, r)
		}
	}
	for _, f := range e.Fields {
		if !slices.Contains(t.Fields, f) {
			t.Fields = append(t.Fields, f)
		}
	}
}

func firstWithExpansion(t *Term) Entry {
	for _, e := range t.Entries {
		if e.Expansion != "" {
			return e
		}
	}
	return t.Entries[0]
}

// Terms returns the terms in glossary-page order: Latin A–Z, then Chinese
// by pinyin, then the rest.
func (g *Glossary) Terms() []*Term {
	if g == nil {
		return nil
	}
	return g.terms
}

// Lookup finds a term by its spelling (in any case for caseless terms).
func (g *Glossary) Lookup(term string) *Term {
	if g == nil {
		return nil
	}
	term = strings.TrimSpace(term)
	if t := g.byKey[key(term)]; t != nil {
		return t
	}
	if t := g.byKey[strings.ToLower(term)]; t != nil && t.Fold {
		return t // "WASM" as a spelling of the caseless "Wasm"
	}
	return nil
}

// ExplanationIn returns the explanation in lang ("zh-CN" also takes "zh"),
// else the first one given.
func (t *Term) ExplanationIn(lang string) string {
	if s, ok := t.Explanations[lang]; ok {
		return s
	}
	base, _, _ := strings.Cut(lang, "-")
	for _, e := range t.Entries {
		if b, _, _ := strings.Cut(e.Lang, "-"); base != "" && e.Explanation != "" && strings.EqualFold(b, base) {
			return e.Explanation
		}
	}
	return t.Explanation
}

// Tip is the tooltip text of the term on a page in lang: the expansion and
// the explanation's first clause, so "K3s" shows "Lightweight Kubernetes by
// Rancher — Rancher 发起的轻量 Kubernetes 发行版".
func (t *Term) Tip(lang string) string {
	short := firstClause(t.ExplanationIn(lang), 60)
	switch {
	case t.Expansion == "":
		return short
	case short == "" || sameText(short, t.Expansion):
		return t.Expansion
	}
	return t.Expansion + " — " + short
}

// firstClause cuts s at the end of its first clause (。；：， and ; : . when
// followed by a space) and at most limit runes.
func firstClause(s string, limit int) string {
	n := 0
	for i, r := range s {
		switch r {
		case '。', '；', '：', '，', '！', '？':
			if n >= 2 {
				return s[:i]
			}
		case ';', ':', '.', '!', '?':
			if n >= 2 && (i+1 == len(s) || s[i+1] == ' ') {
				return s[:i]
			}
		}
		n++
		if n > limit {
			return strings.TrimSpace(s[:i]) + "…"
		}
	}
	return s
}

// key is the identity of a term: exact for acronyms and Chinese, lower-cased
// for caseless words.
func key(term string) string {
	if caseless(term) {
		return strings.ToLower(term)
	}
	return term
}

// caseless reports whether term is an ordinary word that may appear in any
// letter case in prose ("Wasm", "wasm", "WASM"; "etcd"; "Rego"): it has at
// least three letters, no digits and no capital after the first letter.
// Acronyms and abbreviations (CRI, K8s, gRPC, IoT, Go) must be written as
// defined: "k8s" in a file name or "go" in a sentence is not the term.
func caseless(term string) bool {
	letters := 0
	for i, r := range term {
		switch {
		case unicode.IsDigit(r):
			return false
		case unicode.IsUpper(r) && i > 0:
			return false
		case unicode.IsLetter(r):
			if !unicode.IsUpper(r) && !unicode.IsLower(r) {
				return false // Chinese: no case to ignore
			}
			letters++
		}
	}
	return letters >= 3
}

// sameText compares expansions as a reader would: ignoring case and spacing.
func sameText(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// isCJK reports whether r belongs to a script written without spaces
// between words, where a term may touch its neighbours.
func isCJK(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x3040 && r <= 0x30FF, // kana
		r >= 0x3400 && r <= 0x9FFF, // CJK ideographs
		r >= 0xAC00 && r <= 0xD7AF, // Hangul syllables
		r >= 0xF900 && r <= 0xFAFF, // compatibility ideographs
		r >= 0x20000 && r <= 0x3FFFF:
		return true
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo)
}

// isWord reports whether r continues a Latin-script word: letters, digits,
// marks and '_' outside the CJK scripts. A term must not touch one on a
// side where the term itself ends in a word character.
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '_' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if isCJK(r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

package search

import "strings"

// snippetWidth is how many code points of section text a snippet shows.
const snippetWidth = 80

// matcher reports whether a token of the text is one of the query's hits:
// an indexed term it matched, or a completion of the word being typed.
func matcher(lists [][]weighted) func(string) bool {
	keys := map[string]bool{}
	for _, l := range lists {
		for _, w := range l {
			keys[w.key] = true
		}
	}
	return func(t string) bool { return keys[t] }
}

// maxSnippetHits bounds the work on a long section full of hits.
const maxSnippetHits = 400

// snippet cuts width code points out of text where the window holds the most
// distinct query terms (the earliest such window), and marks the hits.
// Overlapping and touching hits merge, so the bigrams of 核心理念 mark the four
// characters as one.
func snippet(text string, match func(string) bool, width int) []Fragment {
	runes := []rune(text)
	var hits []Token
	for _, t := range Tokenize(text) {
		if match(t.Term) {
			hits = append(hits, t)
			if len(hits) == maxSnippetHits {
				break
			}
		}
	}
	// A window starts a little before one of the hits.
	const lead = 15
	start, best := 0, 0
	for i := range hits {
		s := max(hits[i].Pos-lead, 0)
		seen := map[string]bool{}
		for _, h := range hits[i:] {
			if h.Pos+h.Len > s+width {
				break
			}
			seen[h.Term] = true
		}
		if len(seen) > best {
			start, best = s, len(seen)
		}
	}
	if start+width > len(runes) {
		start = max(len(runes)-width, 0)
	}
	end := min(start+width, len(runes))
	var spans [][2]int
	for _, h := range hits {
		a, b := max(h.Pos, start), min(h.Pos+h.Len, end)
		if a >= b {
			continue
		}
		if n := len(spans); n > 0 && a <= spans[n-1][1] {
			spans[n-1][1] = max(spans[n-1][1], b)
			continue
		}
		spans = append(spans, [2]int{a, b})
	}
	var out []Fragment
	add := func(s string, mark bool) {
		if s != "" {
			out = append(out, Fragment{s, mark})
		}
	}
	pre, at := "", start
	if start > 0 {
		pre = "…"
	}
	for _, sp := range spans {
		add(pre+string(runes[at:sp[0]]), false)
		pre = ""
		add(string(runes[sp[0]:sp[1]]), true)
		at = sp[1]
	}
	post := ""
	if end < len(runes) {
		post = "…"
	}
	add(pre+string(runes[at:end])+post, false)
	return out
}

// markText renders fragments with [brackets] around hits, for tests and
// debugging.
func markText(fs []Fragment) string {
	var b strings.Builder
	for _, f := range fs {
		if f.Mark {
			b.WriteString("[" + f.Text + "]")
		} else {
			b.WriteString(f.Text)
		}
	}
	return b.String()
}

package citation

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"

	"docsite/internal/markdown/cjk"
)

// Def is one citation definition: `[key]: https://url "Title"`,
// `[key]: <https://url>` or `[key]: [Title](https://url)`.
type Def struct {
	Key   string
	URL   string
	Title string // "" when the definition has none
	// File is the content-relative path the definition was read from; set
	// by NewIndex, empty straight out of ParseDefs.
	File string
	// Start and End are byte offsets of the definition in its source, from
	// the '[' of the key to the end of the target.
	Start, End int
	// Malformed is set when the definition shares its line with another or
	// is broken over lines; it still counts, so citations resolve.
	Malformed bool
	// Cite is set when the definition is a citation wherever it is: it has
	// the form [key]: [title](url), stands under a references heading, or
	// shares a line with another (which CommonMark reads as text). Any
	// other is an ordinary link reference definition outside a references
	// file.
	Cite bool
	// Titled marks the form [key]: [title](url).
	Titled bool
}

// Label is the text to show for the definition: its title, else its URL.
func (d Def) Label() string {
	if d.Title != "" {
		return d.Title
	}
	return d.URL
}

// Malformed is a run of definitions a formatter has mangled: two or more on
// one line, or one broken over lines. Start and End cover the whole lines
// of the run (without the final newline); replacing src[Start:End] with
// Repaired puts every definition on a line of its own, as written.
type Malformed struct {
	Start, End int
	Repaired   string
	Defs       []Def
	SharedLine bool // two or more definitions on one line
	Broken     bool // a definition continues on the next line
}

// ParseDefs reads the definitions of a Markdown source line by line, as an
// author sees them, from body on (the front matter ends there; see
// site.Page.BodyOffset). As in CommonMark a definition cannot interrupt a
// paragraph: a run of them starts where a block may start. Fenced and
// indented code are skipped. Definitions recovered from mangled lines are
// in defs too, marked Malformed; bad lists only mangled runs of citations.
// Every definition is returned; Cite tells the citations from ordinary
// link reference definitions (see Citations).
func ParseDefs(src []byte, body int) (defs []Def, bad []Malformed) {
	// Each definition, mangled or not, starts "[key]:"; most pages have
	// none, and one search spares them the scan line by line.
	if body >= len(src) || !bytes.Contains(src[body:], []byte("]:")) {
		return nil, nil
	}
	s := lineScanner{src: src, pos: body}
	limit := -1 // end of the paragraph being scanned, found once per paragraph
	para := false
	var sec section
	for s.pos < len(src) {
		line, next := s.line()
		if plainLine(line) {
			para, s.pos = true, next
			continue
		}
		switch {
		case fenceOf(line) != "":
			s.skipFence(line, next)
			para = false
			continue
		case isBlank(line):
			para = false
		case sec.heading(line), isBreak(line):
			para = false
		}
		if _, _, ok := startsDef(src, s.pos, next); !ok || para {
			para = para || !isBlank(line) && !isBreak(line) && !isHeading(line)
			s.pos = next
			continue
		}
		if s.pos > limit {
			limit = paraEnd(src, s.pos)
		}
		run := parseRun(src, s.pos, limit)
		if len(run) == 0 {
			para = true
			s.pos = next
			continue
		}
		d, m := group(src, run, sec.open)
		defs = append(defs, d...)
		bad = append(bad, m...)
		s.pos = min(lineEnd(src, run[len(run)-1].End)+1, len(src))
	}
	return defs, bad
}

// Citations keeps the definitions that are citations: every one in a
// references file, elsewhere those whose form or place says so (Cite).
func Citations(defs []Def, references bool) []Def {
	if references {
		return defs
	}
	var out []Def
	for _, d := range defs {
		if d.Cite {
			out = append(out, d)
		}
	}
	return out
}

// section tracks whether the lines being read are under a references
// heading (参考, References, …), down to the next heading of its level.
type section struct {
	open  bool
	level int
}

// heading updates the section for an ATX heading line and reports whether
// line is one.
func (s *section) heading(line []byte) bool {
	level, rest := atxLevel(line)
	if level == 0 {
		return false
	}
	if s.open && level <= s.level {
		s.open = false
	}
	if !s.open && IsReferencesHeading(atxTitle(rest)) {
		s.open, s.level = true, level
	}
	return true
}

func isHeading(line []byte) bool { l, _ := atxLevel(line); return l > 0 }

// atxLevel returns the level of an ATX heading line (0 if none) and what
// follows its opening '#'s, without a copy: most lines scanned are not
// headings, and most headings' titles need no reading.
func atxLevel(line []byte) (int, []byte) {
	t := bytes.TrimLeft(line, " ")
	if len(line)-len(t) > 3 {
		return 0, nil
	}
	n := 0
	for n < len(t) && t[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || (n < len(t) && t[n] != ' ' && t[n] != '\t' && t[n] != '\r') {
		return 0, nil
	}
	return n, t[n:]
}

// atxTitle is a heading's text from what follows its '#'s.
func atxTitle(rest []byte) string {
	title := strings.TrimSpace(string(rest))
	return strings.TrimSpace(strings.TrimRight(title, "#"))
}

// referencesHeadings are the headings a page's own references go under.
var referencesHeadings = []string{
	"参考", "参考文献", "参考资料", "参考链接", "参考来源", "引用", "引用文献", "文献",
	"references", "reference", "bibliography", "citations", "sources", "works cited",
}

// IsReferencesHeading reports whether a heading's text names a references
// section, after a hand number ("1.9 参考") and emoji or punctuation.
func IsReferencesHeading(title string) bool {
	t := strings.TrimLeftFunc(title, func(r rune) bool {
		return r == '.' || r == ' ' || r >= '0' && r <= '9' || r > 0x2000 && !cjk.IsCJK(r)
	})
	t = strings.TrimRight(strings.ToLower(t), " :：")
	for _, h := range referencesHeadings {
		if t == h {
			return true
		}
	}
	return false
}

// plainLine reports a line that is none of what the scan looks for (a
// fence, a heading, a break, a definition, a blank): it goes on or starts
// a paragraph. Most lines are, and telling them by their first byte that
// is not a space spares them the tests one by one.
func plainLine(line []byte) bool {
	t := bytes.TrimLeft(line, " ")
	if len(t) == 0 {
		return false
	}
	switch c := t[0]; c {
	case '-', '*', '_':
		// A list item, not a break, when something but the mark and
		// white space follows.
		for _, d := range t[1:] {
			if d != c && d != ' ' && d != '\t' && d != '\r' && d != '\v' && d != '\f' {
				return true
			}
		}
		return false
	case '`', '~', '#', '[', '\t', '\r', '\v', '\f':
		return false
	default:
		if c < utf8.RuneSelf {
			return true
		}
		r, _ := utf8.DecodeRune(t)
		return !unicode.IsSpace(r) // U+3000 alone is a blank line to isBlank
	}
}

func isBlank(line []byte) bool { return len(bytes.TrimSpace(line)) == 0 }

// isBreak reports a thematic break (which also ends a paragraph).
func isBreak(line []byte) bool {
	t := bytes.TrimSpace(line)
	if len(line)-len(bytes.TrimLeft(line, " ")) > 3 || len(t) < 3 || (t[0] != '-' && t[0] != '*' && t[0] != '_') {
		return false
	}
	n := 0
	for _, c := range t {
		switch c {
		case t[0]:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// maxDef bounds the length of one definition, mangled or not.
const maxDef = 4096

type lineScanner struct {
	src []byte
	pos int
}

// line returns the current line without its newline, and the offset of the
// next line.
func (s *lineScanner) line() ([]byte, int) {
	end := lineEnd(s.src, s.pos)
	next := end
	if next < len(s.src) {
		next++
	}
	return s.src[s.pos:end], next
}

// skipFence moves past a fenced code block that opens with line; an
// unclosed fence runs to the end of the source, as in CommonMark.
func (s *lineScanner) skipFence(open []byte, next int) {
	fence := fenceOf(open)
	s.pos = next
	for s.pos < len(s.src) {
		line, next := s.line()
		s.pos = next
		t := bytes.TrimRight(bytes.TrimLeft(line, " "), " \t\r")
		if len(line)-len(bytes.TrimLeft(line, " ")) <= 3 && len(t) >= len(fence) &&
			bytes.Count(t, []byte(fence[:1])) == len(t) {
			return
		}
	}
}

// fenceOf returns the fence a line opens ("```", "~~~~", …) or "".
func fenceOf(line []byte) string {
	t := bytes.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return ""
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 || (t[0] == '`' && bytes.IndexByte(t[n:], '`') >= 0) {
		return ""
	}
	return string(t[:n])
}

func lineEnd(src []byte, i int) int {
	if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(src)
}

func lineStart(src []byte, i int) int {
	return bytes.LastIndexByte(src[:i], '\n') + 1
}

// paraEnd is where the paragraph holding offset i ends: at a blank line or
// a fence, the places a mangled definition cannot run past.
func paraEnd(src []byte, i int) int {
	for {
		end := lineEnd(src, i)
		if end >= len(src) {
			return len(src)
		}
		next := end + 1
		nl := lineEnd(src, next)
		if len(bytes.TrimSpace(src[next:nl])) == 0 || fenceOf(src[next:nl]) != "" {
			return end
		}
		i = next
	}
}

// startsDef reports whether a definition key starts the line at i (after at
// most three spaces), returning the offset of its '['.
func startsDef(src []byte, i, next int) (key string, at int, ok bool) {
	j := i
	for j < next && j-i < 3 && src[j] == ' ' {
		j++
	}
	key, end, ok := scanKey(src[:next], j)
	if !ok || end >= next || src[end] != ':' {
		return "", 0, false
	}
	return key, j, true
}

// parseRun parses the definitions that follow one another from the line at
// i, up to limit: one per line, several on a line, or one over several
// lines. It stops at the first line that does not go on with a definition.
func parseRun(src []byte, i, limit int) []Def {
	var run []Def
	_, at, _ := startsDef(src, i, lineEnd(src, i))
	for {
		// A definition is short: the bound keeps an unclosed bracket from
		// scanning the rest of a long paragraph on every line.
		d, ok := parseDef(src[:min(limit, at+maxDef)], at)
		if !ok {
			return run
		}
		run = append(run, d)
		j := skipSpace(src[:limit], d.End, false)
		if j < limit && src[j] != '\n' && src[j] != '\r' {
			// Something else on the line: another definition or the end.
			if _, end, ok := scanKey(src[:limit], j); ok && end < limit && src[end] == ':' {
				at = j
				continue
			}
			return run[:len(run)-1] // trailing prose: the line is not a definition
		}
		if j >= limit {
			return run
		}
		next := lineEnd(src, j) + 1
		if next >= limit {
			return run
		}
		_, a, ok := startsDef(src, next, lineEnd(src, next))
		if !ok {
			return run
		}
		at = a
	}
}

// parseDef parses one definition whose '[' is at i. Line breaks inside it
// are allowed (the caller bounds src to the paragraph).
func parseDef(src []byte, i int) (Def, bool) {
	key, j, ok := scanKey(src, i)
	if !ok || j >= len(src) || src[j] != ':' {
		return Def{}, false
	}
	d := Def{Key: key, Start: i}
	j = skipSpace(src, j+1, true)
	if j >= len(src) {
		return Def{}, false
	}
	switch src[j] {
	case '[':
		end := matchClose(src, j, '[', ']')
		if end < 0 || end+1 >= len(src) || src[end+1] != '(' {
			return Def{}, false
		}
		title := string(src[j+1 : end])
		close := matchClose(src, end+1, '(', ')')
		if close < 0 {
			return Def{}, false
		}
		dest := strings.TrimSpace(string(src[end+2 : close]))
		if strings.HasPrefix(dest, "<") {
			if k := strings.IndexByte(dest, '>'); k > 0 {
				dest = dest[1:k]
			}
		} else if f := strings.Fields(dest); len(f) > 0 {
			dest = f[0] // drop an inner link title
		}
		if dest == "" || strings.ContainsAny(dest, " \n") {
			return Def{}, false
		}
		d.URL, d.Title, d.End, d.Titled = unescape(dest), unescape(fold(title)), close+1, true
	case '<':
		k := bytes.IndexAny(src[j:], ">\n")
		if k < 2 || src[j+k] != '>' {
			return Def{}, false
		}
		d.URL, d.End = unescape(string(src[j+1:j+k])), j+k+1
		d.Title, d.End = optTitle(src, d.End)
	default:
		k := j
		for k < len(src) && !isSpace(src[k]) {
			k++
		}
		if !looksLikeURL(string(src[j:k])) {
			return Def{}, false
		}
		d.URL, d.End = unescape(string(src[j:k])), k
		d.Title, d.End = optTitle(src, d.End)
	}
	return d, true
}

// optTitle reads an optional quoted title after a URL.
func optTitle(src []byte, i int) (string, int) {
	j := skipSpace(src, i, true)
	if j == i || j >= len(src) {
		return "", i
	}
	var close byte
	switch src[j] {
	case '"', '\'':
		close = src[j]
	case '(':
		close = ')'
	default:
		return "", i
	}
	for k := j + 1; k < len(src); k++ {
		switch src[k] {
		case '\\':
			k++
		case close:
			return unescape(fold(string(src[j+1 : k]))), k + 1
		}
	}
	return "", i
}

// matchClose returns the offset of the bracket closing the one at i,
// honouring nesting and backslash escapes, or -1.
func matchClose(src []byte, i int, open, close byte) int {
	depth := 0
	for k := i; k < len(src); k++ {
		switch src[k] {
		case '\\':
			k++
		case open:
			depth++
		case close:
			if depth--; depth == 0 {
				return k
			}
		}
	}
	return -1
}

// skipSpace skips spaces and tabs, and with nl single line breaks too.
func skipSpace(src []byte, i int, nl bool) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\r' || (nl && src[i] == '\n')) {
		i++
	}
	return i
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// looksLikeURL keeps prose that happens to start with "[a-b]: " from being
// read as a definition: a bare target needs a scheme or a path shape.
func looksLikeURL(s string) bool {
	switch {
	case s == "":
		return false
	case strings.HasPrefix(s, "/"), strings.HasPrefix(s, "./"), strings.HasPrefix(s, "../"),
		strings.HasPrefix(s, "#"), strings.HasPrefix(s, "www."):
		return true
	}
	i := strings.IndexByte(s, ':')
	if i < 1 || i == len(s)-1 {
		return false
	}
	for k := 0; k < i; k++ {
		c := s[k]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || k > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return true
}

// fold joins text a formatter broke over lines the way it reads: nothing
// between two Chinese characters, one space elsewhere.
func fold(s string) string {
	if !strings.ContainsAny(s, "\n\r") {
		return s
	}
	var b strings.Builder
	for {
		k := strings.IndexByte(s, '\n')
		if k < 0 {
			b.WriteString(s)
			return b.String()
		}
		before := strings.TrimRight(s[:k], " \t\r")
		after := strings.TrimLeft(s[k+1:], " \t")
		b.WriteString(before)
		last, _ := utf8.DecodeLastRuneInString(before)
		first, _ := utf8.DecodeRuneInString(after)
		if before != "" && after != "" && !cjk.JoinsLines(last, first) {
			b.WriteByte(' ')
		}
		s = after
	}
}

// unescape resolves backslash escapes and character references, as
// CommonMark does in link destinations and titles.
func unescape(s string) string {
	if !strings.ContainsAny(s, "\\&") {
		return s
	}
	b := util.UnescapePunctuations([]byte(s))
	return string(util.ResolveEntityNames(util.ResolveNumericReferences(b)))
}

// group splits a run into clean definitions and mangled stretches: a
// definition that starts on the line where the previous one ends belongs
// to the same stretch. In a references section every one is a citation.
func group(src []byte, run []Def, section bool) ([]Def, []Malformed) {
	var out []Def
	var bad []Malformed
	for i := 0; i < len(run); {
		j := i + 1
		for j < len(run) && !bytes.ContainsRune(src[run[j-1].End:run[j].Start], '\n') {
			j++
		}
		g := run[i:j]
		shared := len(g) > 1
		broken := false
		for _, d := range g {
			broken = broken || bytes.ContainsRune(src[d.Start:d.End], '\n')
		}
		cite := section || shared
		for _, d := range g {
			cite = cite || d.Titled
		}
		for k := range g {
			g[k].Cite = cite
		}
		if !shared && !broken {
			out = append(out, g[0])
			i = j
			continue
		}
		if !cite {
			// A plain definition over lines is valid CommonMark; it is
			// mangled only as a citation.
			out = append(out, g...)
			i = j
			continue
		}
		m := Malformed{Start: lineStart(src, g[0].Start), End: lineEnd(src, g[len(g)-1].End), SharedLine: shared, Broken: broken}
		if m.End > m.Start && src[m.End-1] == '\r' {
			m.End--
		}
		lines := make([]string, len(g))
		for k, d := range g {
			d.Malformed = true
			lines[k] = fold(string(src[d.Start:d.End]))
			m.Defs = append(m.Defs, d)
			out = append(out, d)
		}
		m.Repaired = strings.Join(lines, "\n")
		bad = append(bad, m)
		i = j
	}
	return out, bad
}

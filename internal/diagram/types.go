// Package diagram validates mermaid diagram sources the way mermaid 12.3
// does: flowcharts and mindmaps with their real grammars, other diagram
// types only by their declared keyword.
//
// How: the source is rewritten as mermaid.parse() rewrites it (prep.go),
// then lexed by a copy of mermaid's jison lexer rules (flowlex.go, and the
// lexer in mindmap.go) and parsed by LALR(1) tables built at first use from
// mermaid's grammar (lr.go, flow.go, mindmap.go); a few checks that mermaid
// makes outside its grammar follow (edge limit, linkStyle indexes, shape
// names, one mindmap root). Where unsure, the package accepts.
//
// Error lines are lines of the source. mermaid numbers the lines of its
// rewritten text instead, so its "line N" is smaller when comment lines,
// front matter or blank lines after "}" come before the error.
package diagram

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// Error is one place where mermaid would refuse the diagram.
type Error struct {
	Line, Column int    // 1-based, within the diagram source; Column counts code points (runes), not bytes
	Message      string // plain English, saying what to do when obvious
}

func (e *Error) Error() string { return fmt.Sprintf("%d:%d: %s", e.Line, e.Column, e.Message) }

// detectorPrefixes are mermaid 12.3's diagram detectors, which test the
// text (after front matter, directives and comments) for a keyword at its
// start: a prefix, so "graphs" is a flowchart and "pies" a pie chart.
// Only flowchart and mindmap are told apart from the rest.
var detectorPrefixes = []struct{ prefix, kind string }{
	{"flowchart-elk", "flowchart"}, {"graph", "flowchart"}, {"flowchart", "flowchart"}, {"mindmap", "mindmap"},
	{"agentflow-beta", ""}, {"swimlane-beta", ""}, {"erDiagram", ""}, {"gitGraph", ""}, {"gantt", ""},
	{"info", ""}, {"pie", ""}, {"quadrantChart", ""}, {"xychart", ""}, {"requirement", ""},
	{"sequenceDiagram", ""}, {"classDiagram", ""}, {"stateDiagram", ""}, {"journey", ""}, {"timeline", ""},
	{"kanban", ""}, {"sankey", ""}, {"packet", ""}, {"block", ""}, {"architecture", ""}, {"radar-beta", ""},
	{"treemap", ""}, {"treeView-beta", ""}, {"venn-beta", ""}, {"usecase-beta", ""}, {"cynefin-beta", ""},
	{"eventmodeling", ""}, {"C4Context", ""},
}

// detect returns "flowchart", "mindmap", "other" (a known type that is not
// checked), "---" (an unclosed front matter) or "" (no detector matches).
func detect(s string) string {
	t := s[skipJSSpace(s, 0):]
	// mermaid registers flowchart-elk and mindmap before C4, whose
	// pattern is anchored only in its first alternative: "C4Container"
	// anywhere in the text selects C4, ahead of graph and flowchart.
	if strings.HasPrefix(t, "flowchart-elk") {
		return "flowchart"
	}
	if strings.HasPrefix(t, "mindmap") {
		return "mindmap"
	}
	for _, c4 := range []string{"C4Container", "C4Component", "C4Dynamic", "C4Deployment"} {
		if strings.Contains(s, c4) {
			return "other"
		}
	}
	for _, d := range detectorPrefixes {
		if strings.HasPrefix(t, d.prefix) {
			if d.kind == "" {
				return "other"
			}
			return d.kind
		}
	}
	lower := strings.ToLower(t[:min(len(t), 32)])
	for _, p := range []string{"ishikawa", "wardley-beta", "railroad-beta", "railroad-abnf-beta", "railroad-ebnf-beta", "railroad-peg-beta"} {
		if strings.HasPrefix(lower, p) {
			return "other"
		}
	}
	if strings.HasPrefix(t, "---") {
		return "---"
	}
	return ""
}

// knownKeywords are the names suggested for an unknown type.
var knownKeywords = []string{
	"graph", "flowchart", "flowchart-elk", "mindmap", "sequenceDiagram", "classDiagram", "classDiagram-v2",
	"stateDiagram", "stateDiagram-v2", "erDiagram", "gantt", "pie", "journey", "gitGraph", "timeline",
	"quadrantChart", "xychart-beta", "xychart", "sankey-beta", "sankey", "block-beta", "block",
	"architecture-beta", "kanban", "packet-beta", "packet", "requirementDiagram", "radar-beta", "treemap",
	"C4Context", "C4Container", "C4Component", "C4Dynamic", "C4Deployment", "info", "venn-beta",
	"treeView-beta", "usecase-beta", "ishikawa-beta", "swimlane-beta", "agentflow-beta", "cynefin-beta",
	"eventmodeling", "wardley-beta", "railroad-beta",
}

// stripAnyComments follows detectType's comment removal: from every "%%"
// that has a line end after it, the rest of the line goes.
func stripAnyComments(s string) string {
	if !strings.Contains(s, "%%") {
		return s
	}
	var b strings.Builder
	consumed := 0
	for from := 0; from < len(s); {
		m := strings.Index(s[from:], "%%")
		if m < 0 {
			break
		}
		m += from
		le := strings.IndexByte(s[m:], '\n')
		if le < 0 {
			break
		}
		le += m
		start := m
		for start > consumed {
			r, n := utf8.DecodeLastRuneInString(s[consumed:start])
			if !isJSSpace(r) {
				break
			}
			start -= n
		}
		b.WriteString(s[consumed:start])
		b.WriteByte('\n')
		consumed = le + 1
		from = consumed
	}
	b.WriteString(s[consumed:])
	return b.String()
}

var leadingKeyword = regexp.MustCompile(`^\s*([A-Za-z0-9_-]+)`)

// Type returns the diagram's declared type keyword ("graph", "flowchart",
// "mindmap", "sequenceDiagram", ...) after skipping blank lines, %%
// comments, a --- front matter block and %%{init}%% directives; "" if none.
func Type(src string) string {
	m := leadingKeyword.FindStringSubmatch(stripAnyComments(prepare(src, false).s))
	if m == nil {
		return ""
	}
	return m[1]
}

// Prepare builds the grammars' parse tables, which the first Validate of
// each diagram type would otherwise build: a loader calls it while it
// reads files, so that no page waits for them.
func Prepare() {
	flowOnce()
	mindmapOnce()
}

// Validate returns nil when mermaid 12.3 would accept src, else the first
// error (mermaid stops at the first one).
func Validate(src string) *Error {
	e, _ := validate(src)
	return e
}

// validate also returns the line mermaid itself would name in "Parse error
// on line N" (counted in the rewritten text), for the tests.
func validate(src string) (*Error, int) {
	// first without the position map; an error is placed by a second run
	if e, _ := check(src, false); e == nil {
		return nil, 0
	}
	return check(src, true)
}

func check(src string, track bool) (*Error, int) {
	t := prepare(src, track)
	switch detect(stripAnyComments(t.s)) {
	case "flowchart":
		return validateFlow(squeezeAfterBrace(forParser(t)), src)
	case "mindmap":
		return validateMindmap(forParser(t), src)
	case "other":
		return nil, 0
	case "---":
		line, col := srcPosition(t, src, 0)
		return &Error{Line: line, Column: col, Message: "the front matter is not closed: end it with a line \"---\" at the same indentation, then the diagram type"}, 1
	}
	return unknownType(t, src), 1
}

func unknownType(t *text, src string) *Error {
	word := ""
	if m := leadingKeyword.FindStringSubmatch(stripAnyComments(t.s)); m != nil {
		word = m[1]
	}
	line, col := 1, 1
	if len(t.s) > 0 {
		line, col = position(src, t.at(0))
	}
	if strings.TrimSpace(t.s) == "" {
		return &Error{Line: line, Column: col, Message: "empty diagram: the first line must name the diagram type, e.g. \"graph TD\" or \"mindmap\""}
	}
	return &Error{Line: line, Column: col, Message: fmt.Sprintf("unknown diagram type %q; did you mean %s?", word, nearest(word))}
}

// nearest names the three known keywords closest to w (edit distance,
// ignoring case).
func nearest(w string) string {
	type cand struct {
		k string
		d int
	}
	var cs []cand
	for _, k := range knownKeywords {
		cs = append(cs, cand{k, editDistance(strings.ToLower(w), strings.ToLower(k))})
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].d < cs[j].d })
	var q []string
	for _, c := range cs[:3] {
		q = append(q, fmt.Sprintf("%q", c.k))
	}
	return strings.Join(q[:2], ", ") + " or " + q[2]
}

func editDistance(a, b string) int {
	ar, br := []rune(a), []rune(b)
	if len(ar) > 64 {
		ar = ar[:64]
	}
	prev := make([]int, len(br)+1)
	cur := make([]int, len(br)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ar); i++ {
		cur[0] = i
		for j := 1; j <= len(br); j++ {
			c := prev[j-1]
			if ar[i-1] != br[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(br)]
}

// position converts a byte offset of src to a 1-based line and a 1-based
// column counted in runes.
func position(src string, off int) (int, int) {
	if off > len(src) {
		off = len(src)
	}
	line, ls := 1, 0
	for i := 0; i < off; i++ {
		if src[i] == '\n' || src[i] == '\r' && (i+1 >= len(src) || src[i+1] != '\n') {
			line, ls = line+1, i+1
		}
	}
	return line, utf8.RuneCountInString(src[ls:off]) + 1
}

// errorAt places an error at offset at of the rewritten text.
func errorAt(t *text, src string, at int, msg string) *Error {
	line, col := srcPosition(t, src, at)
	return &Error{Line: line, Column: col, Message: msg}
}

// srcPosition maps an offset of the rewritten text to the source; the
// end of the text (past the newline mermaid appends) is the line after
// the last one.
func srcPosition(t *text, src string, at int) (int, int) {
	if at >= len(t.s) {
		// jison counts the newline mermaid appends as one more line
		return strings.Count(src, "\n") + 2, 1
	}
	return position(src, t.at(at))
}

// failureAt places a parse error the way jison counts its line: on the
// line where the last accepted token ends. The column is that of the
// offending token when it is on that line, else the end of the line.
// It also returns jison's line number in the rewritten text.
func failureAt(t *text, src string, f *lrFailure, msg string) (*Error, int) {
	s := t.s
	e := f.shifted
	mline := strings.Count(s[:e], "\n") + 1
	lineStart := strings.LastIndexByte(s[:e], '\n') + 1
	c := skipJSSpace(s, f.tok.start)
	if c > f.tok.end {
		c = f.tok.end
	}
	if c < lineStart || strings.IndexByte(s[lineStart:c], '\n') >= 0 {
		// the offending token is on a later line: point after the last
		// accepted text of jison's line
		c = lineStart
		for q := lineStart; q < e; {
			r, n := utf8.DecodeRuneInString(s[q:])
			q += n
			if !isJSSpace(r) {
				c = q
			}
		}
	}
	return errorAt(t, src, c, msg), mline
}

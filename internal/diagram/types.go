// Package diagram validates mermaid diagram sources the way mermaid 12.3
// does: flowcharts and mindmaps with their real grammars, other diagram
// types only by their declared keyword.
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

// detector is one of mermaid's diagram detectors: a pattern tried on the
// text after front matter, directives and comments are gone.
type detector struct {
	keyword string // the keyword as documented
	re      *regexp.Regexp
}

// detectors lists mermaid 12.3's detectors (mermaid tries them in
// registration order; only flowchart and mindmap must be told apart from
// the rest, and no other pattern matches their keywords first).
var detectors = func() []detector {
	d := func(k, re string) detector { return detector{k, regexp.MustCompile(re)} }
	return []detector{
		// C4's pattern is anchored only for its first alternative, so
		// "C4Container" anywhere in the text selects C4.
		d("C4Context", `^\s*C4Context|C4Container|C4Component|C4Dynamic|C4Deployment`),
		d("flowchart-elk", `^\s*flowchart-elk`),
		d("graph", `^\s*(graph|flowchart)`),
		d("agentflow-beta", `^\s*agentflow-beta\b`),
		d("swimlane-beta", `^\s*swimlane-beta\b`),
		d("erDiagram", `^\s*erDiagram`),
		d("gitGraph", `^\s*gitGraph`),
		d("gantt", `^\s*gantt`),
		d("info", `^\s*info`),
		d("pie", `^\s*pie`),
		d("quadrantChart", `^\s*quadrantChart`),
		d("xychart-beta", `^\s*xychart(-beta)?`),
		d("requirementDiagram", `^\s*requirement(Diagram)?`),
		d("sequenceDiagram", `^\s*sequenceDiagram`),
		d("classDiagram", `^\s*classDiagram`),
		d("stateDiagram-v2", `^\s*stateDiagram`),
		d("journey", `^\s*journey`),
		d("timeline", `^\s*timeline`),
		d("mindmap", `^\s*mindmap`),
		d("kanban", `^\s*kanban`),
		d("sankey-beta", `^\s*sankey(-beta)?`),
		d("packet-beta", `^\s*packet(-beta)?`),
		d("block-beta", `^\s*block(-beta)?`),
		d("architecture-beta", `^\s*architecture`),
		d("radar-beta", `^\s*radar-beta`),
		d("treemap", `^\s*treemap`),
		d("treeView-beta", `^\s*treeView-beta`),
		d("venn-beta", `^\s*venn-beta`),
		d("usecase-beta", `^\s*usecase-beta(?:\s|$)`),
		d("ishikawa-beta", `(?i)^\s*ishikawa(-beta)?\b`),
		d("cynefin-beta", `^\s*cynefin-beta(?:[\s:]|$)`),
		d("eventmodeling", `^\s*eventmodeling`),
		d("wardley-beta", `(?i)^\s*wardley-beta`),
		d("railroad-beta", `(?i)^\s*railroad(-abnf|-ebnf|-peg)?-beta`),
	}
}()

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
	m := leadingKeyword.FindStringSubmatch(stripAnyComments(prepare(src).s))
	if m == nil {
		return ""
	}
	return m[1]
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
	t := prepare(src)
	detect := stripAnyComments(t.s)
	kind := ""
	for _, d := range detectors {
		if d.re.MatchString(detect) {
			kind = d.keyword
			break
		}
	}
	switch kind {
	case "graph", "flowchart-elk":
		return validateFlow(squeezeAfterBrace(forParser(t)), src)
	case "mindmap":
		return validateMindmap(forParser(t), src)
	case "":
		return unknownType(t, src), 1
	}
	return nil, 0
}

func unknownType(t *text, src string) *Error {
	word := ""
	if m := leadingKeyword.FindStringSubmatch(stripAnyComments(t.s)); m != nil {
		word = m[1]
	}
	line, col := 1, 1
	if len(t.s) > 0 {
		line, col = position(src, int(t.orig[0]))
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
	return position(src, int(t.orig[at]))
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

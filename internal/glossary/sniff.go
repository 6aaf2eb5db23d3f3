package glossary

import (
	"bytes"
	"strings"
)

// The glossary sources are parsed before every other page, so that those
// can mark terms as they are parsed; which pages they are must be known
// from the source text. The readers here look at lines only, as far as
// CommonMark lets them: enough to tell a glossary from a page that is not.

// firstH1 is the text of the body's first level-one heading, ATX (# Title)
// or setext (Title / ===), outside code fences.
func firstH1(body []byte) string {
	var prev []byte
	fence := fenceState{}
	for line := range lines(body) {
		if fence.in(line) {
			prev = nil
			continue
		}
		t := bytes.TrimSpace(line)
		if h, ok := bytes.CutPrefix(t, []byte("# ")); ok && indent(line) < 4 {
			return strings.TrimSpace(strings.TrimRight(string(h), "# "))
		}
		if len(t) > 0 && len(bytes.Trim(t, "=")) == 0 && len(bytes.TrimSpace(prev)) > 0 {
			return string(bytes.TrimSpace(prev))
		}
		prev = line
	}
	return ""
}

// Defines reports whether the body holds a definition table (its header
// names a term column and an expansion or explanation column, see columns)
// or a definition list (a line, then one starting with ": "), outside code
// fences.
func Defines(body []byte) bool {
	var prev []byte
	fence := fenceState{}
	for line := range lines(body) {
		if fence.in(line) {
			prev = nil
			continue
		}
		if prev != nil && isDelimiterRow(line) && bytes.IndexByte(prev, '|') >= 0 {
			if _, ok := columns(headerCells(prev)); ok {
				return true
			}
		}
		if prev != nil && isDefLine(line) && len(bytes.TrimSpace(prev)) > 0 && bytes.IndexByte(prev, '|') < 0 {
			return true
		}
		prev = line
	}
	return false
}

// lines yields each line of b without its line ending.
func lines(b []byte) func(func([]byte) bool) {
	return func(yield func([]byte) bool) {
		for len(b) > 0 {
			i := bytes.IndexByte(b, '\n')
			if i < 0 {
				i = len(b)
			}
			if !yield(bytes.TrimSuffix(b[:i], []byte("\r"))) {
				return
			}
			b = b[min(i+1, len(b)):]
		}
	}
}

func indent(line []byte) int {
	return len(line) - len(bytes.TrimLeft(line, " "))
}

// fenceState follows ``` and ~~~ code fences line by line.
type fenceState struct {
	mark []byte // the opening fence, nil outside code
}

// in reports whether line belongs to a fenced code block, fences included.
func (f *fenceState) in(line []byte) bool {
	t := bytes.TrimLeft(line, " ")
	if indent(line) >= 4 {
		return f.mark != nil
	}
	n := 0
	for n < len(t) && (t[n] == '`' || t[n] == '~') && t[n] == t[0] {
		n++
	}
	switch {
	case f.mark == nil && n >= 3:
		f.mark = t[:n]
		return true
	case f.mark != nil && n >= len(f.mark) && t[0] == f.mark[0] && len(bytes.TrimSpace(t[n:])) == 0:
		f.mark = nil
		return true
	}
	return f.mark != nil
}

// isDelimiterRow reports a table's second line: | --- | :---: |.
func isDelimiterRow(line []byte) bool {
	t := bytes.TrimSpace(line)
	if len(t) == 0 || bytes.IndexByte(t, '-') < 0 {
		return false
	}
	for _, c := range t {
		switch c {
		case '|', '-', ':', ' ', '\t':
		default:
			return false
		}
	}
	return true
}

// headerCells splits a table's header line into its cells' text, with
// emphasis and code marks gone and links read as their text.
func headerCells(line []byte) []string {
	t := strings.TrimSpace(string(line))
	t = strings.TrimSuffix(strings.TrimPrefix(t, "|"), "|")
	var cells []string
	for c := range strings.SplitSeq(t, "|") {
		cells = append(cells, stripMarks(c))
	}
	return cells
}

func stripMarks(s string) string {
	s = strings.NewReplacer("**", "", "__", "", "`", "", "*", "").Replace(s)
	if i := strings.Index(s, "]("); i >= 0 && strings.HasPrefix(strings.TrimSpace(s), "[") {
		s = strings.TrimPrefix(strings.TrimSpace(s[:i]), "[")
	}
	return strings.TrimSpace(s)
}

// Package fix plans the repairs `docsite fix` makes: only those that are
// certain, each as a minimal byte edit at a position the page model gives,
// so nothing inside code is ever touched and nothing else in a file moves.
package fix

import (
	"bytes"
	"fmt"
	"sort"
)

// Kinds of repair, as counted in the summary.
const (
	MovedLink  = "moved link"
	Anchor     = "anchor"
	TOC        = "table of contents"
	Numbering  = "heading number"
	Definition = "citation definition"
)

// Edit replaces src[Start:End] with Text.
type Edit struct {
	Start, End int
	Text       string
	Kind       string
}

// Apply makes the edits on src. Edits must not overlap; an edit that would
// is dropped (the next run, on the changed file, picks it up again).
func Apply(src []byte, edits []Edit) ([]byte, []Edit) {
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Start < edits[j].Start })
	var out bytes.Buffer
	out.Grow(len(src) + 256)
	pos := 0
	var done []Edit
	for _, e := range edits {
		if e.Start < pos || e.End < e.Start || e.End > len(src) {
			continue
		}
		if string(src[e.Start:e.End]) == e.Text {
			continue // already right: a second run changes nothing
		}
		out.Write(src[pos:e.Start])
		out.WriteString(e.Text)
		pos = e.End
		done = append(done, e)
	}
	out.Write(src[pos:])
	return out.Bytes(), done
}

// newline is the line ending a file already uses, so inserted lines match it.
func newline(src []byte) string {
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		return "\r\n"
	}
	return "\n"
}

// Summary prints counts by kind in a fixed order.
func Summary(counts map[string]int, unrepaired int) string {
	var b bytes.Buffer
	total := 0
	for _, k := range []string{MovedLink, Anchor, TOC, Numbering, Definition} {
		if counts[k] > 0 {
			fmt.Fprintf(&b, "  %4d %s\n", counts[k], k)
			total += counts[k]
		}
	}
	return fmt.Sprintf("%d repairs\n%s%d findings need a person\n", total, b.String(), unrepaired)
}

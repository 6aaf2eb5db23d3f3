package report

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"docsite/internal/diag"
)

// ANSI styles of the text format.
const (
	styleReset   = "\x1b[0m"
	styleBold    = "\x1b[1m"
	styleDim     = "\x1b[2m"
	styleError   = "\x1b[1;31m"
	styleWarning = "\x1b[1;33m"
	styleHint    = "\x1b[36m"
)

// tabWidth is the tab stop used to show source lines; the marker line is laid
// out with the same stops so it stays under the span.
const tabWidth = 4

// writeText prints findings for people: one block per finding, files one
// after another, then a summary line.
func writeText(w *bufio.Writer, ds []diag.Diagnostic, sum Summary, c *config) error {
	p := textPrinter{w: w, color: c.color}
	var file string
	var lines *diag.Lines
	var src []byte
	for i, d := range ds {
		if i == 0 || d.File != file {
			if i > 0 {
				w.WriteByte('\n') // a blank line between files
			}
			file, src, lines = d.File, nil, nil
			if c.source != nil {
				src = c.source(file)
				if c.lines != nil {
					lines = c.lines(file)
				}
				if lines == nil {
					lines = diag.NewLines(src)
				}
			}
		}
		p.finding(d, src, lines)
	}
	if len(ds) > 0 {
		w.WriteByte('\n')
	}
	p.summary(sum)
	return nil
}

type textPrinter struct {
	w     *bufio.Writer
	color bool
}

func (p *textPrinter) style(s, text string) {
	if p.color {
		p.w.WriteString(s + text + styleReset)
	} else {
		p.w.WriteString(text)
	}
}

func (p *textPrinter) finding(d diag.Diagnostic, src []byte, lines *diag.Lines) {
	sev, sevStyle := "error", styleError
	if d.Severity == diag.Warning {
		sev, sevStyle = "warning", styleWarning
	}
	p.style(styleBold, location(d)+":")
	p.w.WriteByte(' ')
	p.style(sevStyle, sev)
	p.w.WriteByte(' ')
	p.style(styleDim, clean(string(d.Rule))+":")
	// A message of several lines continues indented under its header.
	msg, more, _ := strings.Cut(d.Message, "\n")
	p.w.WriteString(" " + clean(strings.TrimSuffix(msg, "\r")) + "\n")
	for more != "" {
		msg, more, _ = strings.Cut(more, "\n")
		p.w.WriteString("  " + clean(strings.TrimSuffix(msg, "\r")) + "\n")
	}
	if lines != nil && d.Line >= 1 && d.Line <= lines.LineCount() {
		text := src[lines.LineStart(d.Line):lines.LineStart(d.Line+1)]
		p.snippet(d, string(text), sevStyle)
	}
	if d.Suggestion != "" {
		p.w.WriteString("  ")
		p.style(styleHint, "suggestion:")
		p.w.WriteString(" " + clean(d.Suggestion) + "\n")
	}
}

// snippet prints the finding's source line with a gutter and, under it, the
// span marked ^~~~. Columns count code points; the marker counts terminal
// cells, so a wide character moves it two cells.
func (p *textPrinter) snippet(d diag.Diagnostic, line string, sevStyle string) {
	line = strings.TrimRight(line, "\r\n")
	from, to := d.Column, d.EndColumn
	if d.EndLine > d.Line {
		to = utf8.RuneCountInString(line) + 1 // mark to the end of the first line
	}
	if from < 1 {
		from = 1
	}
	var shown, marker strings.Builder
	cell, col, markFrom, markTo := 0, 1, -1, -1
	for _, r := range line {
		if col == from {
			markFrom = cell
		}
		n := cells(r)
		switch {
		case r == '\t':
			n = tabWidth - cell%tabWidth
			shown.WriteString(strings.Repeat(" ", n))
		case unicode.IsControl(r):
			shown.WriteRune(utf8.RuneError) // never let a source line drive the terminal
			n = 1
		default:
			shown.WriteRune(r)
		}
		cell += n
		col++
		if col == to {
			markTo = cell
		}
	}
	if markFrom < 0 { // the span starts past the end of the line
		markFrom = cell
	}
	if markTo <= markFrom { // empty span, or one that ends past the line
		if to > col {
			markTo = cell
		}
		if markTo <= markFrom {
			markTo = markFrom + 1
		}
	}
	marker.WriteString(strings.Repeat(" ", markFrom))
	marker.WriteByte('^')
	marker.WriteString(strings.Repeat("~", markTo-markFrom-1))

	num := strconv.Itoa(d.Line)
	gutter := strings.Repeat(" ", len(num))
	p.style(styleDim, fmt.Sprintf("  %s | ", num))
	p.w.WriteString(shown.String() + "\n")
	p.style(styleDim, fmt.Sprintf("  %s | ", gutter))
	p.style(sevStyle, marker.String())
	p.w.WriteByte('\n')
}

func (p *textPrinter) summary(s Summary) {
	line := plural(s.Errors, "error") + ", " + plural(s.Warnings, "warning") + " in " + plural(s.Files, "file")
	if s.Links > 0 {
		line += " (" + plural(s.Links, "link") + " checked)"
	}
	switch {
	case s.Errors > 0:
		p.style(styleError, line)
	case s.Warnings > 0:
		p.style(styleWarning, line)
	default:
		p.style(styleBold, line)
	}
	p.w.WriteByte('\n')
}

// location is file:line:col, leaving out what the finding does not know
// (a whole-page finding has no line).
func location(d diag.Diagnostic) string {
	loc := clean(d.File)
	if d.Line >= 1 {
		loc += ":" + strconv.Itoa(d.Line)
		if d.Column >= 1 {
			loc += ":" + strconv.Itoa(d.Column)
		}
	}
	return loc
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// clean replaces control characters, so that text from the corpus cannot
// move the cursor or change colours in the reader's terminal.
func clean(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' {
			return ' '
		}
		if unicode.IsControl(r) {
			return utf8.RuneError
		}
		return r
	}, s)
}

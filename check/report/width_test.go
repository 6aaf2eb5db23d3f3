package report

import (
	"bytes"
	"strings"
	"testing"

	"docsite/internal/diag"
)

func TestCells(t *testing.T) {
	cases := []struct {
		r    rune
		want int
	}{
		{'a', 1}, {'é', 1}, {'\u0301', 0}, {'中', 2}, {'，', 2}, {'。', 2}, {'「', 2},
		{'　', 2}, {'Ａ', 2}, {'ｱ', 1}, {'한', 2}, {'ア', 2}, {'🎉', 2}, {'😀', 2},
		{'\u200d', 0}, {'\ufe0f', 0}, {'→', 1}, {'α', 1}, {'\U00020000', 2}, {'☃', 1}, {'⚡', 2},
	}
	for _, c := range cases {
		if got := cells(c.r); got != c.want {
			t.Errorf("cells(%q U+%04X) = %d, want %d", c.r, c.r, got, c.want)
		}
	}
}

func TestWideRangesSorted(t *testing.T) {
	for i, r := range wide {
		if r[0] > r[1] || (i > 0 && wide[i-1][1] >= r[0]) {
			t.Errorf("range %d %X-%X out of order", i, r[0], r[1])
		}
	}
}

// TestMarkerAlignment checks that the ^ lands under the span's first
// character and the marker is as wide as the span, counted in cells.
func TestMarkerAlignment(t *testing.T) {
	cases := []struct {
		line          string
		col, end      int
		before, under string // text before the span, text of the span
	}{
		{"参见[安装](a.md)了解", 3, 13, "参见", "[安装](a.md)"},
		{"[x](y.md) ascii", 1, 10, "", "[x](y.md)"},
		{"表格：| 名称 | [链接](x.md) |", 11, 21, "表格：| 名称 | ", "[链接](x.md)"},
		{"\tab [x](y)", 5, 11, "    ab ", "[x](y)"}, // tab shown as 4 cells
		{"🎉 [p](p.md)", 3, 14, "🎉 ", "[p](p.md)"},
		{"é\u0301 [x](y)", 4, 10, "é\u0301 ", "[x](y)"}, // combining accent takes no cell
	}
	for _, c := range cases {
		src := c.line + "\n"
		d := diag.Diagnostic{File: "f.md", Line: 1, Column: c.col, EndLine: 1, EndColumn: c.end, Rule: "r", Message: "m"}
		var buf bytes.Buffer
		err := Write(&buf, "text", []diag.Diagnostic{d}, Summary{}, WithSource(func(string) []byte { return []byte(src) }))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(buf.String(), "\n")
		marker := strings.TrimPrefix(lines[2], "    | ")
		wantPad, wantLen := width(c.before), width(c.under)
		pad := len(marker) - len(strings.TrimLeft(marker, " "))
		if pad != wantPad || len(marker)-pad != wantLen {
			t.Errorf("%q: marker %q starts at %d, %d long; want %d, %d\n%s", c.line, marker, pad, len(marker)-pad, wantPad, wantLen, buf.String())
		}
	}
}

func width(s string) (n int) {
	for _, r := range s {
		n += cells(r)
	}
	return n
}

// FuzzText makes sure no source text or position, however wrong, makes the
// text format panic, and that every finding yields its header line.
func FuzzText(f *testing.F) {
	f.Add("参见[安装](a.md)了解\n", 1, 3, 1, 13)
	f.Add("a\r\nb\r\n", 2, 1, 2, 50)
	f.Add("\t\x1b[31m\xff\xfe x", 1, 0, 0, -3)
	f.Add("", 5, 5, 1, 1)
	f.Add("x\ny\nz", 1, 2, 3, 1)
	f.Fuzz(func(t *testing.T, src string, line, col, endLine, endCol int) {
		d := diag.Diagnostic{File: "f.md", Line: line, Column: col, EndLine: endLine, EndColumn: endCol, Rule: "r", Message: "m"}
		var buf bytes.Buffer
		err := Write(&buf, "text", []diag.Diagnostic{d}, Summary{}, WithSource(func(string) []byte { return []byte(src) }))
		if err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		if !strings.HasPrefix(out, "f.md") {
			t.Fatalf("output does not start with the file: %q", out)
		}
		if strings.Contains(out, "\x1b") || strings.Contains(out, "\r") {
			t.Fatalf("control characters from the source reached the output: %q", out)
		}
	})
}

package numbering

import (
	"strings"
	"testing"

	"docsite/internal/diag"
)

// TestTitles: in a folder whose pages number by position, a chapter moved
// without renumbering is reported once, at its H1 (the pages under it that
// follow its number are not); a translation is compared with the page it
// translates.
func TestTitles(t *testing.T) {
	tests := []struct {
		dir  string
		want []string
	}{
		{"testdata/moved", []string{
			`01-overview.md:5 numbering/heading: heading "1.3 学习路径" skips a number after 1.1: expected 1.2 => 1.2 学习路径`,
			`01-overview.md:9 numbering/heading: heading "1.2 技术栈" is out of sequence after 1.3: expected 1.4 => 1.4 技术栈`,
			`02-kubernetes/README.md:1 numbering/title: H1 number 3 differs from the page's place in the sidebar: its folder numbers its pages by position, and this is number 2: expected 2 => 2. Kubernetes`,
			`03-docker/README.md:1 numbering/title: H1 number 2 differs from the page's place in the sidebar: its folder numbers its pages by position, and this is number 3: expected 3 => 3. Docker`,
		}},
		{"testdata/translated", []string{
			`03-c.en.md:1 numbering/title: H1 number 9 differs from 3, the number of the page it translates (03-c.md): expected 3 => 3. C`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			ds := Check(model(t, tt.dir))
			diag.Sort(ds)
			var got []string
			for _, d := range ds {
				got = append(got, d.File+":"+itoa(d.Line)+" "+string(d.Rule)+": "+d.Message+" => "+d.Suggestion)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

package numbering

import (
	"strings"
	"testing"

	"docsite/internal/diag"
)

// TestMovedChapter is the user story: chapter 3 (Kubernetes) was
// moved before chapter 2 (Docker) without renumbering, and inside the
// overview section 1.3 was moved before 1.2. Each page whose number is now
// wrong is listed with the number it should have (its headings move with
// it, which the message says), and each heading out of place in a page.
func TestMovedChapter(t *testing.T) {
	s := model(t, "testdata/moved")
	ds := Check(s)
	diag.Sort(ds)
	var got []string
	for _, d := range ds {
		got = append(got, d.File+":"+itoa(d.Line)+":"+itoa(d.Column)+"-"+itoa(d.EndLine)+":"+itoa(d.EndColumn)+" "+d.Severity.String()+" "+string(d.Rule)+": "+d.Message+" => "+d.Suggestion)
	}
	want := []string{
		`01-overview.md:5:1-5:12 warning numbering/heading: heading "1.3 学习路径" is out of sequence after 1.1: expected 1.2; 1 heading after it follows on from it and needs renumbering too => 1.2 学习路径`,
		`01-overview.md:9:1-9:11 warning numbering/heading: heading "1.2 技术栈" is out of sequence after 1.3: expected 1.3 => 1.3 技术栈`,
		`02-kubernetes/01-pods.md:1:1-1:10 warning numbering/title: H1 number 3.1 differs from the sidebar number 2.1: expected 2.1 (its 2 headings numbered from 3.1 follow it) => 2.1 Pod`,
		`02-kubernetes/README.md:1:1-1:16 warning numbering/title: H1 number 3 differs from the sidebar number 2: expected 2 (its 3 headings numbered from 3 follow it) => 2. Kubernetes`,
		`03-docker/01-build.md:1:1-1:11 warning numbering/title: H1 number 2.1 differs from the sidebar number 3.1: expected 3.1 (its 1 heading numbered from 2.1 follows it) => 3.1 镜像构建`,
		`03-docker/README.md:1:1-1:12 warning numbering/title: H1 number 2 differs from the sidebar number 3: expected 3 (its 2 headings numbered from 2 follow it) => 3. Docker`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// docsite fix renumbers the moved page from its sidebar number.
	p := s.ByPath["02-kubernetes/README.md"]
	n, _ := ParseNumber(p.Nav.Number)
	var renumbered []string
	for _, e := range Expected(p, WithBase(n)) {
		renumbered = append(renumbered, e.Have.String()+"→"+e.Want.String())
	}
	if got, want := strings.Join(renumbered, " "), "3→2 3.1→2.1 3.1.1→2.1.1 3.2→2.2"; got != want {
		t.Errorf("renumbering from the sidebar: %s, want %s", got, want)
	}
}

// TestTranslations: a translation may keep the number of the page it
// translates even where its own, shorter sidebar numbers it differently.
func TestTranslations(t *testing.T) {
	s := model(t, "testdata/translated")
	if n := s.ByPath["02-b.en.md"].Nav.Number; n != "1" {
		t.Fatalf("fixture: en sidebar number %q, want 1", n)
	}
	got := strings.Join(render(Check(s)), "\n")
	want := `numbering/title 1: H1 number 9 differs from the sidebar number 2: expected 2 => 2. C`
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

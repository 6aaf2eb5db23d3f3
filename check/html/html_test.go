package html

import (
	"fmt"
	"strings"
	"testing"
)

func TestCheck(t *testing.T) {
	ds, err := Check("testdata/site", Options{BasePath: "/"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range ds {
		got = append(got, fmt.Sprintf("%s %s %s", d.File, d.Rule, d.Target))
	}
	want := []string{
		"a/index.html html/missing-fragment ../b/#x",
		"index.html html/missing-fragment #nowhere",
		"index.html html/missing-fragment /a/#gone",
		"index.html html/missing-target /a/nopic.png",
		"index.html html/missing-target /assets/missing.css",
		"index.html html/missing-target /img/x.png",
		"index.html html/missing-target /nope/",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestBasePath(t *testing.T) {
	ds, _ := Check("testdata/site", Options{BasePath: "/docs/"})
	n := 0
	for _, d := range ds {
		if strings.Contains(d.Message, "outside the site's base path") {
			n++
		}
	}
	if n == 0 {
		t.Errorf("links outside the base path not reported")
	}
}

func TestSourceMapping(t *testing.T) {
	src := func(htmlFile, href string) (string, int, int, bool) {
		if htmlFile == "index.html" && href == "/nope/" {
			return "README.md", 7, 3, true
		}
		return "", 0, 0, false
	}
	ds, _ := Check("testdata/site", Options{Source: src})
	for _, d := range ds {
		if d.Target == "/nope/" && (d.File != "README.md" || d.Line != 7 || !strings.Contains(d.Message, "index.html")) {
			t.Errorf("finding not mapped to its source: %+v", d)
		}
	}
}

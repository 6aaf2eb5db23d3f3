package html

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
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

// TestReadPage: what the tokenizer takes from a page, case by case.
func TestReadPage(t *testing.T) {
	cases := []struct {
		name, html string
		ids, refs  string
	}{
		{"anchors", `<h2 id="a">A</h2><a name="b"></a><div name="c"></div>`, "a b", ""},
		{"references", `<a href="/x/">x</a><img src="i.png" srcset="s1.png 1x, s2.png 2x">`, "", "href=/x/ src=i.png srcset=s1.png srcset=s2.png"},
		{"base is not a link", `<base href="/docs/"><link href="/s.css">`, "", "href=/s.css"},
		{"script and style are text", `<script>var s = '<a href="/no/" id="no">';</script><style>a[id="z"]{}</style><p id="yes">`, "yes", ""},
		{"comments are not markup", `<!-- <a href="/no/"> --><a href="/yes/">`, "", "href=/yes/"},
		{"the first of a repeated attribute", `<a href="/1/" href="/2/" id="i" id="j">`, "i", "href=/1/"},
		{"entities are decoded", `<a href="/a?x=1&amp;y=2#f%C3%A9">`, "", "href=/a?x=1&y=2#f%C3%A9"},
		{"svg's xlink:href", `<svg><use xlink:href="#icon"/></svg><svg><symbol id="icon"/></svg>`, "icon", "href=#icon"},
		{"end tags carry nothing", `<p></p id="no" href="/no/">`, "", ""},
		{"upper case", `<A HREF="/U/" ID="Up">`, "Up", "href=/U/"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "index.html")
			if err := os.WriteFile(p, []byte(c.html), 0o644); err != nil {
				t.Fatal(err)
			}
			pg := readPage(p)
			var ids, refs []string
			for id := range pg.ids {
				ids = append(ids, id)
			}
			slices.Sort(ids)
			for _, r := range pg.refs {
				refs = append(refs, r.Attr+"="+r.Value)
			}
			if got := strings.Join(ids, " "); got != c.ids {
				t.Errorf("ids %q, want %q", got, c.ids)
			}
			if got := strings.Join(refs, " "); got != c.refs {
				t.Errorf("refs %q, want %q", got, c.refs)
			}
		})
	}
}

package markdown

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"

	"docsite/internal/diag"
	"docsite/internal/site"
)

// The spec suites hold docsite to what plain goldmark with GFM gets right:
// every CommonMark 0.31.2 example and every GFM extension case that plain
// goldmark passes, docsite passes too, but for the ones listed in
// deliberate with the reason. The examples are goldmark's (MIT), read from
// its module at test time.

// deliberate are the examples docsite renders differently on purpose.
var deliberate = map[string]string{
	"table/7": "a row with more cells than the header keeps them (the corpus has tables whose last column has no header)",
}

type specCase struct {
	Name, Markdown, HTML string
}

func TestCommonMarkSpec(t *testing.T) {
	dir := goldmarkDir(t)
	raw, err := os.ReadFile(filepath.Join(dir, "_test", "spec.json"))
	if err != nil {
		t.Skipf("goldmark's spec examples not found: %v", err)
	}
	var examples []struct {
		Markdown, HTML, Section string
		Example                 int
	}
	if err := json.Unmarshal(raw, &examples); err != nil {
		t.Fatal(err)
	}
	var cases []specCase
	for _, e := range examples {
		cases = append(cases, specCase{"commonmark/" + strconv.Itoa(e.Example), e.Markdown, e.HTML})
	}
	runSpec(t, cases)
}

func TestGFMExtensionCases(t *testing.T) {
	dir := goldmarkDir(t)
	var cases []specCase
	for _, name := range []string{"strikethrough", "table", "tasklist", "linkify", "footnote"} {
		cs, err := readCaseFile(filepath.Join(dir, "extension", "_test", name+".txt"))
		if err != nil {
			t.Skipf("goldmark's extension cases not found: %v", err)
		}
		for _, c := range cs {
			c.Name = name + "/" + c.Name
			cases = append(cases, c)
		}
	}
	runSpec(t, cases)
}

// runSpec compares docsite and plain goldmark (GFM and footnotes, as
// docsite has) on each case, after normalising what docsite adds on
// purpose: heading ids and anchors, highlighting markup, XHTML void tags.
func runSpec(t *testing.T, cases []specCase) {
	plain := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote),
		goldmark.WithRendererOptions(html.WithUnsafe(), html.WithXHTML()))
	conv := New()
	plainPass, docPass, regressions := 0, 0, 0
	for _, c := range cases {
		want := normalize(c.HTML)
		var buf bytes.Buffer
		if err := plain.Convert([]byte(c.Markdown), &buf); err != nil {
			t.Fatal(err)
		}
		p := normalize(buf.String()) == want
		got := normalize(renderDoc(t, conv, c.Markdown))
		d := got == want
		if p {
			plainPass++
		}
		if d {
			docPass++
		}
		reason, listed := deliberate[c.Name]
		switch {
		case p && !d && !listed:
			regressions++
			t.Errorf("%s: plain goldmark passes, docsite does not\nmarkdown: %q\nwant: %q\ngot:  %q", c.Name, c.Markdown, want, got)
		case listed && d:
			t.Errorf("%s is listed as deliberate (%s) but passes now: drop it from the list", c.Name, reason)
		}
	}
	t.Logf("%d cases: plain goldmark + GFM passes %d, docsite %d (%d deliberate)", len(cases), plainPass, docPass, len(deliberate))
}

// renderDoc renders src as a page of its own, with docsite's pipeline.
func renderDoc(t *testing.T, conv *Converter, src string) string {
	b := []byte(src)
	p := &site.Page{Path: "spec.md", Source: b, Lines: diag.NewLines(b)}
	doc := conv.Parse(p)
	out, err := conv.Render(p, doc, nil)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

var (
	headingID   = regexp.MustCompile(`<h([1-6]) id="[^"]*">`)
	anchor      = regexp.MustCompile(`<a class="anchor" href="#[^"]*"( aria-label="[^"]*")?>#</a>`)
	chromaLang  = regexp.MustCompile(`<pre class="chroma" data-lang="([^"]*)"><code>`)
	alignStyle  = regexp.MustCompile(`style="text-align:(left|center|right)"`)
	voidTag     = regexp.MustCompile(`<(br|hr|img|input)\b([^>]*?)\s*/?>`)
	blankLines  = regexp.MustCompile(`\n+`)
	tableWrap   = regexp.MustCompile(`(?s)<div class="table-wrap">\n(<table>.*?</table>)\n</div>`)
	chromaPlain = `<pre class="chroma"><code>`
)

func normalize(s string) string {
	s = headingID.ReplaceAllString(s, "<h$1>")
	s = anchor.ReplaceAllString(s, "")
	s = tableWrap.ReplaceAllString(s, "$1")
	s = chromaLang.ReplaceAllString(s, `<pre><code class="language-$1">`)
	s = strings.ReplaceAll(s, chromaPlain, "<pre><code>")
	s = voidTag.ReplaceAllString(s, "<$1$2>")
	s = alignStyle.ReplaceAllString(s, `align="$1"`)
	s = strings.NewReplacer("&#34;", "&quot;", "&#39;", "'").Replace(s)
	return strings.TrimSpace(blankLines.ReplaceAllString(s, "\n"))
}

// goldmarkDir is the module directory of the goldmark this build uses.
func goldmarkDir(t *testing.T) string {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/yuin/goldmark").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		t.Skipf("goldmark's module directory not found (go list -m: %v)", err)
	}
	return dir
}

// readCaseFile reads goldmark's extension case format: a header line
// ("12" or "12: description"), an optional options line, then the
// Markdown and the HTML, each closed by a separator line.
func readCaseFile(name string) ([]specCase, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	const part, end = "//- - - - - - - - -//", "//= = = = = = = = = = = = = = = = = = = = = = = =//"
	var cases []specCase
	var c specCase
	var buf []string
	state := 0 // 0 header, 1 markdown, 2 html
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case state == 0 && strings.TrimSpace(line) == "":
		case state == 0 && line == part:
			state = 1
		case state == 0:
			if n, _, _ := strings.Cut(line, ":"); !strings.Contains(strings.ToLower(line), "options:") {
				c = specCase{Name: strings.TrimSpace(n)}
			} else if strings.Contains(line, "EnableEscape") {
				c.Name += "(escaped)"
			}
		case state == 1 && line == part:
			c.Markdown, buf, state = strings.Join(buf, "\n"), nil, 2
		case state == 2 && line == end:
			c.HTML = strings.Join(buf, "\n")
			if !strings.HasSuffix(c.Name, "(escaped)") {
				cases = append(cases, c)
			}
			buf, state = nil, 0
		default:
			buf = append(buf, line)
		}
	}
	return cases, sc.Err()
}

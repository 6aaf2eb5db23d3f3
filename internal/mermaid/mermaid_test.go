package mermaid

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/text"
)

func TestDiagramType(t *testing.T) {
	tests := []struct {
		src   string
		kind  string
		known bool
	}{
		{"graph TD\nA-->B", "graph", true},
		{"flowchart LR\n  A --> B", "flowchart", true},
		{"\n\n  sequenceDiagram\n  A->>B: hi", "sequenceDiagram", true},
		{"stateDiagram-v2\n[*] --> A", "stateDiagram-v2", true},
		{"classDiagram-v2", "classDiagram-v2", true},
		{"gitGraph:\n commit", "gitGraph", true},
		{"C4Context\ntitle x", "C4Context", true},
		{"xychart-beta\n", "xychart-beta", true},
		{"pie title Pets\n\"Dogs\" : 3", "pie", true},
		{"mindmap\n  root", "mindmap", true},
		{"Ishikawa-beta\n", "Ishikawa-beta", true},
		{"%% a comment\ngraph TD", "graph", true},
		{"  %% indented comment\n\n%%{init: {'theme':'dark'}}%%\nerDiagram", "erDiagram", true},
		{"%%{\n  init: {\n    'theme': 'dark'\n  }\n}%%\ngantt\n", "gantt", true},
		{"---\ntitle: Flow\nconfig:\n  theme: dark\n---\nflowchart TD\nA-->B", "flowchart", true},
		{"\n---\ntitle: x\n---\n%% c\njourney", "journey", true},
		{"notadiagram\nA-->B", "notadiagram", false},
		{"zenuml\n", "zenuml", false}, // a plugin the bundle does not carry
		{"graphs TD", "graphs", false},
		{"Graph TD", "Graph", false},
		{"---\nunclosed front matter\ngraph", "---", false},
		{"", "", false},
		{"%% only a comment\n", "", false},
		{"→ graph", "→", false},
		{"graph\r\nA-->B", "graph", true},
	}
	for _, tt := range tests {
		kind, known := DiagramType(tt.src)
		if kind != tt.kind || known != tt.known {
			t.Errorf("DiagramType(%q) = %q, %v; want %q, %v", tt.src, kind, known, tt.kind, tt.known)
		}
	}
}

func convert(t *testing.T, src string) (string, []*Diagram) {
	t.Helper()
	md := goldmark.New(goldmark.WithExtensions(New()))
	doc := md.Parser().Parse(text.NewReader([]byte(src)))
	var buf bytes.Buffer
	if err := md.Renderer().Render(&buf, []byte(src), doc); err != nil {
		t.Fatal(err)
	}
	return buf.String(), Collect(doc)
}

func TestRender(t *testing.T) {
	tests := []struct{ src, want string }{
		{
			"```mermaid\ngraph TD\n  A[wasm-app] --> B[x<br/>y]\n  B --> C{a & b}\n```",
			"<pre class=\"mermaid\">graph TD\n  A[wasm-app] --&gt; B[x&lt;br/&gt;y]\n  B --&gt; C{a &amp; b}\n</pre>\n",
		},
		{
			"> ```mermaid\n> pie\n> ```",
			"<blockquote>\n<pre class=\"mermaid\">pie\n</pre>\n</blockquote>\n",
		},
		{"~~~mermaid\nmindmap\n  root\n~~~", "<pre class=\"mermaid\">mindmap\n  root\n</pre>\n"},
		{
			"- x\n\n  ```mermaid\n  graph TD\n  A[f(x)]\n  ```",
			"<ul>\n<li>\n<p>x</p>\n<div class=\"diagram-error\">\n<p class=\"diagram-error-message\" role=\"note\">Diagram error, line 5: " +
				"&#34;(&#34; is not allowed inside the unquoted label (&#34;[&#34; of node A opened at diagram line 2 column 2); quote the label: A[&#34;...&#34;]</p>\n<pre class=\"diagram-error-source\"><code class=\"language-mermaid\">graph TD\n<mark class=\"diagram-error-line\">A[f(x)]</mark>\n</code></pre>\n</div>\n</li>\n</ul>\n",
		},
		{"```mermaidx\ngraph\n```", "<pre><code class=\"language-mermaidx\">graph\n</code></pre>\n"},
		{"```\ngraph\n```", "<pre><code>graph\n</code></pre>\n"},
	}
	for _, tt := range tests {
		if got, _ := convert(t, tt.src); got != tt.want {
			t.Errorf("%q:\ngot  %q\nwant %q", tt.src, got, tt.want)
		}
	}
}

func TestCollect(t *testing.T) {
	src := "# T\n\n```mermaid\ngraph TD\n```\n\ntext\n\n- item\n\n  ```mermaid\n  notadiagram\n  ```\n"
	_, ds := convert(t, src)
	if len(ds) != 2 {
		t.Fatalf("got %d diagrams, want 2", len(ds))
	}
	for i, want := range []struct{ src, at, body string }{
		{"graph TD\n", "```mermaid\ngraph", "graph TD"},
		{"notadiagram\n", "```mermaid\n  notadiagram", "notadiagram"},
	} {
		d := ds[i]
		if d.Source != want.src || !strings.HasPrefix(src[d.Offset:], want.at) || !strings.HasPrefix(src[d.BodyOffset:], want.body) {
			t.Errorf("diagram %d = %q at %q, body at %q", i, d.Source, src[d.Offset:], src[d.BodyOffset:])
		}
	}
}

// TestKeywordsMatchMermaid checks the keyword list against the detectors in
// the installed mermaid bundle, so an upgrade that adds or drops a diagram
// type fails here rather than in a reader's browser.
func TestKeywordsMatchMermaid(t *testing.T) {
	_, file, _, _ := runtime.Caller(0)
	bundle := filepath.Join(filepath.Dir(file), "../../themes/default/node_modules/mermaid/dist/mermaid.esm.mjs")
	js, err := os.ReadFile(bundle)
	if err != nil {
		t.Skipf("mermaid is not installed (sh themes/default/scripts/vendor.sh): %v", err)
	}
	// Detectors look like: return /^\s*gantt/.test(txt) or /^\s*x/i.test(txt).
	re := regexp.MustCompile(`/(\^\\s\*[^/\n]*)/(i?)\.test\((?:txt|text)\)`)
	var detectors []*regexp.Regexp
	for _, m := range re.FindAllStringSubmatch(string(js), -1) {
		expr := m[1]
		if m[2] == "i" {
			expr = "(?i)" + expr
		}
		d, err := regexp.Compile(expr)
		if err != nil {
			t.Fatalf("detector %q: %v", m[1], err)
		}
		detectors = append(detectors, d)
	}
	if len(detectors) < 20 {
		t.Fatalf("found only %d detectors in %s: has the bundle's shape changed?", len(detectors), bundle)
	}
	all := make([]string, 0, len(keywords)+len(caseless))
	for k := range keywords {
		all = append(all, k)
	}
	for k := range caseless {
		all = append(all, k)
	}
	for _, k := range all {
		found := false
		for _, d := range detectors {
			found = found || d.MatchString(k+"\n")
		}
		if !found {
			t.Errorf("keyword %q: no detector in mermaid matches it", k)
		}
	}
	for _, d := range detectors {
		found := false
		for _, k := range all {
			found = found || d.MatchString(k+"\n")
		}
		if !found {
			t.Errorf("mermaid detector %v matches none of our keywords: add its diagram type", d)
		}
	}
}

func FuzzDiagramType(f *testing.F) {
	for _, s := range []string{"graph TD", "%%{\ninit\n}%%\npie", "---\na\n---\nx", "---", "%%{", "\r\n\r\n", "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		kind, known := DiagramType(s)
		if known && kind == "" {
			t.Fatal("known without a kind")
		}
		if kind != "" && !strings.Contains(s, kind) {
			t.Fatalf("kind %q not in the source", kind)
		}
	})
}

func FuzzMermaidFence(f *testing.F) {
	for _, s := range []string{"```mermaid\ngraph\n```", "> ```mermaid\n> a<b\n", "- ```mermaid\n  x & y\n  ```", "````mermaid\n```\n````"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, ds := convert(t, s)
		if n := strings.Count(out, `<pre class="mermaid">`) + strings.Count(out, `<div class="diagram-error">`); n != len(ds) {
			t.Fatalf("%d diagrams written, %d collected", n, len(ds))
		}
		for _, d := range ds {
			if d.Offset < 0 || d.Offset > len(s) || d.BodyOffset < d.Offset || d.BodyOffset > len(s) {
				t.Fatalf("offsets %d/%d outside the source", d.Offset, d.BodyOffset)
			}
		}
	})
}

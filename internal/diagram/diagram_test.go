package diagram

import (
	"strings"
	"testing"
)

// Each case was checked against mermaid 12.3.0's mermaid.parse(): line 0
// means mermaid accepts the source, otherwise the line of the error in the
// source (mermaid's own number too, unless noted).
type vcase struct {
	name string
	src  string
	line int    // 0: valid
	msg  string // a part of the message, when it matters
}

var flowCases = []vcase{
	// header and separators
	{"graph TD", "graph TD\nA-->B", 0, ""},
	{"graph alone", "graph\nA-->B", 0, ""},
	{"flowchart LR", "flowchart LR\n  A --> B", 0, ""},
	{"semicolons", "graph BT;A-->B;B-->C;", 0, ""},
	{"RL and TB", "graph RL\nA-->B\n", 0, ""},
	{"graph; is not a direction", "graph;A-->B", 1, "direction"},
	{"graph garbage direction", "graph XY\nA-->B", 1, "direction"},
	{"empty body", "graph TD", 0, ""},
	// ids
	{"chinese id", "graph TD\n中文节点-->B", 0, ""},
	{"dash underscore digits", "graph TD\nnode-1_x-->2b", 0, ""},
	{"end inside id", "graph TD\nendx-->B\nbackend-->B", 0, ""},
	{"End capitalised", "graph TD\nEnd-->B", 0, ""},
	{"end as id", "graph TD\nend-->B", 2, `"end"`},
	{"end as target", "graph TD\nA-->end", 2, ""},
	{"keyword style as id", "graph TD\nA-->style", 2, ""},
	{"space in id", "graph TD\nPolicy --> Solution Performance --> Solu", 2, "cannot contain spaces"},
	{"full-width colon in id", "graph TD\nA：B-->C", 2, "U+FF1A"},
	{"equals in id", "graph TD\nA=B-->C", 2, ""},
	// shapes
	{"all shapes", "graph TD\nA[a]-->B(b)-->C((c))-->D(((d)))-->E{e}-->F{{f}}-->G>g]-->H[[h]]-->I[(i)]-->J[/j/]-->K[\\k\\]-->L[/l\\]-->M[\\m/]-->N([n])", 0, ""},
	{"ellipse", "graph TD\nA(-x-)", 0, ""},
	{"trapezoid closed by )]", "graph TD\nA[/a)]", 0, ""},
	{"trapezoid text with (", "graph TD\nA[/a(b/]", 2, ""},
	{"shape data", "graph TD\nA@{ shape: rect, label: \"x\" }\nB@{ shape: cyl }", 0, ""},
	{"unknown shape", "graph TD\nA@{ shape: foo }", 2, "no such shape"},
	{"shape with underscore", "graph TD\nA@{ shape: lean_right }", 2, "lowercase"},
	{"quoted label", "graph TD\nA[\"a (b) [c] {d}\"]-->B", 0, ""},
	{"markdown label", "graph TD\nA[\"`**bold** (x)`\"]", 0, ""},
	{"html tag attributes", "graph TD\nA[<span style=\"color:red\">x</span>]", 0, ""},
	{"entity", "graph TD\nA[a #quot;b#quot; #35;]", 0, ""},
	{"parenthesis in label", "graph TD\n    A[参考状态 r(t): 期望资源状态] --> B[控]", 2, `quote the label: A["..."]`},
	{"brackets in label", "graph TD\nM[属性: 桶边界=[1μs,10μs,100μs,1ms]]", 2, `"["`},
	{"quote in label", "graph TB\n    A[容器化理念<br/>\"集装箱化\"] --> B[Docker]", 2, "double quote"},
	{"unclosed label", "graph TD\nA[abc\nB-->C", 4, "unclosed"},
	{"brace in round", "graph TD\nA(a{b)", 2, ""},
	{"props vertex", "graph TD\nA[|field:value|text]", 0, ""},
	// edges
	{"edge kinds", "graph TD\nA-->B\nA---B\nA-.->B\nA-.-B\nA==>B\nA===B\nA~~~B\nA--oB\nA--xB\nA<-->B\nA---->B\nA x--x B\nA o--o B", 0, ""},
	{"edge texts", "graph TD\nA-->|t|B\nA-- text -->B\nA-. text .->B\nA== text ==>B\nA-- \"q\" -->B", 0, ""},
	{"edge text with parens", "graph TD\nA-- f(x) -->B", 0, ""},
	{"pipe text with parens", "graph TD\n    B -->|高(安全/合规)| C{性能要求?}", 2, "link text"},
	{"chains", "graph TD\nA & B --> C & D\nA --> B --> C", 0, ""},
	{"edge ids", "graph TD\nA e1@--> B\ne1@{ animate: true }", 0, ""},
	{"edge at line end", "graph TD\nA-->\nB", 0, ""},
	{"dangling edge", "graph TD\nA-->", 3, ""}, // the line after the last, as mermaid counts
	{"trailing comment", "graph TD\nA-->B %% c", 2, ""},
	// subgraphs
	{"subgraph forms", "graph TD\nsubgraph one [Title 1]\nA\nend\nsubgraph \"two words\"\nB\nend\nsubgraph 中文标题\nC\nend\nsubgraph x\ndirection LR\nsubgraph y\nD\nend\nend", 0, ""},
	{"subgraph space title", "graph TD\nsubgraph a b c\nA\nend", 0, ""},
	{"subgraph full-width colon", "graph TB\n    subgraph 第1层：内核态执行沙盒\n        K1[x]\n    end", 2, "quote the title"},
	{"subgraph full-width parens", "graph LR\n    subgraph 边缘集群1（Edge）\n    E1\n    end", 2, "U+FF08"},
	{"subgraph quoted full-width", "graph TB\nsubgraph \"第1层：内核\"\nA\nend\nsubgraph s[第2层：用户]\nB\nend", 0, ""},
	{"subgraph without title", "graph TD\nA\nsubgraph\nB\nend", 3, "id or a title"},
	{"unclosed subgraph", "graph TD\nsubgraph a\nA", 4, "end"},
	{"end without subgraph", "graph TD\nA\nend", 3, ""},
	// statements
	{"class statements", "graph TD\nclassDef foo fill:#f9f,stroke:#333;\nclass A,B foo\nA:::foo-->B", 0, ""},
	{"style", "graph TD\nA-->B\nstyle A fill:#f9f,stroke:#333,stroke-width:4px", 0, ""},
	{"linkStyle", "graph TD\nA-->B-->C\nlinkStyle 0,1 stroke:red\nlinkStyle default interpolate basis", 0, ""},
	{"linkStyle out of range", "graph TD\nA-->B\nlinkStyle 1 stroke:red", 3, "linkStyle"},
	{"click", "graph TD\nA-->B\nclick A callback \"tip\"\nclick B call cb(1) \"tip\"\nclick A href \"https://x\" \"tip\" _blank\nclick B \"https://x\" _self", 0, ""},
	{"comments", "%% head\ngraph TD\n%% inside\nA-->B\n  %% indented", 0, ""},
	{"acc", "graph TD\naccTitle: t\naccDescr: d\naccDescr {\nmany\nlines\n}\nA", 0, ""},
	{"direction statement", "graph TD\nA-->B\ndirection LR", 0, ""},
	{"front matter and init", "---\ntitle: x\n---\n%%{init: {\"theme\": \"dark\"}}%%\ngraph TD\nA-->B", 0, ""},
	// mermaid says line 2: it counts lines after removing the front
	// matter; the error is on line 5 of the source.
	{"error after front matter", "---\ntitle: x\n---\ngraph TD\nA[a(b)]", 5, ""},
}

var mindmapCases = []vcase{
	{"tree", "mindmap\n  root((核心))\n    a[方]\n      b(圆)\n      c))爆((\n      d)云(\n      e{{六}}\n    f\n      ::icon(fa fa-book)\n      :::urgent\n    g[\"quoted (x)\"]", 0, ""},
	{"plain text with parens inside", "mindmap\n  root\n    fork(x)\n    a b c", 0, ""},
	{"empty parens", "mindmap\n  root((内核))\n    进程创建\n        fork()\n          写时复制", 4, "empty"},
	{"socket()", "mindmap\n  root\n    socket()", 3, ""},
	{"text after shape", "mindmap\n  root\n    CFS(完全公平调度), MLFQ", 3, "must end the line"},
	{"nested shape opener", "mindmap\n      root(([核心主题]))\n         分支1", 2, `root(("[核心主题]"))`},
	{"quoted shape text", "mindmap\n      root((\"[核心主题]\"))\n         分支1", 0, ""},
	{"second root", "mindmap\nroot\n  a\nb", 4, "one root"},
	{"less indented than root", "mindmap\n  root\n a", 3, "one root"},
	{"icon before node", "mindmap\n::icon(fa fa-x)\nroot", 2, "icon"},
	{"comment lines", "mindmap\n%% c\n  root\n  %% c\n    a", 0, ""},
	{"unclosed shape", "mindmap\n  root[abc", 3, ""},
}

var otherCases = []vcase{
	{"sequence", "sequenceDiagram\n  A->>B: hi", 0, ""},
	{"state garbage is not checked", "stateDiagram-v2\n  [*] --> ((((", 0, ""},
	{"others", "gantt\ntitle x", 0, ""},
	{"pie", "pie\n\"a\": 1", 0, ""},
	{"C4", "C4Context\ntitle x", 0, ""},
	{"xychart", "xychart-beta\n", 0, ""},
	{"unknown type", "grph TD\nA-->B", 1, `"graph"`},
	// mermaid's detectors match a prefix, so this is a (broken) sequence
	// diagram, which is not checked: only the keyword is.
	{"known prefix", "%% c\n\nsequenceDiagramm2", 0, ""},
	{"really unknown", "%% c\n\nflowhcart LR", 3, "flowchart"},
	{"empty", "", 1, "empty"},
	{"unclosed front matter", "---\ntitle: x\ngraph TD\nA-->B", 1, "front matter"},
	{"C4 name in a flowchart makes it C4", "graph TD\nA[C4Container] --> ((((", 0, ""},
	{"but not in a mindmap", "mindmap\n  C4Container\n    fork()", 3, ""},
}

func runCases(t *testing.T, cases []vcase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := Validate(c.src)
			switch {
			case c.line == 0 && e != nil:
				t.Fatalf("mermaid accepts this; got %v", e)
			case c.line != 0 && e == nil:
				t.Fatalf("mermaid rejects this (line %d); got nil", c.line)
			case e != nil && e.Line != c.line:
				t.Fatalf("line %d, want %d: %v", e.Line, c.line, e)
			case e != nil && !strings.Contains(e.Message, c.msg):
				t.Fatalf("message %q lacks %q", e.Message, c.msg)
			}
		})
	}
}

func TestFlowchart(t *testing.T) { runCases(t, flowCases) }
func TestMindmap(t *testing.T)   { runCases(t, mindmapCases) }
func TestOtherTypes(t *testing.T) {
	runCases(t, otherCases)
}

func TestColumnCountsRunes(t *testing.T) {
	e := Validate("graph TD\n    A[参考状态 r(t): 期望资源状态] --> B[控]")
	if e == nil || e.Line != 2 || e.Column != 13 {
		t.Fatalf("got %v, want 2:13 (the \"(\")", e)
	}
}

func TestType(t *testing.T) {
	for src, want := range map[string]string{
		"graph TD\nA":                         "graph",
		"\n\n  flowchart LR":                  "flowchart",
		"%% c\n%%{init: {}}%%\nmindmap\n  a":  "mindmap",
		"---\ntitle: x\n---\nsequenceDiagram": "sequenceDiagram",
		"stateDiagram-v2\n":                   "stateDiagram-v2",
		"%% only a comment\n":                 "",
		"":                                    "",
	} {
		if got := Type(src); got != want {
			t.Errorf("Type(%q) = %q, want %q", src, got, want)
		}
	}
}

func TestMaxEdges(t *testing.T) {
	var b strings.Builder
	b.WriteString("graph TD\n")
	for i := range 500 {
		b.WriteString("A --> B" + strings.Repeat("x", i%3) + "\n")
	}
	if e := Validate(b.String()); e != nil {
		t.Fatalf("500 edges are allowed: %v", e)
	}
	b.WriteString("A --> C\n")
	if e := Validate(b.String()); e == nil || !strings.Contains(e.Message, "edges") {
		t.Fatalf("501 edges: got %v", e)
	}
}

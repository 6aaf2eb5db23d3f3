package diagram

import (
	"docsite/internal/sitetest"

	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

type fixtureDiagram struct {
	File         string  `json:"file"`
	Line         int     `json:"line"`
	Src          string  `json:"src"`
	MermaidOK    bool    `json:"mermaid_ok"`
	MermaidError *string `json:"mermaid_error"`
}

// loadFixture reads the shared fixture of real diagrams with mermaid
// 12.3.0's verdicts; it lives beside the repository, not in it.
func loadFixture(tb testing.TB) []fixtureDiagram {
	tb.Helper()
	b, err := os.ReadFile(sitetest.Shared(tb, "fixtures", "mermaid-dev.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var f struct {
		Diagrams []fixtureDiagram `json:"diagrams"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		tb.Fatal(err)
	}
	return f.Diagrams
}

var mermaidLine = regexp.MustCompile(`on line (\d+)`)

func familyOf(src string) string {
	switch k := Type(src); k {
	case "graph", "flowchart", "mindmap":
		return k
	}
	return "other"
}

func TestFixture(t *testing.T) {
	ds := loadFixture(t)
	type tally struct{ n, agree, falseErr, missed, lines, lineAgree int }
	by := map[string]*tally{}
	for _, d := range ds {
		fam := familyOf(d.Src)
		if by[fam] == nil {
			by[fam] = &tally{}
		}
		c := by[fam]
		c.n++
		e, _ := validate(d.Src)
		switch {
		case (e == nil) == d.MermaidOK:
			c.agree++
		case e != nil:
			c.falseErr++
			t.Errorf("%s:%d: mermaid accepts this diagram, we report %v", d.File, d.Line, e)
		default:
			c.missed++
		}
		if e != nil && d.MermaidError != nil {
			if m := mermaidLine.FindStringSubmatch(*d.MermaidError); m != nil {
				n, _ := strconv.Atoi(m[1])
				c.lines++
				if n == e.Line {
					c.lineAgree++
				} else {
					t.Logf("%s:%d: mermaid says line %d, we say %v", d.File, d.Line, n, e)
				}
			}
		}
	}
	for _, fam := range []string{"graph", "flowchart", "mindmap", "other"} {
		c := by[fam]
		if c == nil {
			continue
		}
		t.Logf("%-9s %3d diagrams: accept/reject agree %d (%.1f%%), false errors %d, missed errors %d; lines agree %d/%d",
			fam, c.n, c.agree, 100*float64(c.agree)/float64(c.n), c.falseErr, c.missed, c.lineAgree, c.lines)
		if fam != "other" && float64(c.agree) < 0.99*float64(c.n) {
			t.Errorf("%s: agreement below 99%%", fam)
		}
		if fam != "other" && float64(c.lineAgree) < 0.9*float64(c.lines) {
			t.Errorf("%s: line agreement below 90%%", fam)
		}
	}
}

// synthetic returns n varied diagrams, valid and broken.
func synthetic(n int) []string {
	var out []string
	for i := range n {
		var b strings.Builder
		switch i % 4 {
		case 0, 1:
			fmt.Fprintf(&b, "graph TD\n")
			for j := range 20 {
				fmt.Fprintf(&b, "    N%d[节点 %d] -->|步骤 %d| N%d{判断 %d?}\n", j, j, j, j+1, i)
			}
			b.WriteString("    subgraph 组\n        X1 & X2 --> X3((圆))\n    end\n    classDef hot fill:#f96;\n    class X1 hot\n")
			if i%8 == 1 {
				b.WriteString("    E[坏的 f(x)]\n")
			}
		case 2:
			b.WriteString("mindmap\n  root((根))\n")
			for j := range 20 {
				fmt.Fprintf(&b, "    分支%d\n      叶子 %d\n      [方 %d]\n", j, j, i)
			}
			if i%8 == 2 {
				b.WriteString("      fork()\n")
			}
		default:
			b.WriteString("sequenceDiagram\n  A->>B: hi\n")
		}
		out = append(out, b.String())
	}
	return out
}

func BenchmarkValidate(b *testing.B) {
	b.Run("fixture", func(b *testing.B) {
		ds := loadFixture(b)
		b.ResetTimer()
		for b.Loop() {
			for _, d := range ds {
				Validate(d.Src)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(ds)), "ns/diagram")
	})
	b.Run("synthetic1000", func(b *testing.B) {
		ds := synthetic(1000)
		b.ResetTimer()
		for b.Loop() {
			for _, d := range ds {
				Validate(d)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(ds)), "ns/diagram")
	})
}

// TestLargeInputs: every input returns quickly; no quadratic rule, no
// recursion on nesting.
func TestLargeInputs(t *testing.T) {
	const mb = 1 << 20
	fill := func(head, unit, tail string) string {
		return head + strings.Repeat(unit, mb/len(unit)) + tail
	}
	nest := "graph TD\n" + strings.Repeat("subgraph s\n", 10000) + "A\n" + strings.Repeat("end\n", 10000)
	cases := map[string]struct {
		src string
		ok  bool
	}{
		"many nodes":         {fill("graph TD\n", "N1[标签 text]\n", ""), true},
		"one long label":     {fill("graph TD\nA[", "x", "]"), true},
		"one long line":      {fill("graph TD\n", "a ", ""), false},
		"spaces and lines":   {fill("graph TD\n", " \n", "A"), true},
		"ampersands":         {fill("graph TD\n", "&", ""), true},
		"direction words":    {fill("graph TD\n", "a direction ", ""), false},
		"brace lines":        {fill("graph TD\n", "A{x}\n\n", ""), true},
		"comments":           {fill("graph TD\n", "%% c\n", "A"), true},
		"entities":           {fill("graph TD\nA[", "#35;", "]"), true},
		"unclosed":           {fill("graph TD\nA[", "(", ""), false},
		"nested subgraphs":   {nest, true},
		"unclosed subgraphs": {"graph TD\n" + strings.Repeat("subgraph s\n", 10000), false},
		"mindmap deep":       {fill("mindmap\nroot\n", " a\n", ""), true},
		"mindmap long line":  {fill("mindmap\nroot\n  ", "x", ""), true},
		"mindmap blank":      {fill("mindmap\nroot\n", "  \n", ""), true},
		"other type":         {fill("sequenceDiagram\n", "A->>B: x\n", ""), true},
	}
	for name, c := range cases {
		start := sitetest.CPUTime()
		e := Validate(c.src)
		d := sitetest.CPUTime() - start
		if (e == nil) != c.ok {
			t.Errorf("%s: ok=%v, got %v", name, c.ok, e)
		}
		if d > 3*time.Second {
			t.Errorf("%s: took %v", name, d)
		}
		t.Logf("%-18s %7.1f ms", name, float64(d.Microseconds())/1000)
	}
}

// fuzzOne checks one input: no panic, no hang, a well-formed error.
func fuzzOne(t *testing.T, s string) {
	// a hang crashes the worker, so the fuzzer keeps the input
	watchdog := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("Validate hangs on %q", s)) })
	defer watchdog.Stop()
	Type(s)
	if e := Validate(s); e != nil && (e.Line < 1 || e.Column < 1 || e.Message == "") {
		t.Fatalf("bad error %+v", e)
	}
}

// FuzzFlowchart and FuzzMindmap fuzz one parser each, behind its header.
func FuzzFlowchart(f *testing.F) {
	f.Add("A[a(b)] --> B{c}\nsubgraph x\nC\nend")
	f.Add("A -- t --> B & C\nclick A \"u\" _blank\nlinkStyle 0 stroke:red\nA@{ shape: rect }")
	f.Fuzz(func(t *testing.T, s string) { fuzzOne(t, "graph TD\n"+s) })
}

func FuzzMindmap(f *testing.F) {
	f.Add("  root((r))\n    a\n      fork()\n    ::icon(x)\n    b[\"q\"]")
	f.Fuzz(func(t *testing.T, s string) { fuzzOne(t, "mindmap\n"+s) })
}

func FuzzValidate(f *testing.F) {
	for _, s := range []string{
		"graph TD\nA[a(b)] --> B{c}\nsubgraph x\nC\nend",
		"flowchart LR\nA -- t --> B & C\nclick A \"u\" _blank\nlinkStyle 0 stroke:red",
		"mindmap\n  root((r))\n    a\n      fork()\n    ::icon(x)",
		"---\ntitle: t\n---\n%%{init: {}}%%\ngraph\nA@{ shape: rect }",
		"sequenceDiagram\nA->>B: x",
	} {
		f.Add(s)
	}
	f.Fuzz(fuzzOne)
}

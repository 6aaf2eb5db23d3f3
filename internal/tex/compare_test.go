package tex

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The reference renderers run under node from testdata/temml, installed by
//
//	npm ci --prefix internal/tex/testdata/temml
//
// The tests here skip when node or those modules are absent.

type reference struct {
	MathML     *string `json:"mathml"`
	TemmlError *string `json:"temml_error"`
	KatexError *string `json:"katex_error"`
	KatexPos   *int    `json:"katex_pos"`
}

type refInput struct {
	TeX     string `json:"tex"`
	Display bool   `json:"display"`
}

func renderReference(t *testing.T, in []refInput) []reference {
	t.Helper()
	dir := filepath.Join("testdata", "temml")
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not installed")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "temml")); err != nil {
		t.Skip("reference renderers not installed: npm ci --prefix internal/tex/testdata/temml")
	}
	raw, _ := json.Marshal(in)
	cmd := exec.Command("node", "render.cjs")
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(raw)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node render.cjs: %v\n%s", err, stderr.String())
	}
	var refs []reference
	if err := json.Unmarshal(out, &refs); err != nil {
		t.Fatal(err)
	}
	return refs
}

// mnode is a MathML element after normalisation.
type mnode struct {
	name  string
	attrs []string // "name=value", sorted
	text  string
	kids  []*mnode
}

// keptAttrs are the attributes compared: those that change what is shown.
// Dropped: class, style, lspace, rspace, form, fence, separator, the
// annotation, and mspace heights (Temml's struts).
var keptAttrs = map[string]bool{
	"mathvariant": true, "displaystyle": true, "scriptlevel": true, "linethickness": true,
	"mathcolor": true, "mathbackground": true, "stretchy": true, "accent": true,
	"accentunder": true, "movablelimits": true, "largeop": true, "notation": true,
	"minsize": true, "maxsize": true, "display": true,
}

func parseMathML(s string) (*mnode, error) {
	d := xml.NewDecoder(strings.NewReader(s))
	d.Strict = false
	var stack []*mnode
	root := &mnode{name: "#root"}
	stack = append(stack, root)
	for {
		tok, err := d.Token()
		if err != nil {
			if err.Error() == "EOF" {
				break
			}
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n := &mnode{name: t.Name.Local}
			for _, a := range t.Attr {
				if keptAttrs[a.Name.Local] || a.Name.Local == "width" && n.name == "mspace" {
					n.attrs = append(n.attrs, a.Name.Local+"="+a.Value)
				}
			}
			sort.Strings(n.attrs)
			top := stack[len(stack)-1]
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top := stack[len(stack)-1]
			top.text += string(t)
		}
	}
	if len(root.kids) != 1 {
		return nil, errors.New("not one root element")
	}
	return normalise(root.kids[0]), nil
}

// normalise drops the annotation, treats a one-child <mrow> as its child
// and splices an <mrow> into a parent <mrow>, which MathML renders alike.
func normalise(n *mnode) *mnode {
	if n.name == "semantics" && len(n.kids) > 0 {
		return normalise(n.kids[0])
	}
	n.text = strings.TrimSpace(strings.ReplaceAll(n.text, "\u00a0", " "))
	var kids []*mnode
	for _, k := range n.kids {
		if k.name == "annotation" {
			continue
		}
		k = normalise(k)
		if k.name == "mrow" && len(k.attrs) == 0 && (n.name == "mrow" || n.name == "math" || n.name == "mtd" || n.name == "mstyle") {
			kids = append(kids, k.kids...)
			continue
		}
		kids = append(kids, k)
	}
	n.kids = kids
	if n.name == "mrow" && len(n.kids) == 1 && len(n.attrs) == 0 {
		return n.kids[0]
	}
	return n
}

func (n *mnode) String() string {
	var b strings.Builder
	n.write(&b)
	return b.String()
}

func (n *mnode) write(b *strings.Builder) {
	b.WriteString("<" + n.name)
	for _, a := range n.attrs {
		b.WriteString(" " + a)
	}
	b.WriteString(">")
	b.WriteString(n.text)
	for _, k := range n.kids {
		k.write(b)
	}
	b.WriteString("</" + n.name + ">")
}

// firstDiff names the first element where two trees part, for the report.
func firstDiff(a, b *mnode) string {
	if a.name != b.name {
		return a.name + " vs " + b.name
	}
	if strings.Join(a.attrs, " ") != strings.Join(b.attrs, " ") {
		return fmt.Sprintf("%s attrs [%s] vs [%s]", a.name, strings.Join(a.attrs, " "), strings.Join(b.attrs, " "))
	}
	if a.text != b.text {
		return fmt.Sprintf("%s text %q vs %q", a.name, a.text, b.text)
	}
	for i := 0; i < len(a.kids) && i < len(b.kids); i++ {
		if d := firstDiff(a.kids[i], b.kids[i]); d != "" {
			return d
		}
	}
	if len(a.kids) != len(b.kids) {
		return fmt.Sprintf("%s with %d vs %d children", a.name, len(a.kids), len(b.kids))
	}
	return ""
}

// TestTemmlDevSet compares our MathML with Temml's on the dev set.
func TestTemmlDevSet(t *testing.T) {
	fs := loadDevSet(t)
	in := make([]refInput, len(fs))
	for i, f := range fs {
		in[i] = refInput{f.TeX, f.Display}
	}
	refs := renderReference(t, in)
	same, compared := 0, 0
	kinds := map[string]int{}
	examples := map[string]string{}
	for i, f := range fs {
		if refs[i].MathML == nil {
			continue
		}
		compared++
		ours, err := MathML(f.TeX, f.Display)
		if err != nil {
			kinds["error: "+err.Error()]++
			continue
		}
		a, err1 := parseMathML(ours)
		b, err2 := parseMathML(*refs[i].MathML)
		if err1 != nil || err2 != nil {
			t.Errorf("%q: unparsable MathML: %v %v\n%s", f.TeX, err1, err2, ours)
			continue
		}
		if a.String() == b.String() {
			same++
			continue
		}
		d := firstDiff(a, b)
		kinds[d]++
		if _, ok := examples[d]; !ok {
			examples[d] = f.TeX + "\n  ours:  " + a.String() + "\n  temml: " + b.String()
		}
	}
	type kv struct {
		k string
		n int
	}
	var list []kv
	for k, n := range kinds {
		list = append(list, kv{k, n})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].n > list[j].n || list[i].n == list[j].n && list[i].k < list[j].k })
	for i, e := range list {
		if i < 25 {
			t.Logf("%4d × %s\n    e.g. %s", e.n, e.k, examples[e.k])
		}
	}
	rate := float64(same) / float64(compared)
	t.Logf("MathML structurally equal to Temml's on %d of %d (%.2f%%)", same, compared, 100*rate)
	if rate < 0.97 {
		t.Errorf("agreement with Temml %.2f%%, want at least 97%%", 100*rate)
	}
}

package citations

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"docsite/internal/citation"
	"docsite/internal/diag"
)

// site is a small content folder: a root REFERENCES.md, two folders with
// their own, and pages citing into them.
var site = map[string]string{
	"REFERENCES.md": `# 参考文献

[k8s-scale]: https://kubernetes.io/docs/setup/best-practices/cluster-large/ "Kubernetes 大集群"
[k3s-memory]: [K3s 资源需求](https://docs.k3s.io/installation/requirements)
[k3s-startup]: [K3s 快速上手](https://docs.k3s.io/quick-start)
[unused-key]: https://example.com/unused
[k3s-memory]: https://docs.k3s.io/again
`,
	"k3s/REFERENCES.md": `[runtime-docs]: [K3s 运行时](https://docs.k3s.io/)
[k8s-scale]: https://k3s.example/scale
`,
	"wasm/REFERENCES.md": `[runtime-docs]: [WasmEdge 运行时](https://wasmedge.org/docs/)
`,
	"k3s/page.md": "# K3s\n\n" +
		"运行时见 [runtime-docs]，规模见 [k8s-scale]，内存见 [k3s-memory]。\n" +
		"启动时间见 [k3s-startp]。边缘节点见 [edge-only]。\n\n" +
		"待办 [TODO]，见第 [1] 节，[x] 不是引用。\n\n" +
		"- [x] 已核对\n- [ ] 未核对\n\n" +
		"```mermaid\ngraph LR\n    A[wasm-app] --> B[k3s-node]\n```\n\n" +
		"```yaml\nlabels:\n  tenant: [tenant-a-exporter]\n```\n\n" +
		"## 参考\n\n" +
		"[k3s-memory]: [K3s 内存](https://docs.k3s.io/old)\n" +
		"[edge-only]: [边缘节点](https://edge.example/) [runtime-docs]:\n" +
		"[K3s 运行时](https://docs.k3s.io/)\n",
	"wasm/page.md": "# WasmEdge\n\n运行时见 [runtime-docs]；对比 K3s [k3s-memory]。\n\n" +
		"[k3s-memory]: [K3s 资源需求（旧版）](https://docs.k3s.io/installation/requirements)\n",
}

func load(t *testing.T, files map[string]string) (*citation.Index, []File) {
	t.Helper()
	refs, pages := map[string][]citation.Def{}, map[string][]citation.Def{}
	for p, src := range files {
		defs, _ := citation.ParseDefs([]byte(src), 0)
		if strings.HasSuffix(p, "REFERENCES.md") {
			refs[p] = defs
		} else {
			pages[p] = defs
		}
	}
	ix := citation.NewIndex(refs, pages)
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote, citation.New()))
	var out []File
	for p, src := range files {
		pc := parser.NewContext()
		citation.SetPage(pc, citation.PageInfo{Path: p, Index: ix})
		doc := md.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(pc))
		out = append(out, File{Path: p, Source: []byte(src), Uses: citation.Collect(doc), References: strings.HasSuffix(p, "REFERENCES.md")})
	}
	return ix, out
}

func show(ds []diag.Diagnostic) []string {
	diag.Sort(ds)
	var out []string
	for _, d := range ds {
		s := fmt.Sprintf("%s:%d:%d-%d:%d %s %s [%s]", d.File, d.Line, d.Column, d.EndLine, d.EndColumn, d.Severity, d.Rule, d.Target)
		if d.Suggestion != "" {
			s += " → " + d.Suggestion
		}
		out = append(out, s)
	}
	return out
}

func TestCheck(t *testing.T) {
	ix, files := load(t, site)
	got := show(Check(ix, files))
	want := []string{
		// Pages in k3s/ get k8s-scale from k3s/REFERENCES.md, so the root one is cited by none.
		"REFERENCES.md:3:1-3:93 warning citation/unused [k8s-scale]",
		"REFERENCES.md:5:1-5:59 warning citation/unused [k3s-startup]",
		"REFERENCES.md:6:1-6:41 warning citation/unused [unused-key]",
		"REFERENCES.md:7:1-7:40 error citation/duplicate [k3s-memory]",
		"k3s/REFERENCES.md:2:1-2:39 error citation/duplicate [k8s-scale]",
		"k3s/page.md:4:7-4:19 error citation/undefined [k3s-startp] → k3s-startup",
		"k3s/page.md:23:1-23:48 warning citation/conflict [k3s-memory]",
		"k3s/page.md:24:1-24:43 warning citation/conflict [edge-only]",
		"k3s/page.md:24:1-25:32 error citation/malformed [edge-only]",
		// Same URL, another title.
		"wasm/page.md:5:1-5:76 warning citation/conflict [k3s-memory]",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, d := range Check(ix, files) {
		if d.Message == "" {
			t.Errorf("%s without a message", d.Rule)
		}
		if d.Rule == "citation/undefined" && !strings.Contains(d.Message, "[k3s-startup]") {
			t.Errorf("undefined message lacks the suggestion: %s", d.Message)
		}
	}
}

// TestTwoFolders: one key cited from two folders, each resolving to its own
// REFERENCES.md, is neither undefined, nor duplicate, nor unused.
func TestTwoFolders(t *testing.T) {
	ix, files := load(t, map[string]string{
		"k3s/REFERENCES.md":  "[runtime-docs]: https://docs.k3s.io/\n",
		"wasm/REFERENCES.md": "[runtime-docs]: https://wasmedge.org/docs/\n",
		"k3s/a.md":           "见 [runtime-docs]。\n",
		"wasm/b.md":          "见 [runtime-docs]。\n",
	})
	if got := show(Check(ix, files)); len(got) != 0 {
		t.Errorf("unexpected findings:\n%s", strings.Join(got, "\n"))
	}
	for _, f := range files {
		for _, u := range f.Uses {
			if !strings.HasPrefix(u.Def.URL, map[string]string{"k3s/a.md": "https://docs.k3s", "wasm/b.md": "https://wasmedge"}[f.Path]) {
				t.Errorf("%s resolved to %s", f.Path, u.Def.URL)
			}
		}
	}
}

func TestNearest(t *testing.T) {
	keys := []string{"k3s-memory", "k3s-startup", "k3s-scale", "wasmedge-startup", "opa-wasm"}
	for key, want := range map[string]string{
		"k3s-startp":      "k3s-startup",
		"k3s-memroy":      "k3s-memory", // transposition
		"wasmedge-strtup": "wasmedge-startup",
		"k3s-sacle":       "k3s-scale",
		"opa-wams":        "opa-wasm",
	} {
		if got := Nearest(key, keys); got != want {
			t.Errorf("Nearest(%s) = %s, want %s", key, got, want)
		}
	}
	if Nearest("a-b", nil) != "" {
		t.Error("no candidates")
	}
	// One set of rows for all the cases, as Nearest keeps them: longer
	// and shorter keys after each other must not read stale cells.
	var rows osaRows
	for _, c := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"abc", "", 3}, {"ab", "ba", 1}, {"k3s-startup", "k3s-quickstart", 7}, {"kitten", "sitting", 3}, {"abc", "", 3}} {
		if got := rows.distance(c.a, c.b); got != c.d {
			t.Errorf("distance(%q, %q) = %d, want %d", c.a, c.b, got, c.d)
		}
	}
}

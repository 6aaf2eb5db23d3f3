package citation

import (
	"fmt"
	"strings"
	"testing"
)

// mangled rebuilds, in new words, the shapes a formatter left in the seed
// page's "参考" section: clean lines, then two definitions per line with
// the second one's target pushed onto the next line.
const mangled = `## 2.2 参考

[k3s-memory]: [K3s 资源需求](https://docs.k3s.io/installation/requirements)
[wasmedge-memory]: [WasmEdge 文档](https://wasmedge.org/docs/)
[k3s-startup]: [K3s 快速上手](https://docs.k3s.io/quick-start) [wasmedge-startup]:
[WasmEdge 启动说明](https://wasmedge.org/docs/start/) [k8s-scale]:
[Kubernetes 大集群注意事项](https://kubernetes.io/docs/setup/best-practices/cluster-large/)

[k3s-scale]: [K3s 规模说明](https://docs.k3s.io/) [wasmedge-density]:
[WasmEdge 部署密度](https://wasmedge.org/docs/)
`

func defString(d Def) string {
	s := fmt.Sprintf("%s|%s|%s", d.Key, d.URL, d.Title)
	if d.Malformed {
		s += "|bad"
	}
	return s
}

func TestParseDefs(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
		bad  int
	}{
		{"url and title", `[k8s-docs]: https://kubernetes.io/docs/ "Kubernetes 文档"`,
			[]string{"k8s-docs|https://kubernetes.io/docs/|Kubernetes 文档"}, 0},
		{"single quotes and parens", "[a-b]: https://a.io 'A'\n[c-d]: https://c.io (C)",
			[]string{"a-b|https://a.io|A", "c-d|https://c.io|C"}, 0},
		{"angle url", "[oci-spec]: <https://github.com/opencontainers/runtime-spec>",
			[]string{"oci-spec|https://github.com/opencontainers/runtime-spec|"}, 0},
		{"link form", "[opa-docs]: [OPA 文档](https://www.openpolicyagent.org/docs/)",
			[]string{"opa-docs|https://www.openpolicyagent.org/docs/|OPA 文档"}, 0},
		{"link form with inner title", `[x-y]: [T [v2]](https://x.io/a_(b) "t")`,
			[]string{"x-y|https://x.io/a_(b)|T [v2]"}, 0},
		{"no url", "[a-b]: 这不是定义，只是一句话", nil, 0},
		{"trailing prose", "[a-b]: https://a.io 后面还有文字", nil, 0},
		{"upper-case label is a link reference, not a key", "[Docker Docs]: https://docs.docker.com/", nil, 0},
		{"indented code", "    [a-b]: https://a.io", nil, 0},
		{"three spaces still count", "   [a-b]: https://a.io", []string{"a-b|https://a.io|"}, 0},
		{"fenced code", "```yaml\n[a-b]: https://a.io\n```\n[c-d]: https://c.io", []string{"c-d|https://c.io|"}, 0},
		{"tilde fence unclosed", "~~~\n[a-b]: https://a.io\n", nil, 0},
		{"front matter", "---\ntitle: x\n[a-b]: https://a.io\n---\n[c-d]: https://c.io", []string{"c-d|https://c.io|"}, 0},
		{"crlf", "[a-b]: https://a.io \"A\"\r\n[c-d]: https://c.io\r\n",
			[]string{"a-b|https://a.io|A", "c-d|https://c.io|"}, 0},
		{"plain title over lines is CommonMark", "[k8s-scale]: https://k8s.io \"Kubernetes\n规模测试\"",
			[]string{"k8s-scale|https://k8s.io|Kubernetes 规模测试"}, 0},
		{"title broken over lines", "## 参考\n\n[k8s-scale]: https://k8s.io \"Kubernetes\n规模测试\"",
			[]string{"k8s-scale|https://k8s.io|Kubernetes 规模测试|bad"}, 1},
		{"chinese title broken between characters", "[a-b]: [容器运行\n时规范](https://a.io)",
			[]string{"a-b|https://a.io|容器运行时规范|bad"}, 1},
		{"plain key alone on its line is CommonMark", "[a-b]:\nhttps://a.io", []string{"a-b|https://a.io|"}, 0},
		{"key alone on its line", "## 1.9 参考\n[a-b]:\nhttps://a.io", []string{"a-b|https://a.io||bad"}, 1},
		{"no interrupting a paragraph", "See the docs.\n[docs]: https://example.com\n[a-b]: [T](https://a.io)", nil, 0},
		{"after a heading", "# T\n[a-b]: [T](https://a.io)", []string{"a-b|https://a.io|T"}, 0},
		{"unescaped and decoded", `[foo]: /bar\* "ti\*tle &ouml; &#65;"`, []string{"foo|/bar*|ti*tle ö A"}, 0},
		{"two on a line", "[a-b]: https://a.io [c-d]: https://c.io",
			[]string{"a-b|https://a.io||bad", "c-d|https://c.io||bad"}, 1},
		{"blank line ends a definition", "[a-b]:\n\nhttps://a.io", nil, 0},
		{"seed shapes", mangled, []string{
			"k3s-memory|https://docs.k3s.io/installation/requirements|K3s 资源需求",
			"wasmedge-memory|https://wasmedge.org/docs/|WasmEdge 文档",
			"k3s-startup|https://docs.k3s.io/quick-start|K3s 快速上手|bad",
			"wasmedge-startup|https://wasmedge.org/docs/start/|WasmEdge 启动说明|bad",
			"k8s-scale|https://kubernetes.io/docs/setup/best-practices/cluster-large/|Kubernetes 大集群注意事项|bad",
			"k3s-scale|https://docs.k3s.io/|K3s 规模说明|bad",
			"wasmedge-density|https://wasmedge.org/docs/|WasmEdge 部署密度|bad",
		}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defs, bad := ParseDefs([]byte(tt.src), bodyOf(tt.src))
			var got []string
			for _, d := range defs {
				got = append(got, defString(d))
				if !strings.HasPrefix(tt.src[d.Start:], "["+d.Key+"]:") {
					t.Errorf("%s: Start %d does not point at its key: %q", d.Key, d.Start, tt.src[d.Start:])
				}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("defs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if len(bad) != tt.bad {
				t.Errorf("got %d malformed runs, want %d: %+v", len(bad), tt.bad, bad)
			}
		})
	}
}

func TestMalformedRepair(t *testing.T) {
	src := []byte(mangled)
	defs, bad := ParseDefs(src, 0)
	if len(bad) != 2 {
		t.Fatalf("want 2 malformed runs, got %d", len(bad))
	}
	m := bad[0]
	if !m.SharedLine || !m.Broken || len(m.Defs) != 3 {
		t.Errorf("first run: %+v", m)
	}
	wantRun := "[k3s-startup]: [K3s 快速上手](https://docs.k3s.io/quick-start) [wasmedge-startup]:\n" +
		"[WasmEdge 启动说明](https://wasmedge.org/docs/start/) [k8s-scale]:\n" +
		"[Kubernetes 大集群注意事项](https://kubernetes.io/docs/setup/best-practices/cluster-large/)"
	if got := string(src[m.Start:m.End]); got != wantRun {
		t.Errorf("run range covers %q", got)
	}
	wantFix := "[k3s-startup]: [K3s 快速上手](https://docs.k3s.io/quick-start)\n" +
		"[wasmedge-startup]: [WasmEdge 启动说明](https://wasmedge.org/docs/start/)\n" +
		"[k8s-scale]: [Kubernetes 大集群注意事项](https://kubernetes.io/docs/setup/best-practices/cluster-large/)"
	if m.Repaired != wantFix {
		t.Errorf("repaired:\n%s\nwant:\n%s", m.Repaired, wantFix)
	}
	// Applying every repair, last first, leaves the same definitions, all clean.
	fixed := append([]byte(nil), src...)
	for i := len(bad) - 1; i >= 0; i-- {
		fixed = append(fixed[:bad[i].Start:bad[i].Start], append([]byte(bad[i].Repaired), fixed[bad[i].End:]...)...)
	}
	again, bad2 := ParseDefs(fixed, 0)
	if len(bad2) != 0 {
		t.Errorf("still malformed after repair: %+v\n%s", bad2, fixed)
	}
	if len(again) != len(defs) {
		t.Fatalf("repair changed the definitions: %d → %d", len(defs), len(again))
	}
	for i := range defs {
		a, b := defs[i], again[i]
		if a.Key != b.Key || a.URL != b.URL || a.Title != b.Title {
			t.Errorf("def %d: %v → %v", i, defString(a), defString(b))
		}
	}
}

func TestShaped(t *testing.T) {
	for s, want := range map[string]bool{
		"k3s-memory": true, "a-b": true, "opa.wasm-v1": true,
		"x": false, "todo": false, "TODO": false, "1": false, "1-2": false, "": false,
		"-a": false, "K3s-memory": false, "a b": false, "a_b": false,
	} {
		if got := Shaped(s); got != want {
			t.Errorf("Shaped(%q) = %v, want %v", s, got, want)
		}
	}
	for _, h := range []string{"参考", "References", "1.9 参考", "📑 参考文献", "参考资料：", "Bibliography"} {
		if !IsReferencesHeading(h) {
			t.Errorf("%q is a references heading", h)
		}
	}
	for _, h := range []string{"参考架构", "1.9 概述", "Reference architecture"} {
		if IsReferencesHeading(h) {
			t.Errorf("%q is not a references heading", h)
		}
	}
	for s, want := range map[string]bool{"x": true, "todo": true, "1": true, "a_b": true, "TODO": false, "^x": false, "-a": false} {
		if got := IsKey(s); got != want {
			t.Errorf("IsKey(%q) = %v, want %v", s, got, want)
		}
	}
}

// bodyOf stands for the loader's front matter split in these cases: the
// Markdown starts after a closed "---" block.
func bodyOf(src string) int {
	if rest, ok := strings.CutPrefix(src, "---\n"); ok {
		if i := strings.Index(rest, "\n---\n"); i >= 0 {
			return 4 + i + 5
		}
	}
	return 0
}

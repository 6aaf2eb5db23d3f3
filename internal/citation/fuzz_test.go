package citation

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	mangled,
	"[a-b]: https://a.io \"A\"\n[c-d]: <https://c.io>\n[e-f]: [E](https://e.io)\n",
	"[a-b]:\n[T](u) [c-d]:\nhttps://x \"y\nz\"",
	"见 [k3s-memory] 与 [x] [TODO] [1] [^n] ![a-b] [a-b](c) [a-b][] \\[a-b] `[a-b]` $[a-b]$\n\n[k3s-memory]: [K](https://k)\n",
	"```mermaid\nA[wasm-app]\n```\n[a-b]: https://a.io\n",
	"---\n[a-b]: https://a\n---\n",
	"- [x] done [a-b]\n- [ ] [c-d]\n\n[tight]: [T](https://t.io/)\nsee [tight]\n",
	"[", "[a", "[a-b", "[a-b]", "[a-b]:", "[a-b]: [", "[a-b]: [t](", "[a-b]: <", "[a-b]: h:", "\r\n[a-b]: x:y\r",
	"[a-b]: [t\\](u)](v) [c-d]: (\n", "[a-b][c-d][e-f]]]", "https://x/[a-b] www.y/[c-d]",
}

func FuzzParseDefs(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		src := []byte(s)
		defs, bad := ParseDefs(src, 0)
		for _, d := range defs {
			if d.Start < 0 || d.End > len(src) || d.Start >= d.End {
				t.Fatalf("def %+v out of range (len %d)", d, len(src))
			}
			if !IsKey(d.Key) || !bytes.HasPrefix(src[d.Start:], []byte("["+d.Key+"]:")) {
				t.Fatalf("def %+v does not start at its key", d)
			}
			if d.URL == "" {
				t.Fatalf("def %+v has no URL", d)
			}
		}
		last := -1
		for _, m := range bad {
			if m.Start < 0 || m.End > len(src) || m.Start > m.End || m.Start < last {
				t.Fatalf("malformed run %d..%d out of range or order (len %d)", m.Start, m.End, len(src))
			}
			last = m.End
			if len(m.Defs) == 0 || strings.Count(m.Repaired, "\n") != len(m.Defs)-1 {
				t.Fatalf("repair %q does not hold one line per definition (%d)", m.Repaired, len(m.Defs))
			}
			if utf8.Valid(src) && !utf8.ValidString(m.Repaired) {
				t.Fatalf("repair broke UTF-8: %q", m.Repaired)
			}
		}
	})
}

func FuzzCitations(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	md := newMarkdown()
	ix := NewIndex(map[string][]Def{"REFERENCES.md": defsOf("[k3s-memory]: https://k.io\n[opa]: https://o.io\n")}, nil)
	f.Fuzz(func(t *testing.T, s string) {
		doc := parse(md, s, PageInfo{Path: "a/b.md", Index: ix})
		n := 0
		for _, u := range Collect(doc) {
			if u.Start < 0 || u.End > len(s) || s[u.Start:u.End] != "["+u.Key+"]" {
				t.Fatalf("use %+v does not span its brackets in %q", u, s)
			}
			if u.Defined && (u.N < 1 || u.N > n+1) {
				t.Fatalf("use %+v numbered out of order", u)
			}
			n = max(n, u.N)
		}
		var b bytes.Buffer
		if err := md.Renderer().Render(&b, []byte(s), doc); err != nil {
			t.Fatal(err)
		}
	})
}

package highlight

import (
	"os"
	"strings"
	"testing"
)

func TestBlock(t *testing.T) {
	h := New()
	cases := []struct {
		lang, code string
		want       []string
		not        []string
	}{
		{"go", "package main\n", []string{`<pre class="chroma" data-lang="go"><code>`, `<span class="kn">package</span>`}, nil},
		{"yaml", "a: [tenant-a-exporter]\n", []string{`class="nt"`}, nil},
		{"wit", "world x { import y; }\n", []string{"world x { import y; }"}, []string{"<span"}},
		{"text", "<b>&</b>", []string{"&lt;b&gt;&amp;&lt;/b&gt;"}, []string{"<span"}},
		{"", "plain", []string{`<pre class="chroma"><code>plain</code></pre>`}, nil},
		{"Go {linenos=true}", "x := 1\n", []string{`data-lang="go"`}, nil},
	}
	for _, c := range cases {
		got := h.Block(c.lang, c.code)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("Block(%q, %q) = %s\nmissing %s", c.lang, c.code, got, w)
			}
		}
		for _, n := range c.not {
			if strings.Contains(got, n) {
				t.Errorf("Block(%q) = %s\nshould not contain %s", c.lang, got, n)
			}
		}
	}
}

func TestDiskCache(t *testing.T) {
	dir := t.TempDir()
	h := New(WithCacheDir(dir))
	a := h.Block("bash", "echo hi\n")
	if err := h.Save(); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("expected one cache file, got %d", len(entries))
	}
	// Asked before Block runs: afterwards the block would be there anyway.
	h2 := New(WithCacheDir(dir))
	if _, ok := h2.blocks.Get(keyOf("bash", "echo hi\n")); !ok {
		t.Fatal("block was not read from the disk cache")
	}
	if b := h2.Block("bash", "echo hi\n"); a != b {
		t.Fatal("cached block differs from rendered one")
	}
}

func TestCSS(t *testing.T) {
	css := CSS()
	if !strings.Contains(css, ".chroma .k ") && !strings.Contains(css, ".chroma .k{") {
		t.Errorf("light rules missing")
	}
	if !strings.Contains(css, `html[data-theme="dark"] .chroma`) {
		t.Errorf("dark rules not scoped:\n%s", css[:300])
	}
}

func BenchmarkBlockUncached(b *testing.B) {
	code := strings.Repeat("func f(x int) int { return x * 2 }\n", 20)
	for b.Loop() {
		h := New()
		h.Block("go", code)
	}
}

func BenchmarkBlockCached(b *testing.B) {
	h := New()
	code := strings.Repeat("func f(x int) int { return x * 2 }\n", 20)
	h.Block("go", code)
	for b.Loop() {
		h.Block("go", code)
	}
}

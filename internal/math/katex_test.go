package math

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/yuin/goldmark"

	theme "docsite/themes/default"
)

// katexJS reads KaTeX from the theme's embedded vendor folder, which
// themes/default/scripts/vendor.sh fills (the Makefile runs it first).
func katexJS(t testing.TB) []byte {
	t.Helper()
	src, err := fs.ReadFile(theme.FS, "assets/vendor/katex/katex.min.js")
	if err != nil {
		t.Fatalf("KaTeX is not vendored (run sh themes/default/scripts/vendor.sh): %v", err)
	}
	return src
}

func newEngine(t testing.TB, opts ...EngineOption) *KaTeX {
	t.Helper()
	k, err := NewKaTeX(katexJS(t), opts...)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// shared is one engine for the tests that only need a working one: each
// goja runtime costs tens of milliseconds to start, far more under -race.
var shared struct {
	once sync.Once
	k    *KaTeX
}

func sharedEngine(t testing.TB) *KaTeX {
	shared.once.Do(func() { shared.k = newEngine(t, WithWorkers(2)) })
	if shared.k == nil {
		t.Fatal("no engine")
	}
	return shared.k
}

func TestKaTeXRender(t *testing.T) {
	k := sharedEngine(t)
	tests := []struct {
		tex     string
		display bool
		want    []string
	}{
		{`\frac{a}{b}`, false, []string{`class="katex"`, "<math", `<mfrac>`}},
		{`\sum_{i=1}^n i`, true, []string{`class="katex-display"`, `display="block"`}},
		{`资源 = R(T)`, false, []string{"资源", "<mtext>资源</mtext>"}},
		{`\text{成本}(T, S) = \min_T R(T)`, true, []string{"成本"}},
	}
	for _, tt := range tests {
		html, err := k.Render(tt.tex, tt.display)
		if err != nil {
			t.Errorf("Render(%q): %v", tt.tex, err)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(html, w) {
				t.Errorf("Render(%q) lacks %q:\n%s", tt.tex, w, html)
			}
		}
	}
}

func TestKaTeXParseError(t *testing.T) {
	k := sharedEngine(t)
	for _, tex := range []string{`\frac{1}{`, `\notacommand`, `x^^2`} {
		_, err := k.Render(tex, false)
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("Render(%q) = %v, want a *ParseError", tex, err)
			continue
		}
		if !strings.HasPrefix(pe.Message, "KaTeX parse error: ") {
			t.Errorf("Render(%q) message = %q, want KaTeX's", tex, pe.Message)
		}
	}
	_, err := k.Render(`\frac{1}{`, false)
	if !strings.HasSuffix(err.Error(), `at end of input: \frac{1}{`) {
		t.Errorf("message %q does not point at the input", err)
	}
}

func TestKaTeXDeepNesting(t *testing.T) {
	k := sharedEngine(t)
	n := 20000
	if raceEnabled {
		n = 3000
	}
	_, err := k.Render(strings.Repeat("{", n)+"x"+strings.Repeat("}", n), false)
	if !IsParseError(err) {
		t.Fatalf("deep nesting: %v, want a parse error", err)
	}
	if _, err := k.Render("y", false); err != nil {
		t.Fatalf("engine unusable after deep nesting: %v", err)
	}
}

func TestKaTeXCacheHit(t *testing.T) {
	k := sharedEngine(t)
	tex := `a^2 + b^2 = c^2 \quad(cache)`
	first, err := k.Render(tex, true)
	if err != nil {
		t.Fatal(err)
	}
	before := k.Stats()
	again, err := k.Render(tex, true)
	if err != nil {
		t.Fatal(err)
	}
	after := k.Stats()
	if again != first {
		t.Error("cached result differs")
	}
	if after.Renders != before.Renders || after.MemoryHits != before.MemoryHits+1 {
		t.Errorf("second render: stats %+v -> %+v, want one memory hit and no render", before, after)
	}
	// The display flag is part of the key.
	if _, err := k.Render(tex, false); err != nil {
		t.Fatal(err)
	}
	if got := k.Stats().Renders; got != after.Renders+1 {
		t.Errorf("inline after display: renders %d, want %d", got, after.Renders+1)
	}
}

func TestKaTeXDiskCache(t *testing.T) {
	dir := t.TempDir()
	src := katexJS(t)
	k1, err := NewKaTeX(src, WithCacheDir(dir), WithWorkers(1))
	if err != nil {
		t.Fatal(err)
	}
	okHTML, err := k1.Render(`e^{i\pi} + 1 = 0`, false)
	if err != nil {
		t.Fatal(err)
	}
	_, badErr := k1.Render(`\frac{1}{`, false)
	if !IsParseError(badErr) {
		t.Fatalf("want a parse error, got %v", badErr)
	}

	// A new engine, as in the next build: no runtime starts at all.
	k2, err := NewKaTeX(src, WithCacheDir(dir), WithWorkers(1))
	if err != nil {
		t.Fatal(err)
	}
	html, err := k2.Render(`e^{i\pi} + 1 = 0`, false)
	if err != nil || html != okHTML {
		t.Errorf("from disk: %q, %v; want the first engine's output", html, err)
	}
	_, err = k2.Render(`\frac{1}{`, false)
	if err == nil || err.Error() != badErr.Error() || !IsParseError(err) {
		t.Errorf("from disk: error %v, want %v", err, badErr)
	}
	if s := k2.Stats(); s.Renders != 0 || s.Runtimes != 0 || s.DiskHits != 2 {
		t.Errorf("stats %+v, want 2 disk hits and no runtime", s)
	}

	// One file holds the cache.
	logs, _ := filepath.Glob(filepath.Join(dir, "math", "katex-*.log"))
	if len(logs) != 1 {
		t.Errorf("cache files %v, want one log", logs)
	}
	_ = k1.Close()
	_ = k2.Close()
}

func TestKaTeXConcurrent(t *testing.T) {
	k := newEngine(t, WithWorkers(2))
	ref := sharedEngine(t)
	formulas := []string{`x`, `\alpha+\beta`, `\frac{1}{2}`, `\sqrt{x}`, `资源`, `\frac{1}{`}
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for g := 0; g < 6; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range formulas {
				tex := formulas[(i+g)%len(formulas)]
				got, err := k.Render(tex, g%2 == 0)
				want, werr := ref.Render(tex, g%2 == 0)
				if got != want || fmt.Sprint(err) != fmt.Sprint(werr) {
					errs <- fmt.Errorf("%q: got %q, %v; want %q, %v", tex, got, err, want, werr)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	s := k.Stats()
	if s.Runtimes > 2 {
		t.Errorf("%d runtimes for 2 workers", s.Runtimes)
	}
	// Each distinct (formula, display) pair is typeset once.
	if s.Renders > int64(2*len(formulas)) {
		t.Errorf("%d renders for %d distinct formulas", s.Renders, 2*len(formulas))
	}
}

func TestKaTeXTimeout(t *testing.T) {
	// A stand-in for KaTeX that never returns.
	hang := []byte(`var katex = {version: "0", renderToString: function () { for (;;) {} }};`)
	k, err := NewKaTeX(hang, WithWorkers(1), WithTimeout(50*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 2; i++ { // the second call needs a fresh runtime
		_, err = k.Render("x", true)
		if err == nil || IsParseError(err) || !strings.Contains(err.Error(), "longer than") {
			t.Fatalf("got %v, want a time-out", err)
		}
	}
	if s := k.Stats(); s.Runtimes != 2 {
		t.Errorf("%d runtimes, want 2: an interrupted one must not be reused", s.Runtimes)
	}
	if n := len(k.mem); n != 0 {
		t.Errorf("an engine failure was cached (%d entries)", n)
	}
}

func TestKaTeXBadScript(t *testing.T) {
	if _, err := NewKaTeX(nil); err == nil {
		t.Error("empty script accepted")
	}
	k, err := NewKaTeX([]byte("var notkatex = 1;"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := k.Render("x", false); err == nil || IsParseError(err) {
		t.Errorf("script without katex: %v, want an engine error", err)
	}
}

func TestKaTeXVersion(t *testing.T) {
	v, err := sharedEngine(t).Version()
	if err != nil || !strings.HasPrefix(v, "0.") {
		t.Errorf("Version() = %q, %v", v, err)
	}
}

// TestRenderPage runs the whole extension with the engine behind it.
func TestRenderPage(t *testing.T) {
	k := sharedEngine(t)
	md := goldmark.New(goldmark.WithExtensions(New(WithRenderer(k))))
	src := "价格是 $5 和 $10，面积 $x^2$。\n\n$$\\frac{1}{$$\n\n- 列表 $资源 = R(T)$\n"
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"价格是 $5 和 $10，面积 <span class=\"math math-inline\"><span class=\"katex\">",
		`<div class="math math-display math-error" title="KaTeX parse error: `,
		`>$$\frac{1}{$$</div>`,
		"<mtext>资源</mtext>",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

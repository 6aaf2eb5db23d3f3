package math

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"docsite/internal/sitetest"
	theme "docsite/themes/default"
)

// fontPiece is one @font-face rule of math.css: a file of the math font and
// the code points it is declared for.
type fontPiece struct {
	File   string
	Ranges [][2]rune
}

func (p fontPiece) covers(c rune) bool {
	for _, r := range p.Ranges {
		if r[0] <= c && c <= r[1] {
			return true
		}
	}
	return false
}

var (
	faceRule     = regexp.MustCompile(`@font-face\s*{([^}]*)}`)
	faceURL      = regexp.MustCompile(`url\("\.\./vendor/math-font/([^"]+)"\)`)
	unicodeRange = regexp.MustCompile(`unicode-range:([^;]+);`)
)

// mathFontPieces reads the pieces of the math font from the theme's math.css.
func mathFontPieces(t *testing.T) []fontPiece {
	t.Helper()
	css, err := fs.ReadFile(theme.FS, "assets/css/math.css")
	if err != nil {
		t.Fatal(err)
	}
	var out []fontPiece
	for _, m := range faceRule.FindAllSubmatch(css, -1) {
		file, ranges := faceURL.FindSubmatch(m[1]), unicodeRange.FindSubmatch(m[1])
		if file == nil || ranges == nil {
			t.Fatalf("math.css: a @font-face without a piece of the font or a unicode-range: %s", m[1])
		}
		p := fontPiece{File: string(file[1])}
		for _, r := range strings.Split(string(ranges[1]), ",") {
			lo, hi, _ := strings.Cut(strings.TrimPrefix(strings.TrimSpace(r), "U+"), "-")
			if hi == "" {
				hi = lo
			}
			a, err1 := strconv.ParseUint(lo, 16, 32)
			b, err2 := strconv.ParseUint(hi, 16, 32)
			if err1 != nil || err2 != nil || a > b {
				t.Fatalf("math.css: bad unicode-range %q in the rule of %s", r, p.File)
			}
			p.Ranges = append(p.Ranges, [2]rune{rune(a), rune(b)})
		}
		out = append(out, p)
	}
	if len(out) < 2 {
		t.Fatalf("math.css names %d pieces of the math font", len(out))
	}
	return out
}

// vendoredPieces decodes the theme's pieces of the math font.
func vendoredPieces(t *testing.T, pieces []fontPiece) []*sfnt {
	t.Helper()
	dir := filepath.Join("..", "..", "themes", "default", "assets", "vendor", "math-font")
	var files []string
	for _, p := range pieces {
		path := filepath.Join(dir, p.File)
		if _, err := os.Stat(path); err != nil {
			t.Fatalf("%s: %v (make assets)", p.File, err)
		}
		files = append(files, path)
	}
	return woff2ToSfnt(t, files...)
}

// TestMathFontPieces checks the split of the math font against the whole
// font from npm: each piece holds exactly the font's characters in the
// range math.css declares for it, carries a MATH table with the whole
// font's constants and, for every character that stretches or grows, the
// same size variants and assembly.
func TestMathFontPieces(t *testing.T) {
	pieces := mathFontPieces(t)
	fonts := vendoredPieces(t, pieces)
	whole := woff2ToSfnt(t, filepath.Join(themeModules, "@fontsource", "noto-sans-math", "files", "noto-sans-math-latin-400-normal.woff2"))[0]
	wholeStretch := whole.constructions()

	if !pieces[0].covers(' ') {
		t.Errorf("the first piece, %s, does not cover U+0020, so it is not the font MathML layout reads", pieces[0].File)
	}
	// Each character of the font belongs to the one piece whose range
	// covers it. hb-subset may also map, in a piece, a character of another
	// piece's range whose glyph the piece holds anyway; browsers never draw
	// a character from a piece outside its unicode-range, so that is harmless.
	owner := map[rune]int{}
	for c := range whole.cmap {
		var in []string
		for i, p := range pieces {
			if p.covers(c) {
				in = append(in, p.File)
				owner[c] = i
			}
		}
		if len(in) != 1 {
			t.Errorf("U+%04X of the font is declared for %d pieces %v; want exactly one", c, len(in), in)
		}
	}
	for i, p := range pieces {
		f := fonts[i]
		if _, ok := f.tables["MATH"]; !ok {
			t.Errorf("%s has no MATH table", p.File)
			continue
		}
		if got, want := mathConstants(f), mathConstants(whole); want == nil || !bytes.Equal(got, want) {
			t.Errorf("%s: MATH constants differ from the whole font's", p.File)
		}
		got := f.constructions()
		for c, at := range owner {
			if at != i {
				continue
			}
			if _, ok := f.cmap[c]; !ok {
				t.Errorf("%s lacks U+%04X, which its unicode-range covers", p.File, c)
			}
			for _, dir := range []string{"v", "h"} {
				key := fmt.Sprintf("U+%04X %s", c, dir)
				if got[key] != wholeStretch[key] {
					t.Errorf("%s: %s has the construction %+v, the whole font %+v", p.File, key, got[key], wholeStretch[key])
				}
			}
		}
	}
	t.Logf("%d pieces, %d characters, %d constructions", len(pieces), len(owner), len(wholeStretch))
}

// stretchyTeX writes, with TeX commands, every delimiter that \left and
// \right take (and fences they do not take), every big operator, and every
// accent, brace and arrow that stretches over its base.
var stretchyTeX = append(leftRight(`( ) [ ] \{ \} \langle \rangle | \| / \backslash \lfloor \rfloor
	\lceil \rceil \lgroup \rgroup \lmoustache \rmoustache \uparrow \downarrow \updownarrow \Uparrow
	\Downarrow \Updownarrow`),
	`\sum \prod \coprod \int \iint \iiint \oint \oiint \oiiint \intop \smallint \bigcup \bigcap \bigvee
	\bigwedge \bigodot \bigoplus \bigotimes \biguplus \bigsqcup \sqrt{\frac{a}{b}} \sqrt[3]{\frac{a}{b}}`,
	// fences that \left does not take but that stretch in an mrow
	`\lBrace \frac{a}{b} \rBrace \llbracket \frac{a}{b} \rrbracket`,
	`\widehat{ab} \widetilde{ab} \widecheck{ab} \overline{ab} \underline{ab} \overbrace{ab} \underbrace{ab}
	\overgroup{ab} \undergroup{ab} \overleftarrow{ab} \overrightarrow{ab} \overleftrightarrow{ab}
	\underleftarrow{ab} \underrightarrow{ab} \underleftrightarrow{ab} \overleftharpoon{ab} \overrightharpoon{ab}
	\Overrightarrow{ab} \overlinesegment{ab} \underlinesegment{ab} \utilde{ab} \vec{a} \hat{a}`,
	`\xrightarrow{a} \xleftarrow{a} \xleftrightarrow{a} \xRightarrow{a} \xLeftarrow{a} \xLeftrightarrow{a}
	\xhookleftarrow{a} \xhookrightarrow{a} \xmapsto{a} \xrightharpoondown{a} \xrightharpoonup{a}
	\xleftharpoondown{a} \xleftharpoonup{a} \xrightleftharpoons{a} \xleftrightharpoons{a} \xlongequal{a}
	\xtwoheadrightarrow{a} \xtwoheadleftarrow{a} \xtofrom{a} \xrightleftarrows{a} \xrightequilibrium{a}
	\xleftequilibrium{a}`,
)

// leftRight makes a formula of each delimiter stretched by \left around a
// fraction.
func leftRight(delims string) []string {
	var out []string
	for _, d := range strings.Fields(delims) {
		out = append(out, `\left`+d+` \frac{a}{b} \right.`)
	}
	return out
}

// TestMathFontStretchyInFirstPiece checks that the first piece holds every
// character that a TeX command makes stretch or grow. Chromium stretches
// an operator, grows a big operator and draws a radical with the glyph
// variants of the first available font only (the face whose range holds
// U+0020), so such a character in another piece would keep its normal size.
func TestMathFontStretchyInFirstPiece(t *testing.T) {
	pieces := mathFontPieces(t)
	whole := woff2ToSfnt(t, filepath.Join(themeModules, "@fontsource", "noto-sans-math", "files", "noto-sans-math-latin-400-normal.woff2"))[0]
	wholeStretch := whole.constructions()
	seen := map[rune]bool{}
	for _, src := range stretchyTeX {
		out, err := NewNative(nil).Render(src, true)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		for c := range drawnCodePoints(t, out, true) {
			seen[c] = true
		}
	}
	n := 0
	var missing []string
	for c := range seen {
		_, v := wholeStretch[fmt.Sprintf("U+%04X v", c)]
		_, h := wholeStretch[fmt.Sprintf("U+%04X h", c)]
		if !v && !h {
			continue
		}
		n++
		if !pieces[0].covers(c) {
			missing = append(missing, fmt.Sprintf("U+%04X %c", c, c))
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("%d characters that TeX commands stretch or enlarge are not in the first piece, %s: %s",
			len(missing), pieces[0].File, strings.Join(missing, ", "))
	}
	if n < 40 {
		t.Fatalf("only %d of the characters the probes draw stretch: are they read right?", n)
	}
	// The font has constructions for characters no TeX command writes
	// (white brackets, exotic integrals): typed as Unicode, they are drawn
	// at their normal size from their own piece.
	elsewhere := 0
	for key := range wholeStretch {
		c, _ := strconv.ParseUint(strings.Fields(key)[0][2:], 16, 32)
		if !pieces[0].covers(rune(c)) {
			elsewhere++
		}
	}
	t.Logf("%d characters of TeX commands stretch; %d constructions of characters no command writes are outside %s", n, elsewhere, pieces[0].File)
}

// TestMathFontCoversDevSet checks that the pieces together hold every
// character that the MathML of the dev set's formulas draws with the math
// font (after the browser's italic mapping of single-letter identifiers),
// except those the font has not (Chinese in \text, which the page's fonts
// draw), and that no piece but the first is declared for such a character.
func TestMathFontCoversDevSet(t *testing.T) {
	pieces := mathFontPieces(t)
	fonts := vendoredPieces(t, pieces)
	whole := woff2ToSfnt(t, filepath.Join(themeModules, "@fontsource", "noto-sans-math", "files", "noto-sans-math-latin-400-normal.woff2"))[0]
	used := map[rune]int{}
	for _, f := range devFormulas(t) {
		out, err := NewNative(nil).Render(f.TeX, f.Display)
		if err != nil {
			continue // a formula KaTeX rejects, shown as its source
		}
		for c := range drawnCodePoints(t, out, true) {
			used[c]++
		}
	}
	held := map[rune]bool{}
	for _, f := range fonts {
		for c := range f.cmap {
			held[c] = true
		}
	}
	need := map[string]int{}
	for c := range used {
		_, inFont := whole.cmap[c]
		switch {
		case inFont && !held[c]:
			t.Errorf("U+%04X %q is used by the dev set and in the font, but in no piece", c, c)
		case !inFont:
			// Every page with math loads the first piece; any other one
			// declared for a character the font lacks would load for nothing.
			for _, p := range pieces[1:] {
				if p.covers(c) && !isInvisible(c) {
					t.Errorf("U+%04X %q is not in the font, yet %s is declared for it: a page with it would fetch that piece for nothing", c, c, p.File)
				}
			}
		}
		for _, p := range pieces {
			if p.covers(c) {
				need[p.File]++
			}
		}
	}
	if len(used) < 100 {
		t.Fatalf("the dev set draws only %d characters: is the MathML read right?", len(used))
	}
	t.Logf("the dev set draws %d characters; characters per piece: %v", len(used), need)
}

// isInvisible reports format characters such as variation selectors, which
// fall inside a piece's block without being drawn.
func isInvisible(c rune) bool {
	return c >= 0xFE00 && c <= 0xFE0F || c >= 0x2060 && c <= 0x206F || c == 0x200B
}

func devFormulas(t *testing.T) []devFormula {
	t.Helper()
	raw, err := os.ReadFile(sitetest.Shared(t, "fixtures", "formulas-dev.json"))
	if err != nil {
		t.Fatal(err)
	}
	var set struct{ Formulas []devFormula }
	if err := json.Unmarshal(raw, &set); err != nil {
		t.Fatal(err)
	}
	return set.Formulas
}

// drawnCodePoints lists the characters of a formula's token elements, the
// TeX annotation left out. An identifier of one character is drawn in
// italic (MathML Core's text-transform: math-auto), so its italic form is
// what the font must hold. With allVariants, the other mathvariant values
// the engine writes are mapped too, as Firefox does (Chromium honours only
// mathvariant="normal").
func drawnCodePoints(t *testing.T, mathml string, allVariants bool) map[rune]bool {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(mathml))
	if err != nil {
		t.Fatal(err)
	}
	out := map[rune]bool{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "annotation" {
			return
		}
		if n.Type == html.ElementNode && strings.Contains(" mi mo mn mtext ms ", " "+n.Data+" ") {
			text := textOf(n)
			variant := attr(n, "mathvariant")
			if !allVariants {
				variant = ""
			}
			if n.Data == "mi" && attr(n, "mathvariant") == "" && len([]rune(text)) == 1 {
				variant = "italic"
			}
			for _, c := range text {
				out[c] = true
				out[mathVariant(c, variant)] = true
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

func textOf(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		} else {
			b.WriteString(textOf(c))
		}
	}
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// italicGreek is the order of the Mathematical Italic Greek letters from
// U+1D6E2.
const italicGreek = "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡϴΣΤΥΦΧΨΩ∇αβγδεζηθικλμνξοπρςστυφχψω∂ϵϑϰϕϱϖ"

// mathVariant maps c to its form in the Mathematical Alphanumeric Symbols
// for the variants the engine writes (italic, monospace).
func mathVariant(c rune, variant string) rune {
	switch variant {
	case "italic":
		switch {
		case c == 'h':
			return 'ℎ'
		case c == 'ı':
			return 0x1D6A4
		case c == 'ȷ':
			return 0x1D6A5
		case 'A' <= c && c <= 'Z':
			return 0x1D434 + c - 'A'
		case 'a' <= c && c <= 'z':
			return 0x1D44E + c - 'a'
		}
		if i := strings.IndexRune(italicGreek, c); i >= 0 {
			return 0x1D6E2 + rune(len([]rune(italicGreek[:i])))
		}
	case "monospace":
		switch {
		case 'A' <= c && c <= 'Z':
			return 0x1D670 + c - 'A'
		case 'a' <= c && c <= 'z':
			return 0x1D68A + c - 'a'
		case '0' <= c && c <= '9':
			return 0x1D7F6 + c - '0'
		}
	}
	return c
}

// mathConstants returns the MathConstants subtable of a font's MATH table:
// 4 int16, 51 MathValueRecords of 4 bytes, 1 int16.
func mathConstants(f *sfnt) []byte {
	const size = 4*2 + 51*4 + 2
	t := f.tables["MATH"]
	start, err := fontReader{t}.u16(4)
	if err != nil || int(start)+size > len(t) {
		return nil
	}
	return t[start : int(start)+size]
}

// TestSplitMathFontRejects runs the split script on stylesheets whose
// ranges are wrong: it must stop with a message naming the fault, never
// write pieces that leave characters out or hold one twice.
func TestSplitMathFontRejects(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	font := filepath.Join(themeModules, "@fontsource", "noto-sans-math", "files", "noto-sans-math-latin-400-normal.woff2")
	if _, err := os.Stat(font); err != nil {
		t.Skip("the theme's npm packages are not installed (make assets)")
	}
	script := filepath.Join("..", "..", "themes", "default", "scripts", "split-math-font.cjs")
	face := func(file, ranges string) string {
		return `@font-face { src: url("../vendor/math-font/` + file + `") format("woff2"); unicode-range: ` + ranges + `; }` + "\n"
	}
	for _, c := range []struct{ name, css, want string }{
		{"overlap", face("a.woff2", "U+0000-10FFFF") + face("b.woff2", "U+0041"), "U+41 is in both a.woff2 and b.woff2"},
		{"gap", face("a.woff2", "U+0000-00FF"), "leaves 2914 characters of the font out: U+131"},
		{"empty piece", face("a.woff2", "U+0000-10FFFF") + face("b.woff2", "U+4E00-4E01"), "b.woff2: the font has no character in its range"},
		{"bad range", face("a.woff2", "U+00ZZ"), "cannot read the unicode-range U+00ZZ"},
		{"no pieces", "math { color: red }", "names no piece of the math font"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			css := filepath.Join(dir, "math.css")
			if err := os.WriteFile(css, []byte(c.css), 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(node, script, font, css, filepath.Join(dir, "out")).CombinedOutput()
			if err == nil {
				t.Fatalf("the script accepted the stylesheet:\n%s", c.css)
			}
			if !strings.Contains(string(out), c.want) {
				t.Errorf("the script said %q; want it to say %q", out, c.want)
			}
		})
	}
}

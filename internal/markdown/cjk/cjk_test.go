package cjk

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// extensionGFM is the extension set the site uses: GFM and footnotes,
// then this package's extension last so that [:2] is the baseline.
func extensionGFM(opts ...Option) []goldmark.Extender {
	return []goldmark.Extender{extension.GFM, extension.Footnote, New(opts...)}
}

// render converts src with the site's extension set.
func render(t testing.TB, src string, opts ...Option) string {
	t.Helper()
	return convert(t, goldmark.New(goldmark.WithExtensions(extensionGFM(opts...)...)), src)
}

// renderGFM converts src without this extension, the baseline for input
// without CJK text.
func renderGFM(t testing.TB, src string) string {
	t.Helper()
	return convert(t, goldmark.New(goldmark.WithExtensions(extensionGFM()[:2]...)), src)
}

func convert(t testing.TB, md goldmark.Markdown, src string) string {
	t.Helper()
	var b bytes.Buffer
	if err := md.Convert([]byte(src), &b); err != nil {
		t.Fatalf("convert %q: %v", src, err)
	}
	return b.String()
}

func TestIsCJK(t *testing.T) {
	tests := []struct {
		r    rune
		want bool
	}{
		{'中', true},
		{'。', true},      // W punctuation
		{'（', true},      // F
		{'：', true},      // F
		{'ｱ', true},      // H
		{'\u3000', true}, // ideographic space, F
		{'한', true},      // Hangul syllable, W
		{'ᆨ', true},      // Hangul jongseong, N: counts as Hangul
		{'〽', true},      // W, an emoji only with VS16
		{'🈂', true},      // W, an emoji only with VS16
		{'𠀀', true},      // CJK Extension B
		{'\U0003134A', true},
		{'“', false}, // ambiguous width, shared with Western text
		{'—', false},
		{'😀', false}, // W but Emoji_Presentation
		{'🈚', false},
		{'a', false},
		{'Ж', false},
		{'\U000E0100', false}, // IVS: handled by the flanking rules, not here
		{0, false},
		{-1, false},
		{0x110000, false},
	}
	for _, tt := range tests {
		if got := IsCJK(tt.r); got != tt.want {
			t.Errorf("IsCJK(%U) = %v, want %v", tt.r, got, tt.want)
		}
	}
}

func TestOptions(t *testing.T) {
	const src = "**（集装箱）**是\n适用\n于"
	tests := []struct {
		name string
		opts []Option
		want string
	}{
		{"both", nil, "<p><strong>（集装箱）</strong>是适用于</p>\n"},
		{"no emphasis", []Option{WithEmphasis(false)}, "<p>**（集装箱）**是适用于</p>\n"},
		{"no line breaks", []Option{WithLineBreaks(false)}, "<p><strong>（集装箱）</strong>是\n适用\n于</p>\n"},
		{"neither", []Option{WithEmphasis(false), WithLineBreaks(false)}, renderGFM(t, src)},
	}
	for _, tt := range tests {
		if got := render(t, src, tt.opts...); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

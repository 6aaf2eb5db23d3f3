package html

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"docsite/internal/markdown/cjk"
)

// descriptionWidth is how long a description may be, in the columns a
// search result gives it: a Latin letter takes one, a Han character two,
// so about 160 letters or 80 characters of Chinese.
const descriptionWidth = 160

// Describe makes text a page description: spaces collapsed, and when too
// long cut at the last word boundary (between two CJK characters, after
// CJK punctuation, or at a space) before the limit, with an ellipsis.
func Describe(text string) string {
	text = strings.Join(strings.Fields(strings.ToValidUTF8(text, "")), " ")
	width, cut, fits := 0, -1, true
	for i, r := range text {
		w := runeWidth(r)
		if width+w > descriptionWidth-1 { // one column for the ellipsis
			fits = false
			if cut < 0 || cut < i/2 {
				cut = i // no boundary in the second half: cut at a character
			}
			break
		}
		if r == ' ' || cjk.IsCJK(r) {
			cut = i
		}
		if cjk.IsCJK(r) || strings.ContainsRune("，。；：！？、）", r) {
			cut = i + utf8.RuneLen(r)
		}
		width += w
	}
	if fits {
		return text
	}
	return strings.TrimRightFunc(text[:cut], func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("，、；：,;:（(", r)
	}) + "…"
}

// runeWidth is 2 for what the Markdown pipeline counts as CJK (Han, kana,
// Hangul, CJK and full-width punctuation), else 1.
func runeWidth(r rune) int {
	if cjk.IsCJK(r) {
		return 2
	}
	return 1
}

// ogLocale is a language tag as Open Graph writes it: zh-CN → zh_CN, and a
// bare en or zh given its usual territory.
func ogLocale(lang string) string {
	switch l := strings.ToLower(lang); l {
	case "zh", "zh-hans":
		return "zh_CN"
	case "en":
		return "en_US"
	}
	lang, region, ok := strings.Cut(strings.ReplaceAll(lang, "_", "-"), "-")
	if !ok {
		return strings.ToLower(lang)
	}
	return strings.ToLower(lang) + "_" + strings.ToUpper(region)
}

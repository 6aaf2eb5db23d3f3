// Package cjk is a goldmark extension that makes Chinese, Japanese and
// Korean text render the way its authors expect.
//
// It does two things:
//
//   - Emphasis follows the "CommonMark CJK-friendly amendments"
//     (commonmark-spec issue 650): in the flanking tests only non-CJK
//     punctuation counts as punctuation, and a delimiter run next to
//     punctuation may still open (close) when the character on its other
//     side is a CJK character. So `**（集装箱）**是` is bold, as writers
//     of Chinese expect, while text without CJK characters parses exactly as
//     in CommonMark.
//   - Optionally, GFM strikethrough (`~~`) follows the same rules.
//   - A soft line break between two East Asian characters renders as
//     nothing, so a paragraph hard-wrapped in the middle of a Chinese
//     sentence gets no stray space.
package cjk

//go:generate go run gen.go

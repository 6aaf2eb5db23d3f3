package glossary

import (
	"path"
	"strings"
	"unicode"
)

// IsSource reports whether the page at path (relative to the content folder,
// '/'-separated) with front matter meta and Markdown body holds glossary
// entries. Front matter glossary: false says no and glossary: true yes; a
// file listed under glossary: in docsite.yaml (cfgFiles, relative to the
// content folder) is one. Otherwise, with no configuration at all, a page
// is a source when its file or folder name or its title says it is a
// glossary (see Named and Titled) and it holds a definition table or a
// definition list (see Defines).
func IsSource(p string, meta map[string]any, cfgFiles []string, body []byte) bool {
	if flag, ok := meta["glossary"].(bool); ok {
		return flag
	}
	clean := cleanPath(p)
	for _, f := range cfgFiles {
		if cleanPath(f) == clean {
			return true
		}
	}
	if !strings.HasSuffix(strings.ToLower(clean), ".md") {
		return false
	}
	title, _ := meta["title"].(string)
	return (Named(clean) || Titled(title) || Titled(firstH1(body))) && Defines(body)
}

// nameWords are the words of a file or folder name that say glossary;
// nameParts may be anywhere in a Chinese name.
var (
	nameWords = set("glossary", "glossaries", "acronym", "acronyms", "terminology")
	nameParts = []string{"词汇表", "术语"}
	// titleParts, in a page's title, say glossary.
	titleParts = []string{"缩写词汇表", "词汇表", "术语表", "名词解释", "glossary"}
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// Named reports whether the file's name (without .md and a language suffix)
// or its folder's name says glossary: GLOSSARY.md, acronyms-glossary/,
// 10-术语/, 缩写词汇表.en.md.
func Named(p string) bool {
	dir, file := path.Split(cleanPath(p))
	stem := strings.TrimSuffix(strings.ToLower(file), ".md")
	if s, lang, ok := strings.Cut(stem, "."); ok && isLangSuffix(lang) {
		stem = s
	}
	return namesGlossary(stem) || namesGlossary(strings.ToLower(path.Base(strings.TrimSuffix(dir, "/"))))
}

func namesGlossary(name string) bool {
	for _, part := range nameParts {
		if strings.Contains(name, part) {
			return true
		}
	}
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) || r > unicode.MaxLatin1 }) {
		if nameWords[w] {
			return true
		}
	}
	return false
}

// Titled reports whether a page title says glossary: 缩写词汇表, 术语表,
// 名词解释, Glossary, with or without a hand number (# 13. 缩写词汇表：全面梳理).
func Titled(title string) bool {
	title = strings.ToLower(title)
	for _, part := range titleParts {
		if strings.Contains(title, part) {
			return true
		}
	}
	return false
}

func cleanPath(p string) string {
	p = path.Clean(strings.ReplaceAll(p, "\\", "/"))
	return strings.TrimPrefix(strings.TrimPrefix(p, "./"), "/")
}

// isLangSuffix accepts the short language tags file names carry: en, zh,
// zh-cn, pt-br.
func isLangSuffix(s string) bool {
	main, region, _ := strings.Cut(s, "-")
	if len(main) < 2 || len(main) > 3 || len(region) > 4 {
		return false
	}
	for _, c := range main + region {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

package glossary

import (
	"path"
	"strings"
)

// IsSource reports whether the page at path (relative to the content folder,
// '/'-separated) holds glossary entries: a file named GLOSSARY.md or
// glossary.md, in any letter case and with an optional language suffix
// (GLOSSARY.en.md); a file listed under glossary: in docsite.yaml
// (cfgFiles, relative to the content folder); or a page whose front matter
// says glossary: true.
func IsSource(p string, meta map[string]any, cfgFiles []string) bool {
	if flag, ok := meta["glossary"].(bool); ok && flag {
		return true
	}
	clean := cleanPath(p)
	for _, f := range cfgFiles {
		if cleanPath(f) == clean {
			return true
		}
	}
	name := strings.ToLower(path.Base(clean))
	name, ok := strings.CutSuffix(name, ".md")
	if !ok {
		return false
	}
	if stem, lang, found := strings.Cut(name, "."); found {
		if !isLangSuffix(lang) {
			return false
		}
		name = stem
	}
	return name == "glossary"
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

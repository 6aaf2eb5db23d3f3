package glossary

import (
	"bytes"
	"path"
	"strings"

	"gopkg.in/yaml.v3"
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

// FrontMatter reads the YAML front matter of src, if any, without parsing
// the Markdown. The build needs to know which pages are glossary sources
// before it parses anything (the glossary must be complete before the first
// page is annotated), and the corpus has little front matter, so this is
// cheap: a page that does not start with "---" costs one comparison. It
// returns nil when there is no front matter or it is not a YAML mapping.
func FrontMatter(src []byte) map[string]any {
	rest, ok := cutLine(src, "---")
	if !ok {
		return nil
	}
	for off := 0; off < len(rest); {
		line := rest[off:]
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line = line[:i+1]
		}
		if t := bytes.TrimRight(line, " \t\r\n"); string(t) == "---" || string(t) == "..." {
			var m map[string]any
			if yaml.Unmarshal(rest[:off], &m) != nil {
				return nil
			}
			return m
		}
		off += len(line)
	}
	return nil
}

// cutLine returns what follows the first line of src when that line is
// exactly marker (trailing spaces and CR allowed).
func cutLine(src []byte, marker string) ([]byte, bool) {
	if !bytes.HasPrefix(src, []byte(marker)) {
		return nil, false
	}
	i := bytes.IndexByte(src, '\n')
	if i < 0 || len(bytes.TrimRight(src[len(marker):i], " \t\r")) != 0 {
		return nil, false
	}
	return src[i+1:], true
}

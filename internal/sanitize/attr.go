package sanitize

// attr is one attribute of a raw start tag, as byte offsets into the tag.
type attr struct {
	key        string // lower-cased
	start, end int    // the whole attribute: key, "=", value and its quotes
	repeated   bool   // a key seen before in the tag, which browsers ignore
	valued     bool   // written with "=": "on0" alone holds no code
}

// scanAttrs finds the attributes of the raw start tag tag ("<a k=v ...>") at
// exactly the places golang.org/x/net/html's tokenizer reads them (it follows
// the WHATWG tokenizer), in the same order, skipping the same empty keys
// and marking the repeated ones it drops: the tokenizer gives values but not
// their offsets, and Clean must cut an attribute out without touching the
// bytes around it.
func scanAttrs(tag []byte) []attr {
	var out []attr
	seen := map[string]bool{}
	i := 1
	// The tag name: the tokenizer has consumed its first letter.
	for i++; i <= len(tag); i++ {
		if i == len(tag) {
			return nil
		}
		c := tag[i]
		if isSpace(c) {
			i++
			break
		}
		if c == '/' || c == '>' {
			break
		}
	}
	i = skipSpace(tag, i)
	for i < len(tag) && tag[i] != '>' {
		keyStart := i
		// Attribute name: an "=" as its first byte belongs to the name.
		for i < len(tag) {
			c := tag[i]
			if c == '=' && i == keyStart {
				i++
				continue
			}
			if c == '=' || c == '/' || c == '>' || isSpace(c) {
				break
			}
			i++
		}
		keyEnd, end := i, i
		i, end = scanValue(tag, i, end)
		if keyEnd > keyStart {
			key := asciiLower(tag[keyStart:keyEnd])
			out = append(out, attr{key: key, start: keyStart, end: end, repeated: seen[key], valued: end > keyEnd})
			seen[key] = true
		}
		i = skipSpace(tag, i)
	}
	return out
}

// scanValue reads "= value" after an attribute name ending at i, as the
// tokenizer's readTagAttrVal does; it returns where reading stops and where
// the attribute ends (end, unchanged, when it has no value).
func scanValue(tag []byte, i, end int) (int, int) {
	i = skipSpace(tag, i)
	if i >= len(tag) {
		return i, end
	}
	c := tag[i]
	i++
	if c == '/' {
		return i, end // a "/" ends the attribute and is consumed with it
	}
	if c != '=' {
		return i - 1, end
	}
	i = skipSpace(tag, i)
	if i >= len(tag) {
		return i, i
	}
	q := tag[i]
	i++
	switch q {
	case '>':
		return i - 1, i - 1
	case '"', '\'':
		for i < len(tag) {
			c := tag[i]
			i++
			if c == q {
				return i, i
			}
		}
		return i, i
	}
	for i < len(tag) {
		c := tag[i]
		if isSpace(c) {
			return i + 1, i
		}
		if c == '>' {
			return i, i
		}
		i++
	}
	return i, i
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return i
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' }

// asciiLower lower-cases as the tokenizer does: ASCII letters only.
func asciiLower(b []byte) string {
	out := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return string(out)
}

package sanitize

import (
	"bytes"
	"slices"
	"strings"

	xhtml "golang.org/x/net/html"
)

// Kind says what a finding is.
type Kind int

const (
	Script       Kind = iota + 1 // a <script> element
	EventHandler                 // an on* attribute (onclick, onerror, …)
	ScriptURL                    // an attribute whose value runs script: javascript: URL, srcdoc with script
	Unreadable                   // raw-text elements nested too deep to tell whether they hold script
)

// maxDepth bounds how deep raw text inside raw text (or srcdoc inside
// srcdoc) is read again as markup, which keeps Find linear: each level reads
// its text once more. Real pages nest none.
const maxDepth = 4

func (k Kind) String() string {
	switch k {
	case Script:
		return "script element"
	case EventHandler:
		return "event handler attribute"
	case ScriptURL:
		return "script URL"
	case Unreadable:
		return "deeply nested raw text"
	}
	return "unknown"
}

// Finding is one thing in a fragment that would run as script.
type Finding struct {
	Kind       Kind
	Start, End int    // byte offsets in the fragment: the tag, or the attribute
	Tag        string // element name, lower-case
	Attr       string // attribute name, lower-case; "" for Script
}

// Find reports every script element, event handler and script URL in the
// raw HTML fragment src, in order.
func Find(src []byte) []Finding { return find(src, 0) }

func find(src []byte, depth int) []Finding {
	if depth > maxDepth {
		if bytes.IndexByte(src, '<') < 0 {
			return nil
		}
		return []Finding{{Kind: Unreadable, Start: 0, End: len(src)}}
	}
	var out []Finding
	tokens(src, depth, func(t token) {
		switch {
		case t.isStart() && t.tag == "script":
			out = append(out, Finding{Kind: Script, Start: t.start, End: t.end, Tag: t.tag})
		case t.isStart():
			for _, a := range t.bad {
				out = append(out, Finding{Kind: a.kind, Start: t.start + a.start, End: t.start + a.end, Tag: t.tag, Attr: a.key})
			}
		case t.rawText:
			for _, f := range find(src[t.start:t.end], depth+1) {
				f.Start += t.start
				f.End += t.start
				out = append(out, f)
			}
		}
	})
	return out
}

// mayHoldScript is a fast pre-check: text without a '<' has no tag, so
// nothing to find; only fragments with tags are tokenized.
func mayHoldScript(src []byte) bool { return bytes.IndexByte(src, '<') >= 0 }

// token is one token of a fragment with its byte offsets.
type token struct {
	tt         xhtml.TokenType
	start, end int
	tag        string    // for tags: the name, lower-case; for raw text: its element
	bad        []badAttr // for start tags: the attributes that run script
	rawText    bool      // the text of a raw-text element (style, textarea, …)
}

func (t token) isStart() bool {
	return t.tt == xhtml.StartTagToken || t.tt == xhtml.SelfClosingTagToken
}

// badAttr is an attribute that runs script, offsets relative to its tag.
type badAttr struct {
	kind       Kind
	key        string
	start, end int
}

// rawTextTags are the elements whose content the tokenizer reads as text.
var rawTextTags = map[string]bool{
	"iframe": true, "noembed": true, "noframes": true, "noscript": true, "plaintext": true,
	"style": true, "textarea": true, "title": true, "xmp": true,
}

// tokens calls fn for each token of src; the token stream partitions src.
// Bytes the tokenizer gives up on (a tag cut off at the end) come last as an
// ErrorToken.
func tokens(src []byte, depth int, fn func(token)) {
	z := xhtml.NewTokenizer(bytes.NewReader(src))
	pos := 0
	rawOf := ""
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break
		}
		raw := z.Raw()
		t := token{tt: tt, start: pos, end: pos + len(raw)}
		pos = t.end
		switch tt {
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			t.tag = string(name)
			t.bad = badAttrs(append([]byte(nil), raw...), z, hasAttr, depth)
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			t.tag = string(name)
		case xhtml.TextToken:
			if rawOf != "" {
				t.tag, t.rawText = rawOf, true
			}
		}
		rawOf = ""
		if t.isStart() && rawTextTags[t.tag] {
			rawOf = t.tag
		}
		fn(t)
	}
	if pos < len(src) {
		fn(token{tt: xhtml.ErrorToken, start: pos, end: len(src)})
	}
}

// badAttrs returns the attributes of the current start tag that run script.
// A repeated key is ignored by browsers, but would count once the first is
// cut out, so it goes with it.
func badAttrs(raw []byte, z *xhtml.Tokenizer, hasAttr bool, depth int) []badAttr {
	var spans []attr
	repeats := map[string][]attr{}
	for _, a := range scanAttrs(raw) {
		if a.repeated {
			repeats[a.key] = append(repeats[a.key], a)
		} else {
			spans = append(spans, a)
		}
	}
	var bad []badAttr
	for i := 0; hasAttr; i++ {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		key := string(k)
		if i >= len(spans) || spans[i].key != asciiLower(k) {
			// The scanner and the tokenizer disagree (they never should):
			// remove all the tag's attributes rather than guess.
			return []badAttr{{kind: ScriptURL, key: key, start: tagNameEnd(raw), end: len(raw) - 1}}
		}
		kind := classify(key, string(v), depth)
		if kind == EventHandler && !spans[i].valued {
			kind = 0 // a bare "onclick" runs nothing
		}
		if kind != 0 {
			bad = append(bad, badAttr{kind: kind, key: key, start: spans[i].start, end: spans[i].end})
			for _, r := range repeats[spans[i].key] {
				bad = append(bad, badAttr{kind: kind, key: key, start: r.start, end: r.end})
			}
		}
	}
	slices.SortFunc(bad, func(a, b badAttr) int { return a.start - b.start })
	return bad
}

// classify says whether an attribute runs script.
func classify(key, val string, depth int) Kind {
	switch {
	case len(key) > 2 && strings.HasPrefix(key, "on"):
		return EventHandler
	case IsScriptURL(val):
		return ScriptURL
	case key == "values" && strings.Contains(squeeze(val), "javascript:"):
		// SVG animation can set an href to each of a list of values.
		return ScriptURL
	case key == "srcdoc" && len(find([]byte(val), depth+1)) > 0:
		return ScriptURL
	}
	return 0
}

// IsScriptURL reports whether a browser would run the URL val as script
// (javascript:, vbscript:): it drops control characters and spaces anywhere
// in the scheme and ignores case. val is the URL as the browser sees it,
// with character references already decoded.
func IsScriptURL(val string) bool {
	return squeezedPrefix(val, "javascript:") || squeezedPrefix(val, "vbscript:")
}

// squeezedPrefix is strings.HasPrefix(squeeze(val), prefix) for a
// lower-case prefix, without the copy: every link of every page asks.
func squeezedPrefix(val, prefix string) bool {
	j := 0
	for i := 0; i < len(val) && j < len(prefix); i++ {
		c := val[i]
		if c <= ' ' {
			continue
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[j] {
			return false
		}
		j++
	}
	return j == len(prefix)
}

// squeeze lower-cases val and drops every byte up to space.
func squeeze(val string) string {
	b := make([]byte, 0, len(val))
	for i := 0; i < len(val); i++ {
		c := val[i]
		if c <= ' ' {
			continue
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(b)
}

// tagNameEnd is the offset just past the tag name of a raw start tag.
func tagNameEnd(raw []byte) int {
	i := 1
	for i < len(raw) && !isSpace(raw[i]) && raw[i] != '/' && raw[i] != '>' {
		i++
	}
	return i
}

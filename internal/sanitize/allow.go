package sanitize

import (
	"bytes"
	"html"
	"strings"

	xhtml "golang.org/x/net/html"
)

// The allow-list: the elements and attributes a page's raw HTML keeps when
// the site sanitizes, close to what GitHub shows of a README. Everything
// else goes: an element not named here loses its tags (its text stays,
// escaped), and the elements in dropWhole lose their content too. So a
// vector nobody listed is removed by default rather than let through.
var allowedTags = set("a abbr b bdi bdo blockquote br caption center cite code col colgroup dd del details dfn div dl dt em " +
	"figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p picture pre q rp rt ruby s samp small source " +
	"span strike strong sub summary sup table tbody td tfoot th thead time tr tt u ul var wbr")

// dropWhole are the elements whose content is not page text: code
// (script, style), other documents (iframe, object, embed, frames,
// template), foreign markup that can hold either (svg, math), and the
// raw-text elements whose content a browser may read differently from the
// tokenizer (noscript, xmp, textarea, title, noembed, noframes, plaintext).
var dropWhole = set("script style iframe object embed applet frameset frame noframes noscript noembed template " +
	"textarea title xmp plaintext svg math select head")

// allowedAttrs apply to every allowed element; urlAttrs hold URLs and keep
// only safe ones.
var allowedAttrs = set("id name title lang dir align valign width height alt colspan rowspan scope headers abbr " +
	"open start reversed type datetime span border cellpadding cellspacing nowrap summary hreflang rel media sizes " +
	"role aria-label aria-hidden aria-describedby aria-labelledby")

var urlAttrs = set("href src srcset cite longdesc")

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// Clean returns the fragment src with only allowed elements and
// attributes, each tag written anew from what the tokenizer read (so a
// malformed tag cannot smuggle bytes past it). Text is copied as written.
// When src has no tag it is returned as it is.
func Clean(src []byte) []byte {
	if !mayHoldScript(src) {
		return src
	}
	var out bytes.Buffer
	out.Grow(len(src))
	z := xhtml.NewTokenizer(bytes.NewReader(src))
	var skip []string // dropWhole elements open, innermost last
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			break
		}
		switch tt {
		case xhtml.TextToken:
			// Text is escaped anew: two pieces of text around a tag that
			// was dropped ("<" and "script>") must not meet as markup.
			if len(skip) == 0 {
				out.WriteString(html.EscapeString(string(z.Text())))
			}
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			tag := string(name)
			switch {
			case len(skip) > 0:
				if tag == skip[len(skip)-1] && tt == xhtml.StartTagToken {
					skip = append(skip, tag)
				}
			case dropWhole[tag]:
				if tt == xhtml.StartTagToken {
					skip = append(skip, tag)
				}
			case allowedTags[tag]:
				writeTag(&out, z, tag, hasAttr, tt == xhtml.SelfClosingTagToken)
			}
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			switch {
			case len(skip) > 0:
				if tag == skip[len(skip)-1] {
					skip = skip[:len(skip)-1]
				}
			case allowedTags[tag]:
				out.WriteString("</" + tag + ">")
			}
		}
		// Comments, doctypes and bytes the tokenizer gives up on go.
	}
	return out.Bytes()
}

// writeTag writes a start tag with its allowed attributes, values escaped.
func writeTag(out *bytes.Buffer, z *xhtml.Tokenizer, tag string, hasAttr, selfClosing bool) {
	out.WriteString("<" + tag)
	seen := map[string]bool{}
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		key := string(k) // the tokenizer lower-cases names
		val := string(v) // and decodes character references
		if seen[key] {
			continue // browsers keep the first
		}
		seen[key] = true
		switch {
		case urlAttrs[key]:
			if !safeURLs(key, val) {
				continue
			}
		case !allowedAttrs[key]:
			continue
		}
		out.WriteString(" " + key + `="` + html.EscapeString(val) + `"`)
	}
	if selfClosing {
		out.WriteString(" /")
	}
	out.WriteByte('>')
}

// safeURLs reports whether every URL of an attribute is one a page may
// link to: relative, a fragment, or http(s) (and mailto for href).
func safeURLs(key, val string) bool {
	if key != "srcset" {
		return safeURL(val, key == "href")
	}
	for _, c := range strings.Split(val, ",") {
		if f := strings.Fields(c); len(f) > 0 && !safeURL(f[0], false) {
			return false
		}
	}
	return true
}

func safeURL(u string, mailto bool) bool {
	s := squeeze(u)
	i := strings.IndexAny(s, ":/?#")
	if i < 0 || s[i] != ':' {
		return true // no scheme: relative
	}
	switch s[:i] {
	case "http", "https":
		return true
	case "mailto":
		return mailto
	}
	return false
}

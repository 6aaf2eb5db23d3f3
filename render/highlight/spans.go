package highlight

import (
	"html"
	"strings"

	"github.com/alecthomas/chroma/v2"
)

// writeSpans writes tokens as chroma's HTML formatter does with classes and
// no surrounding <pre>: each token's text escaped, in a span of its class
// when it has one, a token that spans lines cut after each newline. The
// formatter gets there through fmt and a copy of every token split into
// lines, which a corpus of ten thousand blocks pays for in full.
// TestSpansMatchChroma holds the two to the same bytes.
func writeSpans(b *strings.Builder, tokens []chroma.Token) {
	// chroma drops a last line that is one empty token.
	if n := len(tokens); n > 0 && tokens[n-1].Value == "" && (n == 1 || strings.HasSuffix(tokens[n-2].Value, "\n")) {
		tokens = tokens[:n-1]
	}
	for _, t := range tokens {
		cls := class(t.Type)
		v := t.Value
		for {
			piece := v
			if i := strings.IndexByte(v, '\n'); i >= 0 && i < len(v)-1 {
				piece, v = v[:i+1], v[i+1:]
			} else {
				v = ""
			}
			if cls == "" {
				b.WriteString(html.EscapeString(piece))
			} else {
				b.WriteString(`<span class="`)
				b.WriteString(cls)
				b.WriteString(`">`)
				b.WriteString(html.EscapeString(piece))
				b.WriteString(`</span>`)
			}
			if v == "" {
				break
			}
		}
	}
}

// class is the CSS class of a token type: its own, or its nearest
// ancestor's in chroma's table of standard types.
func class(t chroma.TokenType) string {
	for t != 0 {
		if cls, ok := chroma.StandardTypes[t]; ok {
			return cls
		}
		t = t.Parent()
	}
	return chroma.StandardTypes[t]
}

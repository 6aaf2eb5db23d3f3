package highlight

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// TestSpansMatchChroma: writeSpans writes what chroma's HTML formatter
// writes (classes, no <pre>) for the same tokens, across the lexers of the
// languages a knowledge base's code blocks use, on code with markup
// characters, blank lines, tabs, CJK text and no final newline. (Not every
// lexer: on text in another language some backtrack for minutes.)
func TestSpansMatchChroma(t *testing.T) {
	samples := []string{
		"",
		"\n",
		"x",
		"package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"<a href='x'>&amp;</a>\") // 注释\n}\n",
		"#!/bin/sh\nif [ \"$1\" != '' ]; then echo $((1 << 2)) > /dev/null; fi\n\n\n# end",
		"key: value # 配置\nlist:\n  - a & b\n  - \"c < d\"\n",
		"def f(x):\n    '''doc\n    string'''\n    return x ** 2  # 平方\n",
		"{\"a\": [1, 2.5e3, true, null], \"b\": \"\\u00e9<\"}",
		"SELECT * FROM t WHERE a <> 'x' AND b >= 2;\n-- comment\n",
		"<div class=\"x\">\n  <script>if (a < b && c) {}</script>\n</div>\n",
		"/* multi\n line\n comment */ int main(void) { return 0; }\r\n",
	}
	var ls []chroma.Lexer
	for _, name := range strings.Fields(`go bash console sh yaml python rego dockerfile json c cpp haskell rust
		promql toml protobuf wat cue java javascript typescript markdown scala turtle sql sparql groovy
		latex xml html css diff ini makefile nginx powershell ruby kotlin swift php lua hcl graphql`) {
		l := lexers.Get(name)
		if l == nil {
			t.Fatalf("no lexer for %s", name)
		}
		ls = append(ls, l)
	}
	for _, l := range ls {
		for _, code := range samples {
			it, err := chroma.Coalesce(l).Tokenise(nil, code)
			if err != nil {
				continue
			}
			sameAsChroma(t, l.Config().Name+" on "+strconv.Quote(code), it.Tokens())
		}
	}
	// Token lists a lexer may not make, at the edges of line splitting.
	for _, tokens := range [][]chroma.Token{
		{{Type: chroma.Keyword, Value: ""}},
		{{Type: chroma.Keyword, Value: "a\n"}, {Type: chroma.Text, Value: ""}},
		{{Type: chroma.Keyword, Value: "a\nb"}, {Type: chroma.Text, Value: ""}},
		{{Type: chroma.Keyword, Value: "a\n"}, {Type: chroma.Text, Value: ""}, {Type: chroma.Text, Value: ""}},
		{{Type: chroma.NameBuiltinPseudo, Value: "\n\n"}, {Type: chroma.Other, Value: "x"}},
		{{Type: chroma.TokenType(9999), Value: "odd"}},
	} {
		sameAsChroma(t, fmt.Sprint(tokens), tokens)
	}
}

// sameAsChroma fails when writeSpans and chroma's formatter write tokens
// differently.
func sameAsChroma(t *testing.T, name string, tokens []chroma.Token) {
	t.Helper()
	f := chromahtml.New(chromahtml.WithClasses(true), chromahtml.PreventSurroundingPre(true))
	var want bytes.Buffer
	if err := f.Format(&want, styles.Get("github"), chroma.Literator(tokens...)); err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	writeSpans(&got, tokens)
	if got.String() != want.String() {
		t.Errorf("%s:\n got %s\nwant %s", name, got.String(), want.String())
	}
}

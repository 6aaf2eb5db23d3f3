package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// show renders tokens as "term@pos+len" for compact expectations.
func show(toks []Token) string {
	var s []string
	for _, t := range toks {
		s = append(s, fmt.Sprintf("%s@%d+%d", t.Term, t.Pos, t.Len))
	}
	return strings.Join(s, " ")
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"han bigrams and unigrams", "核心理念", "核@0+1 核心@0+2 心@1+1 心理@1+2 理@2+1 理念@2+2 念@3+1"},
		{"han single", "云", "云@0+1"},
		{"han punctuation splits runs", "部署，运维", "部@0+1 部署@0+2 署@1+1 运@3+1 运维@3+2 维@4+1"},
		{"english lower-cased", "Hello, World!", "hello@0+5 world@7+5"},
		{"digits", "OCI 1.0 (2025)", "oci@0+3 1@4+1 0@6+1 2025@9+4"},
		{"mixed run", "K8s部署", "k8s@0+3 部@3+1 部署@3+2 署@4+1"},
		{"han then latin", "部署K3s集群", "部@0+1 部署@0+2 署@1+1 k3s@2+3 集@5+1 集群@5+2 群@6+1"},
		{"full-width ascii", "Ｋ８ｓ", "k8s@0+3"},
		{"full-width punctuation", "ＡＢＣ－ｄｅｆ", "abc@0+3 def@4+3"},
		{"ideographic space", "容器　编排", "容@0+1 容器@0+2 器@1+1 编@3+1 编排@3+2 排@4+1"},
		{"emoji dropped", "🚀 Launch 😀!", "launch@2+6"},
		{"emoji inside han", "部署🚀运维", "部@0+1 部署@0+2 署@1+1 运@3+1 运维@3+2 维@4+1"},
		{"emoji zwj and variation selector", "👩‍💻️x", "x@4+1"},
		{"katakana with long mark", "サーバー", "サ@0+1 サー@0+2 ー@1+1 ーバ@1+2 バ@2+1 バー@2+2 ー@3+1"},
		{"katakana middle dot splits", "マイ・ア", "マ@0+1 マイ@0+2 イ@1+1 ア@3+1"},
		{"hiragana", "です", "で@0+1 です@0+2 す@1+1"},
		{"hangul", "쿠버 표준", "쿠@0+1 쿠버@0+2 버@1+1 표@3+1 표준@3+2 준@4+1"},
		{"diacritics kept", "Café naïve", "café@0+4 naïve@5+5"},
		{"combining mark joins word", "nai\u0308ve", "nai\u0308ve@0+6"},
		{"lone mark is dropped", "\u0308x", "x@1+1"},
		{"dotted capital i", "İstanbul", "istanbul@0+8"},
		{"greek", "ΣΟΦΙΑ", "σοφια@0+5"},
		{"hyphen and underscore split", "opa-wasm docker_shim", "opa@0+3 wasm@4+4 docker@9+6 shim@16+4"},
		{"newline splits han", "中\n文", "中@0+1 文@2+1"},
		{"invalid utf-8", "a\xffb", "a@0+1 b@2+1"},
		{"han extension b", "\U00020000\U00020001", "\U00020000@0+1 \U00020000\U00020001@0+2 \U00020001@1+1"},
		{"half-width katakana", "ｶﾀ", "ｶ@0+1 ｶﾀ@0+2 ﾀ@1+1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := show(Tokenize(tt.in)); got != tt.want {
				t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokenizeLongWord(t *testing.T) {
	in := strings.Repeat("a", 50) + " b"
	toks := Tokenize(in)
	if len(toks) != 2 || toks[0].Term != strings.Repeat("a", maxWord) || toks[0].Len != 50 || toks[1].Pos != 51 {
		t.Errorf("got %s", show(toks))
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  a \n\t b  ", "a b"},
		{"适用\n于技术决策", "适用于技术决策"},
		{"适用\n  于", "适用于"},
		{"适用 于", "适用 于"}, // a space typed on one line is the writer's
		{"Docker\n容器", "Docker 容器"},
		{"容器\nDocker", "容器 Docker"},
		{"句号。\n下一句", "句号。 下一句"},
		{"Ｋ８ｓ\n部署", "Ｋ８ｓ 部署"},
		{"a\xffb", "a\uFFFDb"},
	}
	for _, tt := range tests {
		if got := normalize(tt.in); got != tt.want {
			t.Errorf("normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"", "核心理念", "K8s部署", "Ｋ８ｓ", "🚀 x", "サーバー", "쿠버네티스",
		"nai\u0308ve", "a\xffb", strings.Repeat("z", 100), "İ", "中\n文"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := utf8.RuneCountInString(s)
		prev := -1
		for _, tok := range Tokenize(s) {
			if tok.Term == "" || tok.Len <= 0 || tok.Pos < 0 || tok.Pos+tok.Len > n {
				t.Fatalf("bad token %+v in %q", tok, s)
			}
			if tok.Pos < prev {
				t.Fatalf("tokens out of order in %q", s)
			}
			prev = tok.Pos
			if !utf8.ValidString(tok.Term) {
				t.Fatalf("invalid term %q", tok.Term)
			}
			// Tokenising a term again gives the term back: index and query agree.
			again := Tokenize(tok.Term)
			if !slices.ContainsFunc(again, func(a Token) bool { return a.Term == tok.Term }) {
				t.Fatalf("term %q re-tokenises to %s", tok.Term, show(again))
			}
		}
		ns := normalize(s)
		if normalize(ns) != ns || strings.Contains(ns, "  ") || strings.TrimSpace(ns) != ns {
			t.Fatalf("normalize(%q) = %q is not normal", s, ns)
		}
	})
}

func BenchmarkTokenize(b *testing.B) {
	docs := loadFixtures(b)
	var text strings.Builder
	for _, d := range docs {
		for _, s := range d.Sections {
			text.WriteString(s.Text)
		}
	}
	s := text.String()
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		scan(s, func([]byte, uint64, int, int, int) {})
	}
}

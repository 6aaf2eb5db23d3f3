// Package highlight colours code blocks at build time with chroma into CSS
// classes, so one light and one dark stylesheet serve every page. Lexer
// lookups and highlighted blocks are cached: a naive lookup per block costs
// as much as the highlighting itself on a corpus of thousands of blocks.
package highlight

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"html"
	"strings"
	"sync"
	"unsafe"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"

	"docsite/internal/cache"
)

// Highlighter is safe for concurrent use.
type Highlighter struct {
	cacheDir string
	// blocks is content hash -> highlighted HTML, this run's and those the
	// cache folder kept (in memory only without one): the one memo of blocks.
	blocks *cache.Store

	lexers sync.Map // language name -> chroma.Lexer, or nil for "no lexer"
}

// Option configures a Highlighter.
type Option func(*Highlighter)

// WithCacheDir keeps highlighted blocks on disk between runs.
func WithCacheDir(dir string) Option { return func(h *Highlighter) { h.cacheDir = dir } }

// New returns a Highlighter.
func New(opts ...Option) *Highlighter {
	h := &Highlighter{}
	for _, o := range opts {
		o(h)
	}
	h.blocks = cache.Open(h.cacheDir, "code-"+version+".bin")
	return h
}

// Save keeps this run's highlighted blocks for the next one.
func (h *Highlighter) Save() error { return h.blocks.Save() }

// version changes whenever the output of Block would change, so stale disk
// cache entries are never read.
const version = "chroma-v2.27.0-regexp2-v2.13.0"

// Block returns the HTML of a code block: a <pre><code> with chroma's token
// classes, or the escaped code when no lexer knows the language.
//
// Blocks are kept once, as the store's bytes, and handed out as strings over
// those bytes: a corpus's highlighted code is tens of megabytes, and a second
// copy of it held the build's heap at its memory limit. The store never
// changes a value it holds or hands out, so the strings stay as they were.
func (h *Highlighter) Block(lang, code string) string {
	lang = normalize(lang)
	key := keyOf(lang, code)
	if b, ok := h.blocks.Get(key); ok {
		return unsafe.String(unsafe.SliceData(b), len(b))
	}
	out := h.render(lang, code)
	h.blocks.Put(key, unsafe.Slice(unsafe.StringData(out), len(out)))
	return out
}

func keyOf(lang, code string) string {
	sum := sha256.Sum256([]byte(version + "\x00" + normalize(lang) + "\x00" + code))
	return hex.EncodeToString(sum[:])
}

func (h *Highlighter) render(lang, code string) string {
	var b strings.Builder
	b.WriteString(`<pre class="chroma"`)
	if lang != "" {
		b.WriteString(` data-lang="` + html.EscapeString(lang) + `"`)
	}
	b.WriteString(`><code>`)
	lexer := h.lexer(lang)
	if lexer == nil {
		b.WriteString(html.EscapeString(code))
	} else if it, err := chroma.Coalesce(lexer).Tokenise(nil, code); err != nil {
		b.WriteString(html.EscapeString(code))
	} else {
		writeSpans(&b, it.Tokens())
	}
	b.WriteString("</code></pre>")
	return b.String()
}

// lexer looks a language up once; "text" and unknown names get no lexer
// rather than chroma's fallback, which would still cost a tokenising pass.
func (h *Highlighter) lexer(lang string) chroma.Lexer {
	if lang == "" || lang == "text" || lang == "plain" || lang == "txt" {
		return nil
	}
	if v, ok := h.lexers.Load(lang); ok {
		l, _ := v.(chroma.Lexer)
		return l
	}
	l := lexers.Get(lang)
	if l != nil {
		h.lexers.Store(lang, l)
	} else {
		h.lexers.Store(lang, nil)
	}
	return l
}

func normalize(lang string) string {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(lang, " {,"); i >= 0 {
		lang = lang[:i]
	}
	return lang
}

// CSS returns the stylesheet for the light theme and, scoped under
// html[data-theme="dark"], the dark one.
func CSS() string {
	f := chromahtml.New(chromahtml.WithClasses(true))
	var light, dark bytes.Buffer
	_ = f.WriteCSS(&light, styles.Get("github"))
	_ = f.WriteCSS(&dark, styles.Get("github-dark"))
	var b strings.Builder
	b.Write(light.Bytes())
	// The dark style leaves some tokens uncoloured (NameBuiltin, ...), where
	// the light colour would stay and fail contrast on the dark ground: they
	// take the dark text colour instead.
	b.WriteString(`html[data-theme="dark"] .chroma span { color: inherit }` + "\n")
	for _, line := range strings.Split(dark.String(), "\n") {
		if i := strings.Index(line, "."); i >= 0 && strings.HasPrefix(strings.TrimSpace(line[:i]), "/*") {
			b.WriteString(line[:i] + `html[data-theme="dark"] ` + line[i:] + "\n")
			continue
		}
		if strings.HasPrefix(line, ".") {
			b.WriteString(`html[data-theme="dark"] ` + line + "\n")
			continue
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

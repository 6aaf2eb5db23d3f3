// Package sanitize finds and removes what would run as script in a raw HTML
// fragment written in a page.
//
// Clean keeps an allow-list (allow.go), close to what GitHub shows of a
// README: the elements of text, tables, lists, links and images, the
// attributes that carry no code, and URLs that are relative, fragments,
// http(s) or (in links) mailto. Everything else goes — an unknown element
// keeps its text, a dropWhole element (script, style, iframe, object, svg,
// math, noscript, …) loses its content too — so a vector nobody thought of
// is removed by default. Each tag and text is written anew from what the
// tokenizer read, so nothing malformed reaches the browser to be read
// another way. Sites sanitize unless docsite.yaml says sanitize: false.
//
// Find reports the script in a fragment (a <script>, an on* handler, a
// javascript: URL) for the html/script finding, whether or not the site
// sanitizes. The fragment is read with golang.org/x/net/html's tokenizer,
// which follows the browsers' (WHATWG) tokenizer; raw-text elements
// (<style>, <textarea>, <title>, …) hold markup inside SVG or MathML, so
// their text is read both ways.
package sanitize

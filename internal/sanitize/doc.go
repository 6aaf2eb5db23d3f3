// Package sanitize finds and removes what would run as script in a raw HTML
// fragment written in a page: <script> elements, on* event-handler
// attributes, and javascript: (or vbscript:) URLs. Everything else is kept
// byte for byte, so a sanitized page differs from the author's HTML only
// where it had to.
//
// The fragment is read with golang.org/x/net/html's tokenizer, which follows
// the browsers' (WHATWG) tokenizer. One place where a browser may read the
// same bytes two ways is the text of raw-text elements (<style>, <textarea>,
// <title>, …): inside SVG or MathML they hold markup. Such text is checked
// both ways, and text that would be dangerous as markup has its '<' escaped.
package sanitize

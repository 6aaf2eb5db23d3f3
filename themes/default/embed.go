// Package theme embeds the default theme (templates and browser assets), so
// the docsite binary stands alone. Third-party assets (KaTeX, mermaid) are
// copied into assets/vendor from npm at build time by scripts/vendor.sh and
// are never committed.
package theme

import "embed"

// FS holds layouts/ (html/template files) and assets/ (CSS, JS, fonts).
//
//go:embed all:layouts all:assets
var FS embed.FS

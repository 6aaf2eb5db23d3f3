// Package diagrams draws a site's mermaid diagrams at build time, when the
// configuration says mermaid: {render: build}: every diagram becomes an
// SVG in each colour scheme, drawn by mermaid in headless Chromium and
// cached by source, mermaid version and theme, so pages need no script.
package diagrams

// Package graph shows readers how the pages of a site connect: the pages
// that link to each one (backlinks, with the sentence around the link), the
// data behind hover previews of internal links, and a graph of the whole
// site laid out at build time so the browser only has to draw it.
//
// Everything here reads the indexed page model (site.Site after Index) and
// resolves links with site.Resolve, the same answer the renderer and the
// link checker use; a link the checker reports as broken never shows up.
package graph

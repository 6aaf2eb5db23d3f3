package serve

import (
	"mime"
	"path"
)

// contentType is the media type a generated file is served with. The
// Markdown copies and llms.txt are named here, not left to the machine's
// mime.types (which may not know .md, or send it without a charset): a
// browser must show them as UTF-8 text, never sniff them as HTML.
func contentType(file string) string {
	switch path.Ext(file) {
	case ".md":
		return "text/markdown; charset=utf-8"
	case ".txt":
		return "text/plain; charset=utf-8"
	}
	return mime.TypeByExtension(path.Ext(file))
}

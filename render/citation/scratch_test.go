package citation

import (
	"os"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

func TestScratch(t *testing.T) {
	src, _ := os.ReadFile(os.Getenv("SCRATCH"))
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
	doc := md.Parser().Parse(text.NewReader(src))
	doc.Dump(src, 0)
}

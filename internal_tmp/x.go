package x
import (
 _ "github.com/yuin/goldmark"
 _ "github.com/yuin/goldmark-meta"
 _ "github.com/alecthomas/chroma/v2"
 _ "github.com/PuerkitoBio/goquery"
 _ "github.com/fsnotify/fsnotify"
 _ "github.com/spf13/cobra"
 _ "github.com/dop251/goja"
 _ "gopkg.in/yaml.v3"
 _ "github.com/rogpeppe/go-internal/testscript"
 _ "github.com/chromedp/chromedp"
)

// Package site holds the page model every stage reads — Site, Page, Heading,
// Link — and builds it: loading the content folder, ordering it, and indexing
// the whole (navigation tree, anchors, URLs). Markdown parsing fills the
// per-page parts; nothing here parses Markdown.
package site

import (
	"html/template"
	"sync/atomic"

	"docsite/internal/citation"
	"docsite/internal/config"
	"docsite/internal/diag"
	"docsite/internal/diagram"
	"docsite/internal/glossary"
	"docsite/internal/numbering"
	"docsite/internal/vcs"
)

// Site is the loaded content folder.
type Site struct {
	Root   string // content folder on disk
	Config *config.Config
	// Pages in load order (sorted by path); Nav gives content order.
	Pages []*Page
	// Files are the non-Markdown files to copy, relative to Root with '/'.
	Files []string
	// Dirs are all published folders, relative to Root with '/' ("" is the root).
	Dirs map[string]*Dir
	// ByPath finds a page by its source path; generated index pages have none.
	ByPath map[string]*Page
	// ByURL finds a page by its URL path (without base).
	ByURL map[string]*Page
	// Langs lists the languages present, the default first.
	Langs []string
	// Nav holds one navigation tree per language.
	Nav map[string]*NavNode
	// Diagnostics found while loading (unreadable files, symlinks out);
	// IndexDiags those of the last index stage (URL conflicts), replaced
	// each time the stage runs.
	Diagnostics []diag.Diagnostic
	IndexDiags  []diag.Diagnostic
	// FileSet answers "does this relative path exist, and how is it spelled".
	FileSet map[string]string // lower-cased path -> real path, for case checks
	Exists  map[string]bool   // every published file and folder, relative path
	// Citations resolves citation keys against the REFERENCES.md files
	// and the pages' own definitions.
	Citations *citation.Index
	// ReferencesURL is the URL of the references page.
	ReferencesURL string
	// Glossary holds every term of the glossary sources; GlossaryConflicts
	// the terms defined twice with different expansions.
	Glossary          *glossary.Glossary
	GlossaryConflicts []glossary.Conflict
	// Title is the site's name: docsite.yaml's title, else the H1 of the
	// root page, else the content folder's name (set by Navigate).
	Title string
	// VCS is what git says about the content (edit links, last changes);
	// the build fills it, and it is nil for the checker.
	VCS *vcs.Info

	overlay  map[string][]byte         // pages given instead of read (LoadWith)
	basePath atomic.Pointer[[2]string] // BasePath's memo: base URL, path
	listed   []listedFile              // files the walk found, until they are read
}

// Dir is one folder of the content.
type Dir struct {
	Path    string // relative, '/'-separated; "" for the root
	Landing map[string]*Page
}

// Page is one Markdown file (or a generated folder index), with everything the
// single parse found in it.
type Page struct {
	Path      string // source path relative to Root, '/'-separated; "" when generated
	Dir       string // folder of the page, relative
	Lang      string // language of the page (zh-CN, en)
	Key       string // translation key: path without language suffix
	URL       string // URL path without base, always starting and ending in '/'
	Landing   bool   // the page stands for its folder
	Generated bool   // a folder index docsite made up
	Source    []byte
	Lines     *diag.Lines
	// BodyOffset is where the Markdown starts, after the front matter
	// (Meta), which is read once at load.
	BodyOffset int
	Meta       map[string]any

	// Filled by the parse.
	Title    string // front matter title, first H1, or file name
	H1       string // text of the first H1, "" when none
	H1Offset int
	Summary  string // plain text of the first paragraph outside lists, quotes and tables
	Weight   int
	Draft    bool
	DocLang  string // language of the text for <html lang>: front matter, else detected
	Headings []Heading
	Anchors  map[string]Anchor // every id a fragment may target
	Links    []Link
	Code     []CodeBlock
	Math     []Formula
	Diagrams []Diagram
	Cites    []citation.Use
	// Defs are the citation definitions the page holds, and BadDefs the
	// mangled ones, read once by the index stage before the parse (when
	// DefsRead); the parse and the checker take them from here.
	Defs     []citation.Def
	BadDefs  []citation.Malformed
	DefsRead bool
	// GlossarySource marks a page whose tables define glossary terms;
	// GlossaryEntries are those terms, Terms the ones this page uses.
	GlossarySource  bool
	GlossaryEntries []glossary.Entry
	Terms           []string
	// HiddenTOC is the byte range of a hand-written table of contents the
	// site leaves out, since the outline replaces it; empty when kept.
	HiddenTOC  [2]int
	HasMath    bool
	HasMermaid bool
	Text       []Section // plain text per section, for search
	Diags      []diag.Diagnostic

	// Filled by render.
	Body template.HTML
	// Appendix is what the index stage adds after the body: the full list
	// on the references and glossary pages. It is set, never appended to,
	// so the stage can run again.
	Appendix template.HTML
	// List marks the references or glossary page the index stage made.
	List bool

	// Filled by the index.
	Nav          *NavNode
	Translations map[string]*Page  // other language versions, by language
	Numbering    *numbering.Scheme // the hand numbering its headings follow
}

// Heading is one heading with its GitHub slug and source position.
type Heading struct {
	Level  int
	Text   string
	ID     string
	Offset int
}

// Anchor is a fragment target in a page: a heading ID or an explicit id/name.
type Anchor struct {
	Offset   int
	Explicit bool
}

// LinkKind says where a link was written.
type LinkKind int

const (
	LinkMarkdown  LinkKind = iota // [text](dest) or reference-style
	LinkImage                     // ![alt](src)
	LinkHTML                      // href in raw HTML
	LinkHTMLImage                 // src in raw HTML
	LinkAuto                      // <https://…> or a bare URL
)

// Link is one link as the author wrote it.
type Link struct {
	Dest  string
	Kind  LinkKind
	Start int // byte offsets of the whole link in Source
	End   int
	// Lang marks a link meant to cross into another language: a Markdown
	// link whose title is a language tag ("en"), or hreflang in raw HTML.
	Lang string
	// Section is the index in Page.Text of the section whose text holds
	// the link's text, at the byte range Text; -1 when the parse put the
	// text in no section (a link in a heading, raw HTML, an image).
	Section int
	Text    [2]int
}

// CodeBlock is one fenced or indented code block.
type CodeBlock struct {
	Lang   string
	Offset int
	Text   string
}

// Formula is one math expression.
type Formula struct {
	TeX     string
	Display bool
	Offset  int
	Err     string
}

// Diagram is one mermaid block. Err is where mermaid would refuse it (nil
// if it draws it); ErrOffset is that place as a byte offset of the page.
type Diagram struct {
	Source    string
	Offset    int
	Err       *diagram.Error
	ErrOffset int
}

// Section is the plain text of a page under one heading, for the search index.
type Section struct {
	Heading string
	Anchor  string
	Level   int
	Text    string
	// Paras are the byte spans in Text of the section's top-level
	// paragraphs: prose, where lists and table rows are not (a link's hover
	// card shows prose rather than cells run together).
	Paras [][2]int
}

// NavNode is one entry of the sidebar: a page or a folder.
type NavNode struct {
	Title    string // display title, the author's number dropped
	Number   string // the author's number, else "1.2.3" by position to the configured depth, else ""
	Page     *Page  // the page, or the folder's landing / generated page
	Dir      string // folder path when the node is a folder
	Parent   *NavNode
	Children []*NavNode
}

// IsDir reports whether the node stands for a folder.
func (n *NavNode) IsDir() bool { return n.Dir != "" || n.Parent == nil }

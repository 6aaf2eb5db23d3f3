// Package blocks lets the AST transformers that look for one kind of block
// find it without walking the whole tree: the ```math and ```mermaid
// fences, and the setext headings (the only headings whose text can run
// over lines, which the checker's parse joins). A parse whose context went
// through Record lists each such block as goldmark's parser opens it; a
// transformer asks Fences or SetextHeadings, which fall back to a walk (or
// say they cannot) when the parse did not record (another goldmark
// configuration).
package blocks

import (
	"reflect"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

type recorded struct {
	fences   []*ast.FencedCodeBlock
	headings []*ast.Heading
}

var key = parser.NewContextKey()

// Record makes the parse that uses pc list the blocks it opens.
func Record(pc parser.Context) { pc.Set(key, &recorded{}) }

func recordsOf(pc parser.Context) *recorded {
	r, _ := pc.Get(key).(*recorded)
	return r
}

// Fences returns the fenced code blocks of doc whose language is lang, in
// document order, leaving out those a transformer took out of the tree:
// from the parse's list when it recorded one, else by a walk of the blocks.
func Fences(doc ast.Node, pc parser.Context, source []byte, lang string) []*ast.FencedCodeBlock {
	var fs []*ast.FencedCodeBlock
	keep := func(f *ast.FencedCodeBlock) {
		if f.Parent() != nil && string(f.Language(source)) == lang {
			fs = append(fs, f)
		}
	}
	if r := recordsOf(pc); r != nil {
		for _, f := range r.fences {
			keep(f)
		}
		return fs
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if f, ok := n.(*ast.FencedCodeBlock); ok {
			keep(f)
			return ast.WalkSkipChildren, nil
		}
		// A fence is a block: a paragraph's or heading's inlines hold none.
		if c := n.FirstChild(); c != nil && c.Type() == ast.TypeInline {
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return fs
}

// SetextHeadings returns the setext headings still in the tree, in
// document order; ok is false when the parse did not record.
func SetextHeadings(pc parser.Context) (hs []*ast.Heading, ok bool) {
	r := recordsOf(pc)
	if r == nil {
		return nil, false
	}
	for _, h := range r.headings {
		if h.Parent() != nil {
			hs = append(hs, h)
		}
	}
	return hs, true
}

// Parsers are goldmark's default block parsers, the fence and setext
// heading ones recording what they open.
func Parsers() []util.PrioritizedValue {
	fence := reflect.TypeOf(parser.NewFencedCodeBlockParser())
	setext := reflect.TypeOf(parser.NewSetextHeadingParser())
	ps := parser.DefaultBlockParsers()
	for i, p := range ps {
		bp := p.Value.(parser.BlockParser)
		switch reflect.TypeOf(bp) {
		case fence:
			ps[i].Value = recorder{bp, func(r *recorded, n ast.Node) {
				if f, ok := n.(*ast.FencedCodeBlock); ok {
					r.fences = append(r.fences, f)
				}
			}}
		case setext:
			ps[i].Value = recorder{bp, func(r *recorded, n ast.Node) {
				if h, ok := n.(*ast.Heading); ok {
					r.headings = append(r.headings, h)
				}
			}}
		}
	}
	return ps
}

// recorder wraps a block parser and lists the nodes its Open makes.
type recorder struct {
	parser.BlockParser
	keep func(*recorded, ast.Node)
}

func (r recorder) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	n, st := r.BlockParser.Open(parent, reader, pc)
	if rec := recordsOf(pc); rec != nil && n != nil {
		r.keep(rec, n)
	}
	return n, st
}

// SetOption hands goldmark's parser options to the wrapped parser.
func (r recorder) SetOption(name parser.OptionName, value any) {
	if so, ok := r.BlockParser.(parser.SetOptioner); ok {
		so.SetOption(name, value)
	}
}

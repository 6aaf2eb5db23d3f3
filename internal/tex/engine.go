package tex

import "sync"

// engine is the state of one formula's run: parser, macro expander,
// lexer and the arena of both trees. Engines are pooled because most of a
// formula's cost used to be allocating them afresh.
type engine struct {
	arena  arena
	parser parser
	gullet expander
	lexer  lexer
	out    []byte // the MathML, copied out at its length
}

// keptOutput and keptStack bound what a pooled engine keeps after a huge
// formula: output bytes, and entries of each stack.
const (
	keptOutput = 64 << 10
	keptStack  = 4 << 10
)

var engines = sync.Pool{New: func() any { return new(engine) }}

// start readies a pooled engine for tex.
func (e *engine) start(tex string, display bool) *parser {
	macros := e.gullet.macros.current
	if macros == nil {
		macros = map[string]*macro{}
	}
	e.lexer = lexer{in: tex}
	e.gullet = expander{lexer: &e.lexer, macros: namespace{current: macros, undo: e.gullet.macros.undo[:0]}, stack: e.gullet.stack[:0], argBuf: e.gullet.argBuf[:0]}
	e.parser = parser{display: display, gullet: &e.gullet, arena: &e.arena}
	return &e.parser
}

// release puts the engine back in the pool. The formula's definitions
// must go; its other leftovers are overwritten before they are read.
func (e *engine) release() {
	e.arena.reset()
	if cap(e.out) > keptOutput {
		e.out = nil
	}
	e.out = e.out[:0]
	g, a := &e.gullet, &e.arena
	if cap(g.stack) > keptStack || cap(g.argBuf) > keptStack {
		g.stack, g.argBuf = nil, nil
	}
	if cap(a.nodeStack) > keptStack || cap(a.srcStack) > keptStack || cap(a.elStack) > keptStack {
		a.nodeStack, a.srcStack, a.elStack = nil, nil, nil
	}
	clear(e.gullet.macros.current)
	clear(e.gullet.macros.undo[:cap(e.gullet.macros.undo)])
	engines.Put(e)
}

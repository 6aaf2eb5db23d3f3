package tex

import "strings"

type mode uint8

const (
	modeMath mode = iota
	modeText
)

// group is a symbol's TeX class, as in KaTeX's symbols table.
type group uint8

const (
	gNone group = iota
	gMathord
	gTextord
	gRel
	gBin
	gOpen
	gClose
	gPunct
	gInner
	gOpToken
	gAccentToken
	gSpacing
)

type symbol struct {
	group   group
	ams     bool
	replace string
}

// funcSpec describes how a command takes its arguments (KaTeX's
// defineFunction properties); typ selects the handler.
type funcSpec struct {
	typ      string
	numArgs  int
	numOpt   int
	argTypes string // space-separated, "-" for the default
	flags    uint8
}

const (
	fText uint8 = 1 << iota
	fNotMath
	fArgument
	fInfix
	fPrimitive
)

// argTypesOf splits each spec's argTypes once.
var argTypesOf = map[string][]string{}

func init() {
	for _, specs := range []map[string]funcSpec{functionSpecs, environmentSpecs} {
		for _, f := range specs {
			if f.argTypes != "" {
				argTypesOf[f.argTypes] = strings.Fields(f.argTypes)
			}
		}
	}
}

func (f *funcSpec) argType(i int) string {
	if f.argTypes == "" {
		return ""
	}
	fields := argTypesOf[f.argTypes]
	if i < len(fields) && fields[i] != "-" {
		return fields[i]
	}
	return ""
}

// node is a parse node. typ is KaTeX's node type ("mathord", "supsub",
// "genfrac", ...); the other fields are used as each type needs.
type node struct {
	typ    string
	pos    int
	end    int    // end of a symbol's token
	text   string // symbol text, command name, font, color, delimiter
	body   []*node
	base   *node
	sup    *node
	sub    *node
	args   []*node
	left   string
	right  string
	size   dimen
	arr    *array
	mode   mode
	family group // class of a symbol node
	flag   bool  // limits, hasBarLine, star, ...
	flag2  bool  // alwaysHandleSupSub, isBlank, ...
	// delimNext: an operator name is followed by a delimiter, so Temml puts
	// no thin space after it.
	delimNext bool
}

type dimen struct {
	num  float64
	unit string
}

func ordargument(n *node) []*node {
	if n.typ == "ordgroup" {
		return n.body
	}
	return []*node{n}
}

func normalizeArgument(n *node) *node {
	if n.typ == "ordgroup" && len(n.body) == 1 {
		return n.body[0]
	}
	return n
}

// isSymbolNode is KaTeX's checkSymbolNodeType.
func isSymbolNode(n *node) bool {
	switch n.typ {
	case "atom", "accent-token", "mathord", "op-token", "spacing", "textord":
		return true
	}
	return false
}

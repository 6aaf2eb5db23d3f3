package tex

import "strings"

type writer struct{ b *strings.Builder }

func (w *writer) math(tree []*node, tex string, display bool) {}

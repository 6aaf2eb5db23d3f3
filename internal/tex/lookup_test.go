package tex

import "testing"

// The fast paths in lookup.go skip a table for tokens that cannot be in
// it; these check that claim against the tables themselves.
func TestLookupFilters(t *testing.T) {
	for r := range unicodeSymbols {
		if r < 0x80 {
			t.Errorf("unicodeSymbols has ASCII %q, which parseSymbol skips", r)
		}
	}
	for s := range unicodeSupSub {
		if !mayBeUnicodeScript(s) {
			t.Errorf("unicodeSupSub has %q, which parseAtom skips", s)
		}
	}
	for s := range leftToRight {
		if !mayOpen(s) {
			t.Errorf("leftToRight has %q, which isOpenDelim skips", s)
		}
	}
	for _, m := range []mode{modeMath, modeText} {
		for name, want := range symbolsFor(m) {
			got, ok := lookupSymbol(m, name)
			if !ok || got != want {
				t.Errorf("lookupSymbol(%d, %q) = %v, %v; want %v", m, name, got, ok, want)
			}
		}
		for c := 0; c < 128; c++ {
			_, inTable := symbolsFor(m)[string(rune(c))]
			if _, ok := lookupSymbol(m, string(rune(c))); ok != inTable {
				t.Errorf("lookupSymbol(%d, %q) known = %v, table: %v", m, rune(c), ok, inTable)
			}
		}
	}
}

// TestBuiltinBodiesLexedOnce: every builtin body is in the table lexed at
// init, so that expanding it never lexes it again.
func TestBuiltinBodiesLexedOnce(t *testing.T) {
	for name, m := range builtins {
		if m.isStr {
			if _, ok := lexedBodies[m.str]; !ok {
				t.Errorf("the body of %s is not lexed at init", name)
			}
		}
	}
}

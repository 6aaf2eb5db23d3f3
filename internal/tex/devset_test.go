package tex

import (
	"docsite/internal/sitetest"
	"fmt"

	"encoding/json"
	"errors"
	"os"
	"testing"
)

type devFormula struct {
	TeX        string  `json:"tex"`
	Display    bool    `json:"display"`
	KatexOK    bool    `json:"katex_ok"`
	KatexError *string `json:"katex_error"`
}

// loadDevSet reads the shared fixture of real formulas with KaTeX's
// verdicts; it is not part of the repository, so tests skip without it.
func loadDevSet(tb testing.TB) []devFormula {
	tb.Helper()
	raw, err := os.ReadFile(sitetest.Shared(tb, "fixtures", "formulas-dev.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var d struct {
		Formulas []devFormula `json:"formulas"`
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		tb.Fatal(err)
	}
	return d.Formulas
}

// TestDevSetVerdicts checks that we accept and reject what KaTeX does.
func TestDevSetVerdicts(t *testing.T) {
	fs := loadDevSet(t)
	agree, fallback := 0, 0
	for _, f := range fs {
		_, err := MathML(f.TeX, f.Display)
		if cerr := Check(f.TeX, f.Display); fmt.Sprint(cerr) != fmt.Sprint(err) {
			t.Errorf("%q (display %v): Check says %v, MathML %v", f.TeX, f.Display, cerr, err)
		}
		var perr *Error
		switch {
		case errors.Is(err, ErrUnsupported):
			fallback++
			agree++
			t.Logf("falls back: %q: %v", f.TeX, err)
		case (err == nil) == f.KatexOK:
			agree++
		case errors.As(err, &perr):
			t.Errorf("rejected %q (display %v): %v", f.TeX, f.Display, err)
		default:
			t.Errorf("accepted %q, KaTeX: %v", f.TeX, *f.KatexError)
		}
	}
	rate := float64(agree) / float64(len(fs))
	t.Logf("verdicts agree on %d of %d (%.2f%%); %d fall back to KaTeX", agree, len(fs), 100*rate, fallback)
	if rate < 0.999 || fallback > 5 {
		t.Fatalf("agreement %.2f%% (need 99.9%%), %d fallbacks (need at most 5)", 100*rate, fallback)
	}
}

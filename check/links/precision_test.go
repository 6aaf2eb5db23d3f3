package links_test

import (
	"encoding/json"
	"os"
	"testing"

	"docsite/check"
	"docsite/internal/config"
	"docsite/internal/load"
	"docsite/internal/sitetest"
)

// The labelled precision sample (testdata/precision.json): findings of
// every link and citation rule on ../shared/corpus-dev, each judged by hand
// and script — true when a maintainer acts on it, false when nothing is
// broken. A finding labelled true must still be reported, one labelled
// false must not come back.
type labelled struct {
	Rule, File, Target string
	Line               int
	Verdict            bool
	Why                string
}

func TestPrecisionSample(t *testing.T) {
	dir := sitetest.Shared(t, "corpus-dev")
	raw, err := os.ReadFile("testdata/precision.json")
	if err != nil {
		t.Fatal(err)
	}
	var sample struct{ Findings []labelled }
	if err := json.Unmarshal(raw, &sample); err != nil {
		t.Fatal(err)
	}
	pl := load.NewParser()
	defer pl.Close()
	cfg := config.Default()
	s, err := pl.Site(load.Options{Content: dir, Config: cfg})
	if err != nil {
		t.Fatal(err)
	}
	type key struct{ rule, file, target string }
	reported := map[key]bool{}
	for _, d := range check.Run(s, cfg) {
		reported[key{string(d.Rule), d.File, d.Target}] = true
	}
	kept, total := map[string]int{}, map[string]int{}
	for _, f := range sample.Findings {
		got := reported[key{f.Rule, f.File, f.Target}]
		switch {
		case f.Verdict && !got:
			t.Errorf("%s:%d %s %s is labelled true (%s) and no longer reported", f.File, f.Line, f.Rule, f.Target, f.Why)
		case !f.Verdict && got:
			t.Errorf("%s:%d %s %s is labelled false (%s) and reported again", f.File, f.Line, f.Rule, f.Target, f.Why)
		}
		if got {
			total[f.Rule]++
			if f.Verdict {
				kept[f.Rule]++
			}
		}
	}
	for rule, n := range total {
		t.Logf("%s: precision %d/%d of the sample", rule, kept[rule], n)
	}
}

package check

import (
	"strings"
	"testing"

	"docsite/internal/diag"
)

// specRules are the rule IDs SPEC §9 requires.
var specRules = []diag.RuleID{"link/missing-file", "link/missing-anchor", "link/missing-image",
	"link/case-mismatch", "link/outside-content", "link/folder-without-page", "heading/duplicate-id",
	"citation/undefined", "citation/duplicate", "citation/malformed", "citation/unused",
	"citation/conflict", "glossary/conflict", "numbering/title", "numbering/heading",
	"toc/out-of-sync", "math/parse", "mermaid/unknown-type", "page/orphan", "html/missing-target",
	"html/missing-fragment", "html/script", "external/broken", "translation/out-of-sync"}

func TestRulesCatalogue(t *testing.T) {
	seen := map[diag.RuleID]bool{}
	for _, r := range Catalogue() {
		if seen[r.ID] {
			t.Errorf("rule %s listed twice", r.ID)
		}
		seen[r.ID] = true
		if r.Short == "" || r.Help == "" || len(r.Help) < len(r.Short) {
			t.Errorf("rule %s needs a short description and a longer help text", r.ID)
		}
		if r.Severity == diag.Off && !strings.Contains(r.Short, "off unless configured") {
			t.Errorf("rule %s is off by default: say so in its short description", r.ID)
		}
		if r.Severity != diag.Error && r.Severity != diag.Warning && r.Severity != diag.Off {
			t.Errorf("rule %s has default severity %v", r.ID, r.Severity)
		}
	}
	for _, id := range specRules {
		if !seen[id] {
			t.Errorf("rule %s from SPEC §9 missing", id)
		}
	}
}

func TestRuleLookup(t *testing.T) {
	cases := []struct {
		id   diag.RuleID
		ok   bool
		want diag.Severity
	}{
		{"link/missing-file", true, diag.Error},
		{"page/orphan", true, diag.Warning},
		{"numbering/heading", true, diag.Warning},
		{"citation/undefined", true, diag.Error},
		{"no/such-rule", false, diag.Error},
		{"", false, diag.Error},
	}
	for _, c := range cases {
		r, ok := Lookup(c.id)
		if ok != c.ok || (ok && (r.ID != c.id || r.Severity != c.want)) {
			t.Errorf("Lookup(%q) = %+v, %v", c.id, r, ok)
		}
	}
}

package diag

// RuleID names a rule: "link/missing-file". Every finding carries one.
type RuleID string

// Rule is one rule as its package declares it, next to the code that emits
// it: the catalogue (check/rules) gathers these lists, and the reporters,
// the configuration and docsite check --list-rules read the catalogue.
type Rule struct {
	ID       RuleID
	Severity Severity // unless docsite.yaml says otherwise
	Short    string   // one line: what the rule finds
	Help     string   // why it matters and how to fix it
}

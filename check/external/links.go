package external

import (
	"context"
	"fmt"
	"strings"

	"docsite/internal/diag"
	model "docsite/internal/site"
)

// CheckSite checks every http(s) link of the page model once and reports a
// broken URL at every place it is used (external/broken).
func CheckSite(ctx context.Context, s *model.Site, c *Checker) []diag.Diagnostic {
	type use struct {
		p *model.Page
		l model.Link
	}
	uses := map[string][]use{}
	var urls []string
	for _, p := range s.Pages {
		for _, l := range p.Links {
			lower := strings.ToLower(l.Dest)
			if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
				continue
			}
			if _, seen := uses[l.Dest]; !seen {
				urls = append(urls, l.Dest)
			}
			uses[l.Dest] = append(uses[l.Dest], use{p, l})
		}
	}
	results := c.Check(ctx, urls)
	var out []diag.Diagnostic
	for _, u := range urls {
		r := results[u]
		if r.OK || r.Unknown {
			continue
		}
		msg := r.Err
		if msg == "" {
			msg = fmt.Sprintf("HTTP %d", r.Status)
		}
		for _, us := range uses[u] {
			d := diag.Diagnostic{File: us.p.Path, Severity: diag.Error, Rule: RuleExternalBroken,
				Message: "external link is broken: " + msg, Target: u}
			us.p.Lines.Span(&d, us.l.Start, us.l.End)
			out = append(out, d)
		}
	}
	return out
}

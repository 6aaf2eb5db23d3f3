package external

import "docsite/internal/diag"

// The rules this package reports; check/rules gathers them into the catalogue.
const (
	RuleExternalBroken diag.RuleID = "external/broken"
)

// Rules describes them.
var Rules = []diag.Rule{
	{ID: RuleExternalBroken, Severity: diag.Error, Short: "External link that does not answer",
		Help: "The URL failed after retries: an HTTP error status, a timeout, a redirect loop or no connection. Update or remove the link, or exclude the URL in docsite.yaml if the site blocks robots."},
}

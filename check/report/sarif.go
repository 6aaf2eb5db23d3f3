package report

import (
	"bufio"
	"encoding/json"
	"net/url"
	"strings"

	"docsite/internal/diag"
)

const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion = "2.1.0"
	// srcRoot is the conventional base of repository-relative paths, which
	// GitHub code scanning resolves against the checkout.
	srcRoot = "%SRCROOT%"
)

// The types below are the part of the SARIF 2.1.0 object model docsite
// fills. Field order is the order of the written JSON.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri,omitempty"`
	Version        string      `json:"version,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string           `json:"id"`
	Name                 string           `json:"name"`
	ShortDescription     sarifText        `json:"shortDescription"`
	FullDescription      sarifText        `json:"fullDescription"`
	Help                 sarifText        `json:"help"`
	DefaultConfiguration sarifRuleConfig  `json:"defaultConfiguration"`
	Properties           *sarifProperties `json:"properties,omitempty"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifProperties struct {
	Tags       []string `json:"tags,omitempty"`
	Target     string   `json:"target,omitempty"`
	Suggestion string   `json:"suggestion,omitempty"`
}

type sarifResult struct {
	RuleID     string           `json:"ruleId"`
	RuleIndex  int              `json:"ruleIndex"`
	Level      string           `json:"level"`
	Message    sarifText        `json:"message"`
	Locations  []sarifLocation  `json:"locations"`
	Properties *sarifProperties `json:"properties,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

func writeSARIF(w *bufio.Writer, ds []diag.Diagnostic, _ Summary, c *config) error {
	driver := sarifDriver{Name: "docsite", InformationURI: c.infoURI, Version: c.version, Rules: []sarifRule{}}
	index := map[diag.RuleID]int{}
	addRule := func(r diag.Rule) {
		index[r.ID] = len(driver.Rules)
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   string(r.ID),
			Name:                 ruleName(string(r.ID)),
			ShortDescription:     sarifText{r.Short},
			FullDescription:      sarifText{r.Help},
			Help:                 sarifText{r.Help},
			DefaultConfiguration: sarifRuleConfig{sarifLevel(r.Severity)},
			Properties:           &sarifProperties{Tags: []string{"documentation"}},
		})
	}
	for _, r := range c.rules {
		addRule(r)
	}
	results := make([]sarifResult, 0, len(ds))
	for _, d := range ds {
		i, ok := index[d.Rule]
		if !ok { // a rule newer than the catalogue still gets a descriptor
			addRule(diag.Rule{ID: d.Rule, Short: string(d.Rule), Help: string(d.Rule), Severity: d.Severity})
			i = index[d.Rule]
		}
		res := sarifResult{
			RuleID:    string(d.Rule),
			RuleIndex: i,
			Level:     sarifLevel(d.Severity),
			Message:   sarifText{d.Message},
			Locations: []sarifLocation{{sarifPhysical{
				ArtifactLocation: sarifArtifact{URI: fileURI(c.repoPath(d.File)), URIBaseID: srcRoot},
				Region:           region(d),
			}}},
		}
		if d.Suggestion != "" {
			res.Message.Text += "\nSuggestion: " + d.Suggestion
		}
		if d.Target != "" || d.Suggestion != "" {
			res.Properties = &sarifProperties{Target: d.Target, Suggestion: d.Suggestion}
		}
		results = append(results, res)
	}
	log := sarifLog{
		Schema:  sarifSchema,
		Version: sarifVersion,
		Runs: []sarifRun{{
			Tool:       sarifTool{driver},
			ColumnKind: "unicodeCodePoints", // our columns count code points, not UTF-16 units
			Results:    results,
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}

func sarifLevel(s diag.Severity) string {
	switch s {
	case diag.Warning:
		return "warning"
	case diag.Off:
		return "none"
	}
	return "error"
}

// region keeps only positions SARIF accepts: lines and columns from 1, an
// end not before the start. A finding about a whole file has none.
func region(d diag.Diagnostic) *sarifRegion {
	if d.Line < 1 {
		return nil
	}
	r := &sarifRegion{StartLine: d.Line}
	if d.Column >= 1 {
		r.StartColumn = d.Column
	}
	switch {
	case d.EndLine > d.Line:
		r.EndLine = d.EndLine
		if d.EndColumn >= 1 {
			r.EndColumn = d.EndColumn
		}
	case d.EndLine == d.Line && r.StartColumn > 0 && d.EndColumn >= r.StartColumn:
		r.EndLine, r.EndColumn = d.EndLine, d.EndColumn
	}
	return r
}

// fileURI turns a slash path into a relative URI reference, percent-encoding
// what a URI may not hold (Chinese file names, spaces).
func fileURI(p string) string {
	u := (&url.URL{Path: p}).EscapedPath()
	if first, _, _ := strings.Cut(u, "/"); strings.Contains(first, ":") {
		u = "./" + u // else "a:b.md" would read as a URI with scheme "a"
	}
	return u
}

// ruleName is the PascalCase name SARIF viewers show next to the ID:
// link/missing-file → LinkMissingFile.
func ruleName(id string) string {
	var b strings.Builder
	up := true
	for _, r := range id {
		if r == '/' || r == '-' || r == '_' {
			up = true
			continue
		}
		if up {
			b.WriteString(strings.ToUpper(string(r)))
			up = false
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

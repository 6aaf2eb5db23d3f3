package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	"docsite/internal/diag"
)

// sarifObjects lists, for each SARIF 2.1.0 object docsite writes, the
// properties the schema allows (every one of these objects has
// "additionalProperties": false) and which are required.
var sarifObjects = map[string]struct{ allowed, required []string }{
	"sarifLog": {[]string{"$schema", "version", "runs", "inlineExternalProperties", "properties"},
		[]string{"version", "runs"}},
	"run": {[]string{"tool", "invocations", "conversion", "language", "versionControlProvenance",
		"originalUriBaseIds", "artifacts", "logicalLocations", "graphs", "results", "automationDetails",
		"runAggregates", "baselineGuid", "redactionTokens", "defaultEncoding", "defaultSourceLanguage",
		"newlineSequences", "columnKind", "externalPropertyFileReferences", "threadFlowLocations",
		"taxonomies", "addresses", "translations", "policies", "webRequests", "webResponses",
		"specialLocations", "properties"}, []string{"tool"}},
	"tool": {[]string{"driver", "extensions", "properties"}, []string{"driver"}},
	"toolComponent": {[]string{"guid", "name", "organization", "product", "productSuffix",
		"shortDescription", "fullDescription", "fullName", "version", "semanticVersion",
		"dottedQuadFileVersion", "releaseDateUtc", "downloadUri", "informationUri",
		"globalMessageStrings", "notifications", "rules", "taxa", "locations", "language", "contents",
		"isComprehensive", "localizedDataSemanticVersion", "minimumRequiredLocalizedDataSemanticVersion",
		"associatedComponent", "translationMetadata", "supportedTaxonomies", "properties"}, []string{"name"}},
	"reportingDescriptor": {[]string{"id", "deprecatedIds", "guid", "deprecatedGuids", "name",
		"deprecatedNames", "shortDescription", "fullDescription", "messageStrings",
		"defaultConfiguration", "helpUri", "help", "relationships", "properties"}, []string{"id"}},
	"multiformatMessageString": {[]string{"text", "markdown", "properties"}, []string{"text"}},
	"reportingConfiguration":   {[]string{"enabled", "level", "rank", "parameters", "properties"}, nil},
	"result": {[]string{"guid", "correlationGuid", "ruleId", "ruleIndex", "rule", "kind", "level",
		"message", "analysisTarget", "locations", "webRequest", "webResponse", "fingerprints",
		"partialFingerprints", "codeFlows", "graphs", "graphTraversals", "stacks", "relatedLocations",
		"suppressions", "baselineState", "rank", "attachments", "hostedViewerUri", "workItemUris",
		"provenance", "fixes", "taxa", "properties"}, []string{"message"}},
	"message":          {[]string{"text", "markdown", "id", "arguments", "properties"}, nil},
	"location":         {[]string{"id", "physicalLocation", "logicalLocations", "message", "annotations", "relationships", "properties"}, nil},
	"physicalLocation": {[]string{"address", "artifactLocation", "region", "contextRegion", "properties"}, nil},
	"artifactLocation": {[]string{"uri", "uriBaseId", "index", "description", "properties"}, nil},
	"region": {[]string{"startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength",
		"byteOffset", "byteLength", "snippet", "message", "sourceLanguage", "properties"}, nil},
}

// sarifChecker walks a decoded log and collects every way it breaks the
// schema's rules for the objects above.
type sarifChecker struct{ errs []string }

func (c *sarifChecker) fail(path, format string, args ...any) {
	c.errs = append(c.errs, path+": "+fmt.Sprintf(format, args...))
}

func (c *sarifChecker) object(path string, v any, kind string) map[string]any {
	m, ok := v.(map[string]any)
	if !ok {
		c.fail(path, "want an object, got %T", v)
		return nil
	}
	spec := sarifObjects[kind]
	for k := range m {
		if !slices.Contains(spec.allowed, k) {
			c.fail(path, "%s has no property %q", kind, k)
		}
	}
	for _, k := range spec.required {
		if _, ok := m[k]; !ok {
			c.fail(path, "%s lacks required %q", kind, k)
		}
	}
	if p, ok := m["properties"]; ok {
		c.propertyBag(path+".properties", p)
	}
	return m
}

func (c *sarifChecker) array(path string, v any, min int) []any {
	a, ok := v.([]any)
	if !ok {
		c.fail(path, "want an array, got %T", v)
		return nil
	}
	if len(a) < min {
		c.fail(path, "want at least %d items, got %d", min, len(a))
	}
	return a
}

func (c *sarifChecker) str(path string, v any) string {
	s, ok := v.(string)
	if !ok {
		c.fail(path, "want a string, got %T", v)
	}
	return s
}

func (c *sarifChecker) integer(path string, v any, min int) int {
	f, ok := v.(float64)
	if !ok || f != float64(int(f)) {
		c.fail(path, "want an integer, got %v", v)
		return 0
	}
	if int(f) < min {
		c.fail(path, "%v is below the minimum %d", f, min)
	}
	return int(f)
}

func (c *sarifChecker) enum(path string, v any, values ...string) {
	if s := c.str(path, v); !slices.Contains(values, s) {
		c.fail(path, "%q is not one of %v", s, values)
	}
}

func (c *sarifChecker) propertyBag(path string, v any) {
	m, ok := v.(map[string]any)
	if !ok {
		c.fail(path, "property bag must be an object")
		return
	}
	if tags, ok := m["tags"]; ok {
		seen := map[string]bool{}
		for i, t := range c.array(path+".tags", tags, 0) {
			s := c.str(fmt.Sprintf("%s.tags[%d]", path, i), t)
			if seen[s] {
				c.fail(path, "tag %q twice (tags must be unique)", s)
			}
			seen[s] = true
		}
	}
}

func (c *sarifChecker) text(path string, v any) {
	m := c.object(path, v, "multiformatMessageString")
	if m != nil {
		c.str(path+".text", m["text"])
	}
}

func (c *sarifChecker) log(v any) {
	log := c.object("$", v, "sarifLog")
	if log == nil {
		return
	}
	if s, ok := log["$schema"]; ok {
		if _, err := url.Parse(c.str("$.$schema", s)); err != nil {
			c.fail("$.$schema", "not a URI: %v", err)
		}
	}
	c.enum("$.version", log["version"], "2.1.0")
	for i, r := range c.array("$.runs", log["runs"], 0) {
		c.run(fmt.Sprintf("$.runs[%d]", i), r)
	}
}

func (c *sarifChecker) run(path string, v any) {
	run := c.object(path, v, "run")
	if run == nil {
		return
	}
	if ck, ok := run["columnKind"]; ok {
		c.enum(path+".columnKind", ck, "utf16CodeUnits", "unicodeCodePoints")
	}
	tool := c.object(path+".tool", run["tool"], "tool")
	driver := c.object(path+".tool.driver", tool["driver"], "toolComponent")
	c.str(path+".tool.driver.name", driver["name"])
	if v, ok := driver["version"]; ok {
		c.str(path+".tool.driver.version", v)
	}
	var ids []string
	if rules, ok := driver["rules"]; ok {
		for i, r := range c.array(path+".tool.driver.rules", rules, 0) {
			rp := fmt.Sprintf("%s.tool.driver.rules[%d]", path, i)
			rule := c.object(rp, r, "reportingDescriptor")
			if rule == nil {
				continue
			}
			ids = append(ids, c.str(rp+".id", rule["id"]))
			for _, k := range []string{"shortDescription", "fullDescription", "help"} {
				if t, ok := rule[k]; ok {
					c.text(rp+"."+k, t)
				}
			}
			if dc, ok := rule["defaultConfiguration"]; ok {
				conf := c.object(rp+".defaultConfiguration", dc, "reportingConfiguration")
				c.enum(rp+".defaultConfiguration.level", conf["level"], "none", "note", "warning", "error")
			}
		}
	}
	if results, ok := run["results"]; ok {
		for i, r := range c.array(path+".results", results, 0) {
			c.result(fmt.Sprintf("%s.results[%d]", path, i), r, ids)
		}
	}
}

func (c *sarifChecker) result(path string, v any, ruleIDs []string) {
	res := c.object(path, v, "result")
	if res == nil {
		return
	}
	id := c.str(path+".ruleId", res["ruleId"])
	if ri, ok := res["ruleIndex"]; ok {
		i := c.integer(path+".ruleIndex", ri, -1)
		if i < 0 || i >= len(ruleIDs) || ruleIDs[i] != id {
			c.fail(path, "ruleIndex %d does not point at rule %q", i, id)
		}
	}
	c.enum(path+".level", res["level"], "none", "note", "warning", "error")
	msg := c.object(path+".message", res["message"], "message")
	if _, ok := msg["text"]; !ok {
		c.fail(path+".message", "needs text or id")
	}
	c.str(path+".message.text", msg["text"])
	for i, l := range c.array(path+".locations", res["locations"], 0) {
		lp := fmt.Sprintf("%s.locations[%d]", path, i)
		loc := c.object(lp, l, "location")
		phys := c.object(lp+".physicalLocation", loc["physicalLocation"], "physicalLocation")
		if phys == nil {
			continue
		}
		art := c.object(lp+".physicalLocation.artifactLocation", phys["artifactLocation"], "artifactLocation")
		uri := c.str(lp+".artifactLocation.uri", art["uri"])
		if u, err := url.Parse(uri); err != nil || u.Scheme != "" || uri == "" {
			c.fail(lp, "uri %q is not a relative URI reference (%v)", uri, err)
		}
		if strings.ContainsFunc(uri, func(r rune) bool { return r > 0x7e || r <= ' ' }) {
			c.fail(lp, "uri %q holds characters a URI may not", uri)
		}
		if b, ok := art["uriBaseId"]; ok {
			c.str(lp+".uriBaseId", b)
		}
		if r, ok := phys["region"]; ok {
			c.region(lp+".physicalLocation.region", r)
		}
	}
}

func (c *sarifChecker) region(path string, v any) {
	r := c.object(path, v, "region")
	if r == nil {
		return
	}
	get := func(k string) (int, bool) {
		v, ok := r[k]
		if !ok {
			return 0, false
		}
		return c.integer(path+"."+k, v, 1), true
	}
	sl, hasSL := get("startLine")
	sc, hasSC := get("startColumn")
	el, hasEL := get("endLine")
	ec, hasEC := get("endColumn")
	if !hasSL {
		c.fail(path, "text region without startLine")
	}
	if hasEL && el < sl {
		c.fail(path, "endLine %d before startLine %d", el, sl)
	}
	if hasSC && hasEC && (!hasEL || el == sl) && ec < sc {
		c.fail(path, "endColumn %d before startColumn %d", ec, sc)
	}
}

func TestSARIFStructure(t *testing.T) {
	for _, ds := range [][]diag.Diagnostic{fixture(), nil} {
		var buf bytes.Buffer
		if err := Write(&buf, "sarif", ds, fixtureSummary, WithPathPrefix("content"), WithToolURI("https://example.org/docsite")); err != nil {
			t.Fatal(err)
		}
		var v any
		if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
			t.Fatal(err)
		}
		var c sarifChecker
		c.log(v)
		for _, e := range c.errs {
			t.Error(e)
		}
	}
}

// TestSARIFChecker makes sure the structural checker itself catches errors.
func TestSARIFChecker(t *testing.T) {
	bad := `{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x","rules":[{"id":"a"}]}},
	"results":[{"ruleId":"b","ruleIndex":0,"level":"fatal","message":{},"extra":1,
	"locations":[{"physicalLocation":{"artifactLocation":{"uri":"中.md"},"region":{"startLine":0,"startColumn":5,"endColumn":2}}}]}]}]}`
	var v any
	if err := json.Unmarshal([]byte(bad), &v); err != nil {
		t.Fatal(err)
	}
	var c sarifChecker
	c.log(v)
	for _, want := range []string{"does not point", "fatal", "no property \"extra\"", "needs text", "may not", "below the minimum", "endColumn 2 before"} {
		if !slices.ContainsFunc(c.errs, func(e string) bool { return strings.Contains(e, want) }) {
			t.Errorf("checker missed %q; found %v", want, c.errs)
		}
	}
}

func TestSARIFDetails(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, "sarif", fixture(), fixtureSummary, WithPathPrefix("content"), WithRules(testRules)); err != nil {
		t.Fatal(err)
	}
	var log sarifLog
	if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if len(run.Tool.Driver.Rules) != len(testRules)+1 {
		t.Errorf("%d rules, want the catalogue plus the unknown one", len(run.Tool.Driver.Rules))
	}
	uris := map[string]bool{}
	for _, r := range run.Results {
		uris[r.Locations[0].PhysicalLocation.ArtifactLocation.URI] = true
	}
	for _, want := range []string{"content/docs/%E4%B8%AD%E6%96%87/%E9%A1%B5%E9%9D%A2.md", "content/orphan,page:1.md"} {
		if !uris[want] {
			t.Errorf("no result at %s; have %v", want, uris)
		}
	}
	if got := fileURI("a:b.md"); got != "./a:b.md" {
		t.Errorf("fileURI(a:b.md) = %s", got)
	}
	if got := ruleName("link/missing-file"); got != "LinkMissingFile" {
		t.Errorf("ruleName = %s", got)
	}
}

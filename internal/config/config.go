// Package config reads docsite.yaml. Every key is optional; an unknown key or
// a value of the wrong type is an error that names the key and its line, so a
// typo never silently falls back to a default.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"docsite/internal/diag"
)

// Config is the whole of docsite.yaml.
type Config struct {
	Title      string            `yaml:"title"`
	BaseURL    string            `yaml:"baseURL"`
	Language   string            `yaml:"language"`
	References string            `yaml:"references"`
	Glossary   []string          `yaml:"glossary"`
	Nav        []NavOverride     `yaml:"nav"`
	Rules      map[string]string `yaml:"rules"`
	Ignore     Ignore            `yaml:"ignore"`
	External   External          `yaml:"external"`
	KeepTOC    bool              `yaml:"keepTOC"`
	Sanitize   bool              `yaml:"sanitize"`
	Search     Search            `yaml:"search"`
	Limits     Limits            `yaml:"limits"`
	Mermaid    Mermaid           `yaml:"mermaid"`
	Edit       Edit              `yaml:"edit"`
	// LastUpdated shows on each page when git last changed it (default true).
	LastUpdated bool `yaml:"lastUpdated"`

	// NavNumberDepth is how many folder levels the sidebar numbers by
	// position where authors gave no number of their own (0: none).
	NavNumberDepth int `yaml:"navNumberDepth"`
}

// Limits bound what one page may cost: a page over them is published as
// plain text with a finding, so one file cannot stall a build or the gate.
type Limits struct {
	PageSize int `yaml:"pageSize"` // bytes of Markdown (default 10 MB; the real corpus's largest is 215 KB)
	Nesting  int `yaml:"nesting"`  // depth of lists, quotes and brackets (default 100)
}

// NavOverride changes the title or weight of one page or folder in the sidebar.
type NavOverride struct {
	Path   string `yaml:"path"`
	Title  string `yaml:"title"`
	Weight int    `yaml:"weight"`
}

// Ignore lists globs of content files and of link targets the checker skips.
type Ignore struct {
	Files   []string `yaml:"files"`
	Targets []string `yaml:"targets"`
}

// External configures the external link checker.
type External struct {
	Concurrency int      `yaml:"concurrency"`
	PerHost     int      `yaml:"perHost"`
	Timeout     string   `yaml:"timeout"`
	Accept      []int    `yaml:"accept"`
	Exclude     []string `yaml:"exclude"`
	CacheMaxAge string   `yaml:"cacheMaxAge"`
}

// Search configures the search index.
type Search struct {
	IncludeCode bool `yaml:"includeCode"`
}

// Default is the configuration of a folder with no docsite.yaml.
func Default() *Config {
	// Raw HTML is sanitized unless the site says its content is trusted:
	// pages arrive through pull requests, and GitHub, which the knowledge
	// base is written for, shows the same allow-list.
	// No title: the site takes its root page's H1, else its folder's name.
	return &Config{Language: "zh-CN", BaseURL: "/", NavNumberDepth: 3, Sanitize: true, LastUpdated: true,
		Limits: Limits{PageSize: 10 << 20, Nesting: 100}}
}

// Option changes how a configuration is read.
type Option func(*options)

type options struct{ rules []string }

// WithRules names every rule there is, so a misspelt rule under rules: is
// an error (the checker's catalogue, which this package cannot import).
func WithRules(ids []string) Option { return func(o *options) { o.rules = ids } }

// Load reads the file at path. A missing file at the default path is not an
// error: the caller passes required=false for it.
func Load(path string, required bool, opts ...Option) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if !required && errors.Is(err, os.ErrNotExist) {
			return Default(), nil
		}
		return nil, err
	}
	return Parse(path, data, opts...)
}

// Parse decodes data strictly and checks every value with a fixed set of
// spellings: severities, rule names, durations, limits and patterns. An
// error names the key and its line.
func Parse(name string, data []byte, opts ...Option) (*Config, error) {
	var o options
	for _, f := range opts {
		f(&o)
	}
	cfg := Default()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(cfg); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %s", name, cleanYAMLError(err, data))
	}
	for _, rule := range slices.Sorted(maps.Keys(cfg.Rules)) {
		if _, ok := diag.ParseSeverity(cfg.Rules[rule]); !ok {
			return nil, fmt.Errorf("%s: rules.%s: severity %q is not one of error, warning, off", name, rule, cfg.Rules[rule])
		}
		if o.rules != nil && !slices.Contains(o.rules, rule) {
			return nil, fmt.Errorf("%s: line %d: rules: unknown rule %q (docsite check --list-rules lists every rule)", name, KeyLine(data, rule), rule)
		}
	}
	if cfg.NavNumberDepth < 0 {
		return nil, fmt.Errorf("%s: line %d: navNumberDepth: %d is below zero (0 turns position numbers off)", name, KeyLine(data, "navNumberDepth"), cfg.NavNumberDepth)
	}
	if cfg.Limits.PageSize <= 0 || cfg.Limits.Nesting <= 0 {
		key := "pageSize"
		if cfg.Limits.PageSize > 0 {
			key = "nesting"
		}
		return nil, fmt.Errorf("%s: line %d: limits.%s must be above zero", name, KeyLine(data, key), key)
	}
	if err := cfg.External.validate(); err != nil {
		return nil, fmt.Errorf("%s: line %d: external.%s", name, KeyLine(data, err.key), err.msg)
	}
	if err := cfg.Mermaid.validate(); err != nil {
		return nil, fmt.Errorf("%s: line %d: mermaid.%s", name, KeyLine(data, err.key), err.msg)
	}
	if err := cfg.Edit.validate(); err != nil {
		return nil, fmt.Errorf("%s: line %d: edit.%s", name, KeyLine(data, err.key), err.msg)
	}
	if cfg.Language == "" {
		cfg.Language = "zh-CN"
	}
	if cfg.BaseURL == "" {
		cfg.BaseURL = "/"
	}
	return cfg, nil
}

// cleanYAMLError turns yaml.v3's "line 3: field x not found in type config.Config"
// into words an author understands, and names the key of a wrong value,
// which yaml.v3 leaves out ("line 3: cannot unmarshal !!int `3` into []string").
func cleanYAMLError(err error, data []byte) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.ReplaceAll(msg, "unmarshal errors:\n  ", "")
	if i := strings.Index(msg, " not found in type "); i >= 0 && strings.Contains(msg, "field ") {
		return strings.Replace(msg[:i], "field ", "unknown key ", 1)
	}
	var line int
	if _, err := fmt.Sscanf(msg, "line %d:", &line); err == nil && strings.Contains(msg, "cannot unmarshal") {
		if key := keyOnLine(data, line); key != "" {
			msg = strings.Replace(msg, ":", ": key "+key+":", 1)
		}
	}
	return msg
}

// keyOnLine finds the key a value on 1-based line n belongs to: the key on
// that line, or the nearest one above it (a list item's parent key).
func keyOnLine(data []byte, n int) string {
	lines := strings.Split(string(data), "\n")
	for i := min(n, len(lines)) - 1; i >= 0; i-- {
		l := strings.TrimSpace(lines[i])
		if k, _, ok := strings.Cut(l, ":"); ok && k != "" && !strings.HasPrefix(l, "-") && !strings.HasPrefix(l, "#") {
			return k
		}
	}
	return ""
}

// KeyLine returns the 1-based line of the first line in data that defines
// key, or 0; the command line uses it to place errors it finds later.
func KeyLine(data []byte, key string) int {
	for i, l := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(l)
		t = strings.Trim(t, "'\"")
		if strings.HasPrefix(t, key+":") || strings.HasPrefix(t, "\""+key+"\":") || strings.HasPrefix(t, "'"+key+"':") {
			return i + 1
		}
	}
	return 0
}

// Severity returns the configured severity of rule, or def when unset.
func (c *Config) Severity(rule diag.RuleID, def diag.Severity) diag.Severity {
	if s, ok := c.Rules[string(rule)]; ok {
		sev, _ := diag.ParseSeverity(s)
		return sev
	}
	return def
}

type keyError struct{ key, msg string }

// validate checks the external checker's settings: a duration that does not
// parse, or a limit below zero, would otherwise fall back to a default
// without a word.
func (e External) validate() *keyError {
	for _, d := range []struct{ key, value string }{{"timeout", e.Timeout}, {"cacheMaxAge", e.CacheMaxAge}} {
		if d.value == "" {
			continue
		}
		v, err := time.ParseDuration(d.value)
		if err != nil || v <= 0 {
			return &keyError{d.key, fmt.Sprintf("%s: %q is not a positive duration such as 10s, 2m or 24h", d.key, d.value)}
		}
	}
	for _, n := range []struct {
		key   string
		value int
	}{{"concurrency", e.Concurrency}, {"perHost", e.PerHost}} {
		if n.value < 0 {
			return &keyError{n.key, fmt.Sprintf("%s: %d is below zero (leave it out for the default)", n.key, n.value)}
		}
	}
	for _, pat := range e.Exclude {
		if _, err := regexp.Compile(pat); err != nil {
			return &keyError{"exclude", fmt.Sprintf("exclude: %q is not a regular expression: %v", pat, err)}
		}
	}
	for _, code := range e.Accept {
		if code < 100 || code > 599 {
			return &keyError{"accept", fmt.Sprintf("accept: %d is not an HTTP status code", code)}
		}
	}
	return nil
}

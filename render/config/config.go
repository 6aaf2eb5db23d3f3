// Package config reads docsite.yaml. Every key is optional; an unknown key or
// a value of the wrong type is an error that names the key and its line, so a
// typo never silently falls back to a default.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"gopkg.in/yaml.v3"

	"docsite/render/diag"
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
	return &Config{Title: "docsite", Language: "zh-CN", BaseURL: "/"}
}

// Load reads the file at path. A missing file at the default path is not an
// error: the caller passes required=false for it.
func Load(path string, required bool) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if !required && errors.Is(err, os.ErrNotExist) {
			return Default(), nil
		}
		return nil, err
	}
	return Parse(path, data)
}

// Parse decodes data strictly and checks the values that have a fixed set of spellings.
func Parse(name string, data []byte) (*Config, error) {
	cfg := Default()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(cfg); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %s", name, cleanYAMLError(err))
	}
	for rule, sev := range cfg.Rules {
		if _, ok := diag.ParseSeverity(sev); !ok {
			return nil, fmt.Errorf("%s: rules.%s: severity %q is not one of error, warning, off", name, rule, sev)
		}
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
// into words an author understands.
func cleanYAMLError(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.ReplaceAll(msg, "unmarshal errors:\n  ", "")
	if i := strings.Index(msg, " not found in type "); i >= 0 && strings.Contains(msg, "field ") {
		msg = strings.Replace(msg[:i], "field ", "unknown key ", 1)
	}
	return msg
}

// Severity returns the configured severity of rule, or def when unset.
func (c *Config) Severity(rule string, def diag.Severity) diag.Severity {
	if s, ok := c.Rules[rule]; ok {
		sev, _ := diag.ParseSeverity(s)
		return sev
	}
	return def
}

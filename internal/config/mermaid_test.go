package config

import (
	"strings"
	"testing"
)

func TestMermaid(t *testing.T) {
	cfg, err := Parse("docsite.yaml", []byte("mermaid:\n  render: build\n"))
	if err != nil || !cfg.Mermaid.AtBuild() {
		t.Fatalf("render: build: %v, %+v", err, cfg)
	}
	if cfg, _ := Parse("docsite.yaml", []byte("title: x\n")); cfg.Mermaid.AtBuild() {
		t.Error("drawn at build time by default")
	}
	for src, want := range map[string]string{
		"mermaid:\n  render: server\n":            `docsite.yaml: line 2: mermaid.render: "server" is not one of client, build`,
		"mermaid:\n  chromium: /no/such/chrome\n": `docsite.yaml: line 2: mermaid.chromium: no browser at "/no/such/chrome"`,
		"mermaid:\n  renderer: build\n":           "unknown key renderer",
	} {
		if _, err := Parse("docsite.yaml", []byte(src)); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %s", src, err, want)
		}
	}
}

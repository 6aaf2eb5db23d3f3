package config

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	cfg, err := Parse("docsite.yaml", []byte("title: 知识库\nlanguage: en\nrules:\n  page/orphan: off\nignore:\n  targets: ['http://localhost*']\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Title != "知识库" || cfg.Language != "en" || cfg.Rules["page/orphan"] != "off" || cfg.Ignore.Targets[0] != "http://localhost*" {
		t.Fatalf("decoded %+v", cfg)
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct{ in, want string }{
		{"title: x\ntitel: y\n", "line 2: unknown key titel"},
		{"title: x\nrules:\n  link/missing-file: loud\n", `severity "loud"`},
		{"glossary: 3\n", "line 1: key glossary"},
		{"title: x\nignore:\n  files: 3\n", "line 3: key files"},
		{"title: [\n", "docsite.yaml"},
	}
	for _, c := range cases {
		_, err := Parse("docsite.yaml", []byte(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Parse(%q) error = %v, want it to contain %q", c.in, err, c.want)
		}
	}
}

func TestEmpty(t *testing.T) {
	cfg, err := Parse("docsite.yaml", nil)
	if err != nil || cfg.Language != "zh-CN" || cfg.BaseURL != "/" {
		t.Fatalf("%+v %v", cfg, err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("title: x\nrules:\n  a: error\n"))
	f.Add([]byte("nav:\n- path: a\n  weight: 2\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse("f.yaml", data)
		if err == nil && cfg == nil {
			t.Fatal("nil config without error")
		}
	})
}

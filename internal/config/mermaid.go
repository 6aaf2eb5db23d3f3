package config

import (
	"fmt"
	"os"
)

// Mermaid says where diagrams are drawn.
type Mermaid struct {
	// Render is "client" (the default: mermaid draws in the reader's
	// browser, loaded when a diagram nears the viewport) or "build" (SVG
	// drawn at build time in headless Chromium; pages carry no script).
	Render string `yaml:"render"`
	// Chromium is the browser for render: build; "" looks on PATH.
	Chromium string `yaml:"chromium"`
}

// AtBuild reports whether diagrams are drawn at build time.
func (m Mermaid) AtBuild() bool { return m.Render == "build" }

func (m Mermaid) validate() *keyError {
	switch m.Render {
	case "", "client", "build":
	default:
		return &keyError{"render", fmt.Sprintf("render: %q is not one of client, build", m.Render)}
	}
	if m.Chromium != "" {
		if fi, err := os.Stat(m.Chromium); err != nil || fi.IsDir() {
			return &keyError{"chromium", fmt.Sprintf("chromium: no browser at %q", m.Chromium)}
		}
	}
	return nil
}

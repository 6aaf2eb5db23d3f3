package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// Violation is one axe-core rule a page breaks, with the elements that
// break it (CSS selectors and axe's own summary of what is wrong).
type Violation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Nodes  []string `json:"nodes"`
	// Sidebar: every element at fault is inside the site navigation
	// (#sidebar), whose markup is built apart from the page's.
	Sidebar bool `json:"sidebar"`
}

func (v Violation) String() string {
	nodes := v.Nodes
	if len(nodes) > 3 {
		nodes = append(nodes[:3:3], fmt.Sprintf("… %d more", len(v.Nodes)-3))
	}
	return fmt.Sprintf("%s (%s): %s\n\t%s", v.ID, v.Impact, v.Help, strings.Join(nodes, "\n\t"))
}

var (
	axeOnce   sync.Once
	axeSource string
)

// axeScript is axe-core's browser build from the test-only npm folder
// (make axe installs it); "" when it is not installed.
func axeScript() string {
	axeOnce.Do(func() {
		_, self, _, _ := runtime.Caller(0)
		b, err := os.ReadFile(filepath.Join(filepath.Dir(self), "testdata", "axe", "node_modules", "axe-core", "axe.min.js"))
		if err == nil {
			axeSource = string(b)
		}
	})
	return axeSource
}

// RequireAxe skips the test when axe-core is not installed.
func RequireAxe(t *testing.T) {
	t.Helper()
	if axeScript() == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("axe-core is not installed; make test runs make axe")
		}
		t.Skip("axe-core not installed (make axe)")
	}
}

// Axe injects axe-core into the page open in ctx, runs its default rule
// set (WCAG 2.x A/AA and best practices) and returns the violations.
func Axe(t *testing.T, ctx context.Context) []Violation {
	t.Helper()
	RequireAxe(t)
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](axeScript()+";true")); err != nil {
		t.Fatalf("injecting axe-core: %v", err)
	}
	const run = `axe.run(document, {resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations.map(v => ({
		id: v.id, impact: v.impact || "", help: v.help,
		nodes: v.nodes.map(n => n.target.join(" ") + " — " + (n.failureSummary || "").replace(/\s+/g, " ").slice(0, 240)),
		sidebar: v.nodes.every(n => { const e = typeof n.target[0] === "string" && document.querySelector(n.target[0]); return !!(e && e.closest("#sidebar")); }),
	}))))`
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](run, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("running axe-core: %v", err)
	}
	var vs []Violation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatalf("axe-core's answer: %v", err)
	}
	return vs
}

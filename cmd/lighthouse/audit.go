package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// categories are the Lighthouse categories of the budget, in table order.
var categories = []string{"performance", "accessibility", "best-practices", "seo"}

// metrics are the performance audits shown beside the score.
var metrics = []string{"first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
	"cumulative-layout-shift", "speed-index"}

// result is one page's report, reduced to what the table shows.
type result struct {
	Page    target
	Scores  map[string]int    // category → 0…100
	Metrics map[string]string // metric audit → its display value
	Failing []string          // "category: audit id (title)" for audits short of full marks
	Weight  int               // bytes transferred, from the report
}

func (r result) summary() string {
	var parts []string
	for _, c := range categories {
		parts = append(parts, fmt.Sprintf("%s %d", c, r.Scores[c]))
	}
	return strings.Join(parts, ", ")
}

// report is the part of Lighthouse's JSON read here.
type report struct {
	Categories map[string]struct {
		Score     *float64 `json:"score"`
		AuditRefs []struct {
			ID     string  `json:"id"`
			Weight float64 `json:"weight"`
		} `json:"auditRefs"`
	} `json:"categories"`
	Audits map[string]struct {
		Title        string   `json:"title"`
		Score        *float64 `json:"score"`
		DisplayValue string   `json:"displayValue"`
		NumericValue float64  `json:"numericValue"`
	} `json:"audits"`
	RuntimeError *struct {
		Code, Message string
	} `json:"runtimeError"`
}

// audit runs Lighthouse once on u with its default (mobile) settings.
func audit(o options, u string) (result, error) {
	dir, err := os.MkdirTemp("", "docsite-lighthouse-")
	if err != nil {
		return result{}, err
	}
	defer os.RemoveAll(dir)
	out := filepath.Join(dir, "report.json")
	cmd := exec.Command("node", o.lighthouse, u, "--output=json", "--output-path="+out, "--quiet",
		"--only-categories="+strings.Join(categories, ","),
		"--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage")
	cmd.Env = append(os.Environ(), "CHROME_PATH="+o.chrome)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return result{}, fmt.Errorf("%v: %s", err, lastLines(stderr.String(), 5))
	}
	b, err := os.ReadFile(out)
	if err != nil {
		return result{}, err
	}
	return parse(b)
}

func parse(b []byte) (result, error) {
	var rep report
	if err := json.Unmarshal(b, &rep); err != nil {
		return result{}, err
	}
	if rep.RuntimeError != nil && rep.RuntimeError.Code != "" {
		return result{}, fmt.Errorf("lighthouse: %s: %s", rep.RuntimeError.Code, rep.RuntimeError.Message)
	}
	r := result{Scores: map[string]int{}, Metrics: map[string]string{}}
	for _, c := range categories {
		cat, ok := rep.Categories[c]
		if !ok || cat.Score == nil {
			return result{}, fmt.Errorf("no %s score in the report", c)
		}
		r.Scores[c] = int(math.Round(*cat.Score * 100))
		if c == "performance" {
			continue
		}
		for _, ref := range cat.AuditRefs {
			a := rep.Audits[ref.ID]
			if ref.Weight > 0 && a.Score != nil && *a.Score < 1 {
				r.Failing = append(r.Failing, c+": "+ref.ID+" ("+a.Title+")")
			}
		}
	}
	for _, m := range metrics {
		r.Metrics[m] = rep.Audits[m].DisplayValue
	}
	r.Weight = int(rep.Audits["total-byte-weight"].NumericValue)
	return r, nil
}

// median is the run with the median performance score: the metrics shown
// then belong to the score shown.
func median(runs []result) result {
	s := slices.Clone(runs)
	slices.SortStableFunc(s, func(a, b result) int { return a.Scores["performance"] - b.Scores["performance"] })
	return s[len(s)/2]
}

// belowBudget names each page and category short of the budget.
func belowBudget(rs []result) []string {
	var out []string
	for _, r := range rs {
		for _, c := range categories {
			want := 100
			if c == "performance" {
				want = 90
			}
			if r.Scores[c] < want {
				out = append(out, fmt.Sprintf("%s %s %d < %d", label(r.Page), c, r.Scores[c], want))
			}
		}
	}
	return out
}

// markdown is the table for the README, then the metrics and failing audits.
func markdown(rs []result) string {
	var b strings.Builder
	b.WriteString("| page | HTML | transferred | perf | a11y | best practices | SEO | FCP | LCP | TBT | CLS |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for _, r := range rs {
		fmt.Fprintf(&b, "| %s | %s | %s | %d | %d | %d | %d | %s | %s | %s | %s |\n", label(r.Page), kb(r.Page.Bytes), kb(r.Weight),
			r.Scores["performance"], r.Scores["accessibility"], r.Scores["best-practices"], r.Scores["seo"],
			r.Metrics["first-contentful-paint"], r.Metrics["largest-contentful-paint"],
			r.Metrics["total-blocking-time"], r.Metrics["cumulative-layout-shift"])
	}
	for _, r := range rs {
		for _, f := range r.Failing {
			fmt.Fprintf(&b, "\n- %s: %s", label(r.Page), f)
		}
	}
	if b.String()[b.Len()-1] != '\n' {
		b.WriteByte('\n')
	}
	return b.String()
}

func kb(n int) string { return fmt.Sprintf("%.0f KB", float64(n)/1024) }

func escapePath(p string) string { return (&url.URL{Path: p}).EscapedPath() }

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

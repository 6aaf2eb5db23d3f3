// Package baseline records the findings a corpus has today so that a gate can
// report only new ones. A finding is known by its file, rule and target, not
// its line: an edit above an old broken link must not bring it back, and a
// reworded message in a newer docsite must not either.
package baseline

import (
	"docsite/internal/atomic"

	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"slices"

	"docsite/internal/diag"
)

// Version is the file format written by Write; Load refuses newer ones.
const Version = 1

// Entry is one key of the baseline and how many findings share it.
type Entry struct {
	File   string `json:"file"`
	Rule   string `json:"rule"`
	Target string `json:"target,omitempty"`
	Count  int    `json:"count,omitempty"` // omitted when 1
}

// Baseline is a loaded baseline file.
type Baseline struct {
	Version int     `json:"version"`
	Entries []Entry `json:"findings"`
}

type key struct{ file, rule, target string }

func keyOf(d diag.Diagnostic) key { return key{d.File, string(d.Rule), d.Target} }

// New counts findings by key, in a stable order.
func New(ds []diag.Diagnostic) *Baseline {
	counts := map[key]int{}
	for _, d := range ds {
		counts[keyOf(d)]++
	}
	b := &Baseline{Version: Version, Entries: make([]Entry, 0, len(counts))}
	for k, n := range counts {
		b.Entries = append(b.Entries, Entry{File: k.file, Rule: k.rule, Target: k.target, Count: n})
	}
	slices.SortFunc(b.Entries, func(x, y Entry) int {
		return cmp.Or(cmp.Compare(x.File, y.File), cmp.Compare(x.Rule, y.Rule), cmp.Compare(x.Target, y.Target))
	})
	return b
}

// Len is the number of findings the baseline holds.
func (b *Baseline) Len() int {
	n := 0
	for _, e := range b.Entries {
		n += max(e.Count, 1)
	}
	return n
}

// Write records ds in the file at path, replacing it atomically: a gate
// reading the baseline never sees half a file.
func Write(path string, ds []diag.Diagnostic) error {
	data, err := New(ds).Marshal()
	if err != nil {
		return err
	}
	return atomic.WriteFile(path, data)
}

// Marshal encodes the baseline one finding per line, so that a pull request
// that fixes a link shows as a one-line deletion in review.
func (b *Baseline) Marshal() ([]byte, error) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "{\"version\": %d,\n \"findings\": [", b.Version)
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // keep "<" and "&" in targets readable
	for i, e := range b.Entries {
		if e.Count == 1 {
			e.Count = 0
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString("\n  ")
		if err := enc.Encode(e); err != nil {
			return nil, err
		}
		buf.Truncate(buf.Len() - 1) // Encode ends with a newline
	}
	buf.WriteString("\n]}\n")
	return buf.Bytes(), nil
}

// Load reads a baseline file.
func Load(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(data)
}

// Parse decodes a baseline.
func Parse(data []byte) (*Baseline, error) {
	var b Baseline
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("not a docsite baseline: %v", err)
	}
	if b.Version < 1 || b.Version > Version {
		return nil, fmt.Errorf("baseline version %d is not supported (this docsite reads version %d)", b.Version, Version)
	}
	return &b, nil
}

// Follow returns a copy of the baseline with files renamed as renames says
// (old path → new path, as from changed.Changes). A pull request that moves a
// folder then is not blamed for the old breakage that moved along; a link the
// move did break has a key the baseline never held, so it is still reported.
func (b *Baseline) Follow(renames map[string]string) *Baseline {
	out := &Baseline{Version: b.Version, Entries: slices.Clone(b.Entries)}
	for i, e := range out.Entries {
		if to, ok := renames[e.File]; ok && to != "" {
			out.Entries[i].File = to
		}
	}
	return out
}

// Filter returns the findings of ds that the baseline does not hold, in the
// order of ds. When a key occurs more often today than in the baseline, the
// surplus is new; the findings reported are the last ones in the file,
// because an author usually appends rather than prepends.
func (b *Baseline) Filter(ds []diag.Diagnostic) []diag.Diagnostic {
	known := map[key]int{}
	for _, e := range b.Entries {
		known[key{e.File, e.Rule, e.Target}] += max(e.Count, 1)
	}
	// Visit each key's findings in file order, whatever order ds is in.
	order := make([]int, len(ds))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, c := ds[i], ds[j]
		return cmp.Or(cmp.Compare(a.Line, c.Line), cmp.Compare(a.Column, c.Column))
	})
	isNew := make([]bool, len(ds))
	for _, i := range order {
		k := keyOf(ds[i])
		if known[k] > 0 {
			known[k]--
			continue
		}
		isNew[i] = true
	}
	var out []diag.Diagnostic
	for i, d := range ds {
		if isNew[i] {
			out = append(out, d)
		}
	}
	return out
}

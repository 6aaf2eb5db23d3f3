package vcs

import (
	"strings"
	"time"
)

// parseLog reads `git log -z --format=%x1e%cI --name-status -M`, newest
// commit first, into each current file's last change. A file's date is
// that of the newest commit that changed its content: a pure rename (R100)
// carries the file's older history over to its new name without dating it,
// a rename with edits dates it, and a file deleted since is left out.
func parseLog(out string) map[string]time.Time {
	updated := map[string]time.Time{}
	seen := map[string]bool{}
	renamed := map[string]string{} // an old name → the name the file has now
	current := func(p string) string {
		if now, ok := renamed[p]; ok {
			return now
		}
		return p
	}
	for _, commit := range strings.Split(out, "\x1e") {
		date, rest, ok := strings.Cut(commit, "\x00")
		if !ok {
			continue
		}
		when, err := time.Parse(time.RFC3339, strings.TrimSpace(date))
		if err != nil {
			continue
		}
		fields := strings.Split(strings.TrimLeft(rest, "\n"), "\x00")
		for i := 0; i < len(fields); i++ {
			status := fields[i]
			if status == "" {
				continue
			}
			switch status[0] {
			case 'R', 'C':
				if i+2 >= len(fields) {
					i = len(fields)
					continue
				}
				from, to := fields[i+1], current(fields[i+2])
				i += 2
				if status[0] == 'R' {
					renamed[from] = to
				}
				// A copy is a new file; a rename that kept every line is not a change.
				if status[0] == 'C' || status != "R100" {
					date1(updated, seen, to, when)
				}
			default:
				if i+1 >= len(fields) {
					continue
				}
				name := current(fields[i+1])
				i++
				if status[0] == 'D' {
					seen[name] = true
					continue
				}
				date1(updated, seen, name, when)
			}
		}
	}
	return updated
}

// date1 dates a file by the newest commit that changed it: the first seen.
func date1(updated map[string]time.Time, seen map[string]bool, name string, when time.Time) {
	if seen[name] {
		return
	}
	seen[name] = true
	updated[name] = when
}

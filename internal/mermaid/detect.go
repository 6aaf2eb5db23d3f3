package mermaid

import (
	"strings"
)

// keywords are the first words that the mermaid version pinned in
// themes/default/package-lock.json recognises (the detectors registered in
// its browser bundle; zenuml is an external plugin that the bundle lacks).
// TestKeywordsMatchMermaid checks this list against node_modules.
var keywords = map[string]bool{
	"graph": true, "flowchart": true, "flowchart-v2": true, "flowchart-elk": true,
	"sequenceDiagram": true, "classDiagram": true, "classDiagram-v2": true,
	"stateDiagram": true, "stateDiagram-v2": true, "erDiagram": true,
	"journey": true, "gantt": true, "pie": true, "quadrantChart": true,
	"requirement": true, "requirementDiagram": true, "gitGraph": true,
	"C4Context": true, "C4Container": true, "C4Component": true, "C4Dynamic": true, "C4Deployment": true,
	"mindmap": true, "timeline": true, "kanban": true, "info": true,
	"sankey": true, "sankey-beta": true, "xychart": true, "xychart-beta": true,
	"block": true, "block-beta": true, "packet": true, "packet-beta": true,
	"architecture": true, "architecture-beta": true, "radar-beta": true,
	"treemap": true, "treemap-beta": true, "treeView-beta": true, "venn-beta": true,
	"usecase-beta": true, "cynefin-beta": true, "eventmodeling": true,
	"agentflow-beta": true, "swimlane-beta": true,
}

// caseless are keywords whose detector ignores case (its regexp has /i).
var caseless = map[string]bool{
	"ishikawa": true, "ishikawa-beta": true, "wardley-beta": true,
	"railroad-beta": true, "railroad-ebnf-beta": true, "railroad-abnf-beta": true, "railroad-peg-beta": true,
}

// DiagramType returns the first keyword of a mermaid source, after the
// blank lines, a leading --- front-matter block, %%{…}%% directives and
// %% comments that mermaid skips, and whether mermaid knows it. kind is
// "" for a source with no keyword at all.
func DiagramType(src string) (kind string, known bool) {
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	// Front matter: a line of --- and everything up to the next one. An
	// unclosed block is not front matter (mermaid reads it as text).
	if i < len(lines) && strings.TrimSpace(lines[i]) == "---" {
		for j := i + 1; j < len(lines); j++ {
			if strings.TrimSpace(lines[j]) == "---" {
				i = j + 1
				break
			}
		}
	}
	for ; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		switch {
		case line == "":
			continue
		case strings.HasPrefix(line, "%%{"):
			// A directive may span lines up to its }%%.
			for !strings.Contains(lines[i], "}%%") && i+1 < len(lines) {
				i++
			}
			continue
		case strings.HasPrefix(line, "%%"):
			continue
		}
		kind = firstWord(line)
		return kind, keywords[kind] || caseless[strings.ToLower(kind)]
	}
	return "", false
}

// firstWord returns the leading run of letters, digits, '-' and '_'
// ("stateDiagram-v2" in "stateDiagram-v2", "gitGraph" in "gitGraph:").
func firstWord(line string) string {
	end := len(line)
	for i, r := range line {
		if !(r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			end = i
			break
		}
	}
	if end == 0 {
		// Not a word at all ("→ graph"): report the first field.
		if f := strings.Fields(line); len(f) > 0 {
			return f[0]
		}
	}
	return line[:end]
}

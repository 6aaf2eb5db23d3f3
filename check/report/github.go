package report

import (
	"bufio"
	"strconv"
	"strings"

	"docsite/internal/diag"
)

// writeGitHub prints one workflow command per finding, which GitHub Actions
// turns into an annotation on the pull request's diff.
func writeGitHub(w *bufio.Writer, ds []diag.Diagnostic, _ Summary, c *config) error {
	for _, d := range ds {
		cmd := "error"
		if d.Severity == diag.Warning {
			cmd = "warning"
		}
		w.WriteString("::" + cmd + " file=" + escapeProperty(c.repoPath(d.File)))
		if d.Line > 0 {
			w.WriteString(",line=" + strconv.Itoa(d.Line))
			// GitHub applies columns only to single-line annotations.
			switch {
			case d.EndLine > d.Line:
				w.WriteString(",endLine=" + strconv.Itoa(d.EndLine))
			case d.Column > 0:
				w.WriteString(",col=" + strconv.Itoa(d.Column))
				if d.EndLine == d.Line && d.EndColumn > d.Column {
					w.WriteString(",endLine=" + strconv.Itoa(d.EndLine) + ",endColumn=" + strconv.Itoa(d.EndColumn))
				}
			}
		}
		w.WriteString(",title=" + escapeProperty(string(d.Rule)) + "::")
		msg := d.Message
		if d.Suggestion != "" {
			msg += "\nsuggestion: " + d.Suggestion
		}
		w.WriteString(escapeData(msg))
		w.WriteByte('\n')
	}
	return nil
}

// The runner reads '%', CR and LF in a command's message as escapes.
var dataEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")

// Properties also need ':' and ',' escaped, since those end a property.
var propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }

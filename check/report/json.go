package report

import (
	"bufio"
	"strconv"
	"unicode/utf8"

	"docsite/internal/diag"
)

// writeJSON writes SPEC §9's report, keys in the spec's order, indented by
// two spaces. It is written by hand rather than by encoding/json: a report
// of a few thousand findings is on the pull-request gate's path, and
// encoding then indenting it took a tenth of a warm check.
// TestJSONMatchesEncodingJSON holds it to encoding/json's output.
func writeJSON(w *bufio.Writer, ds []diag.Diagnostic, sum Summary, _ *config) error {
	b := make([]byte, 0, 512)
	b = append(b, "{\n  \"version\": 1,\n  \"summary\": {\n"...)
	b = jsonInt(b, summaryIndent, "files", sum.Files, true)
	b = jsonInt(b, summaryIndent, "links", sum.Links, true)
	b = jsonInt(b, summaryIndent, "errors", sum.Errors, true)
	b = jsonInt(b, summaryIndent, "warnings", sum.Warnings, false)
	b = append(b, "  },\n  \"diagnostics\": ["...)
	for i, d := range ds {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n    {\n"...)
		b = jsonString(b, "file", d.File, true)
		b = jsonInt(b, memberIndent, "line", d.Line, true)
		b = jsonInt(b, memberIndent, "column", d.Column, true)
		b = jsonInt(b, memberIndent, "endLine", d.EndLine, true)
		b = jsonInt(b, memberIndent, "endColumn", d.EndColumn, true)
		b = jsonString(b, "severity", d.Severity.String(), true)
		b = jsonString(b, "rule", string(d.Rule), true)
		b = jsonString(b, "message", d.Message, d.Target != "" || d.Suggestion != "")
		if d.Target != "" {
			b = jsonString(b, "target", d.Target, d.Suggestion != "")
		}
		if d.Suggestion != "" {
			b = jsonString(b, "suggestion", d.Suggestion, false)
		}
		b = append(b, "    }"...)
		if len(b) > 32<<10 {
			if _, err := w.Write(b); err != nil {
				return err
			}
			b = b[:0]
		}
	}
	if len(ds) > 0 {
		b = append(b, "\n  "...)
	}
	b = append(b, "]\n}\n"...)
	_, err := w.Write(b)
	return err
}

// The summary's members sit at four spaces, a diagnostic's at six.
const summaryIndent, memberIndent = "    ", "      "

// jsonInt and jsonString write one member, a comma after it when more
// follow.
func jsonInt(b []byte, indent, key string, v int, more bool) []byte {
	b = jsonKey(b, indent, key)
	b = strconv.AppendInt(b, int64(v), 10)
	return endMember(b, more)
}

func jsonString(b []byte, key, v string, more bool) []byte {
	b = jsonKey(b, memberIndent, key)
	b = appendJSONString(b, v)
	return endMember(b, more)
}

func jsonKey(b []byte, indent, key string) []byte {
	b = append(b, indent...)
	b = append(b, '"')
	b = append(b, key...)
	return append(b, "\": "...)
}

func endMember(b []byte, more bool) []byte {
	if more {
		b = append(b, ',')
	}
	return append(b, '\n')
}

const hexDigits = "0123456789abcdef"

// appendJSONString quotes s as encoding/json does without HTML escaping:
// '"', '\\' and control characters escaped, invalid UTF-8 as U+FFFD, and
// U+2028 and U+2029 escaped (JavaScript reads them as line ends).
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

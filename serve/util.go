package serve

import (
	"encoding/json"
	"html"
	"net/http"
)

func htmlEscape(s string) string { return html.EscapeString(s) }

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

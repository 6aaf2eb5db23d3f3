package external

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"docsite/internal/config"
	"docsite/internal/markdown"
	model "docsite/internal/site"
)

func TestCheckSiteReportsEveryUse(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/gone":
			http.NotFound(w, r)
		case "/busy":
			w.WriteHeader(http.StatusTooManyRequests) // rate limited: no verdict, no finding
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	page := "# P\n\n[ok](" + srv.URL + "/fine) [bad](" + srv.URL + "/gone)\n\nagain <" + srv.URL + "/gone>\n\n[busy](" + srv.URL + "/busy)\n"
	if err := os.WriteFile(filepath.Join(dir, "p.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := model.Load(dir, config.Default())
	if err != nil {
		t.Fatal(err)
	}
	conv := markdown.New()
	for _, p := range s.Pages {
		conv.Parse(p)
	}
	ds := CheckSite(context.Background(), s, New(WithClient(srv.Client()), WithRetries(0), WithClock(newFakeClock())))
	if len(ds) != 2 {
		t.Fatalf("want the broken URL at both places, got %+v", ds)
	}
	if ds[0].Line != 3 || ds[1].Line != 5 || ds[0].Rule != "external/broken" {
		t.Errorf("positions: %+v", ds)
	}
}

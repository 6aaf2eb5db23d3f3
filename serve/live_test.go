package serve

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// harness runs a Server with its watcher over a temporary content folder.
type harness struct {
	t      *testing.T
	dir    string
	srv    *Server
	http   *httptest.Server
	events chan Event
}

func start(t *testing.T, files ...string) *harness {
	t.Helper()
	return startWith(t, 20*time.Millisecond, files...)
}

func startWith(t *testing.T, debounce time.Duration, files ...string) *harness {
	t.Helper()
	dir := t.TempDir()
	for i := 0; i+1 < len(files); i += 2 {
		write(t, dir, files[i], files[i+1])
	}
	h := &harness{t: t, dir: dir, events: make(chan Event, 100)}
	srv, err := New(Options{Content: dir, Debounce: debounce, OnReload: func(e Event) { h.events <- e }})
	if err != nil {
		t.Fatal(err)
	}
	h.srv = srv
	h.http = httptest.NewServer(srv.Handler())
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { _ = srv.Watch(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done; h.http.Close() })
	time.Sleep(50 * time.Millisecond) // let the watcher register its folders
	return h
}

func (h *harness) get(path string) (int, string) {
	h.t.Helper()
	resp, err := http.Get(h.http.URL + path)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func (h *harness) waitEvent() Event {
	h.t.Helper()
	select {
	case e := <-h.events:
		return e
	case <-time.After(30 * time.Second): // a hang, not a slow machine
		h.t.Fatal("no reload event within 30s")
	}
	return Event{}
}

func TestEditRenameCreateDelete(t *testing.T) {
	h := start(t,
		"README.md", "# 首页\n\n[总览](01-overview/overview.md#12-细节)\n",
		"01-overview/overview.md", "# 1. 总览\n\n## 1.1 简介\n\n## 1.2 细节\n",
		"01-overview/img.png", "png",
	)
	if code, body := h.get("/01-overview/"); code != 200 || !strings.Contains(body, "1.1 简介") || !strings.Contains(body, "_docsite/live.js") {
		t.Fatalf("first page: %d %s", code, body)
	}

	// Edit a heading: only that page is re-parsed and reloaded, and the
	// home page, whose link lost its anchor, is told too.
	write(t, h.dir, "01-overview/overview.md", "# 1. 总览\n\n## 1.1 新的简介\n\n## 1.3 细节\n")
	e := h.waitEvent()
	if !contains(e.URLs, "/01-overview/") || !contains(e.URLs, "/") {
		t.Errorf("edit event URLs = %v", e.URLs)
	}
	if _, body := h.get("/01-overview/"); !strings.Contains(body, "1.1 新的简介") {
		t.Errorf("edited heading not served")
	}
	if _, body := h.get("/_docsite/diagnostics?path=/"); !strings.Contains(body, "link/missing-anchor") {
		t.Errorf("home page panel does not show the broken anchor: %s", body)
	}

	// Save by rename, as editors do: write a temp file, rename it over.
	tmp := filepath.Join(h.dir, "01-overview", ".overview.md.swp")
	if err := os.WriteFile(tmp, []byte("# 1. 总览\n\n## 1.1 改名保存\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(h.dir, "01-overview", "overview.md")); err != nil {
		t.Fatal(err)
	}
	h.waitEvent()
	if _, body := h.get("/01-overview/"); !strings.Contains(body, "1.1 改名保存") {
		t.Errorf("save-by-rename not picked up")
	}

	// A new folder with a page in it.
	write(t, h.dir, "02-new/new.md", "# 2. 新章\n")
	h.waitEvent()
	if code, body := h.get("/02-new/"); code != 200 || !strings.Contains(body, "新章") {
		t.Errorf("new page: %d", code)
	}

	// Delete it: 404 with a link to its parent.
	if err := os.RemoveAll(filepath.Join(h.dir, "02-new")); err != nil {
		t.Fatal(err)
	}
	h.waitEvent()
	if code, body := h.get("/02-new/"); code != 404 || !strings.Contains(body, `href="/"`) {
		t.Errorf("deleted page: %d %s", code, body)
	}
}

// TestBurstIsDebounced: a burst of saves is applied as one rebuild (or a
// few, under the cap that keeps a stream of saves from waiting forever).
// The quiet time is a second here, so however busy the machine, 200 small
// writes land well inside it: the count, not the timing, is what is tested.
func TestBurstIsDebounced(t *testing.T) {
	h := startWith(t, time.Second, "a.md", "# A\n")
	for i := range 200 {
		write(t, h.dir, "a.md", "# A "+strings.Repeat("x", i)+"\n")
	}
	h.waitEvent()
	time.Sleep(300 * time.Millisecond)
	extra := len(h.events)
	if extra > 3 {
		t.Errorf("200 saves gave %d extra rebuilds", extra)
	}
	if _, body := h.get("/a/"); !strings.Contains(body, strings.Repeat("x", 199)) {
		t.Errorf("final state not served")
	}
}

func TestInvalidUTF8AndBrokenEditKeepServing(t *testing.T) {
	h := start(t, "a.md", "# A\n")
	write(t, h.dir, "a.md", "# A \xff\xfe\n\n[x](missing.md)\n")
	h.waitEvent()
	if code, _ := h.get("/a/"); code != 200 {
		t.Errorf("page with invalid UTF-8: %d", code)
	}
	if _, body := h.get("/_docsite/diagnostics?path=/a/"); !strings.Contains(body, "link/missing-file") {
		t.Errorf("panel: %s", body)
	}
}

func TestEventStreamAndSafety(t *testing.T) {
	h := start(t, "a.md", "# A\n", "f.txt", "text")
	resp, err := http.Get(h.http.URL + "/_docsite/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.Header.Get("Content-Type") != "text/event-stream" {
		t.Fatalf("content type %q", resp.Header.Get("Content-Type"))
	}
	lines := make(chan string, 10)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	write(t, h.dir, "a.md", "# A2\n")
	deadline := time.After(5 * time.Second)
	for got := false; !got; {
		select {
		case l := <-lines:
			got = strings.HasPrefix(l, "data: ") && strings.Contains(l, `"urls"`)
		case <-deadline:
			t.Fatal("no event on the stream")
		}
	}
	for _, p := range []string{"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/a.md", "/f.txt/../../x"} {
		if code, body := h.get(p); code == 200 && strings.Contains(body, "root:") {
			t.Errorf("%s escaped the site", p)
		}
	}
	if code, body := h.get("/f.txt"); code != 200 || body != "text" {
		t.Errorf("copied file: %d %q", code, body)
	}
	r, _ := http.Get(h.http.URL + "/a/")
	r.Body.Close()
	if r.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("nosniff header missing")
	}
}

func TestManyEventClients(t *testing.T) {
	h := start(t, "a.md", "# A\n")
	ctx, cancel := context.WithCancel(context.Background())
	// One connection per client: the default transport would queue them.
	client := &http.Client{Transport: &http.Transport{MaxConnsPerHost: 0, MaxIdleConnsPerHost: -1}}
	var wg sync.WaitGroup
	const clients = 1000
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequestWithContext(ctx, "GET", h.http.URL+"/_docsite/events", nil)
			resp, err := client.Do(req)
			if err == nil {
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}()
	}
	for deadline := time.Now().Add(30 * time.Second); h.srv.hub.count() < clients; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			cancel()
			t.Fatalf("only %d of %d clients connected", h.srv.hub.count(), clients)
		}
	}
	cancel() // every client leaves at once, mid-stream
	wg.Wait()
	for i := 0; h.srv.hub.count() > 0 && i < 100; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	if n := h.srv.hub.count(); n != 0 {
		t.Errorf("%d clients still registered", n)
	}
	if code, _ := h.get("/a/"); code != 200 {
		t.Errorf("server down after clients left")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestReferencesPageFollowsEdits(t *testing.T) {
	h := start(t,
		"REFERENCES.md", "# 参考文献\n\n[k3s-memory]: https://docs.k3s.io/ \"K3s\"\n[k8s-scale]: https://kubernetes.io/ \"K8s\"\n",
		"a.md", "# A\n\n内存 [k3s-memory]。\n",
	)
	_, body := h.get("/REFERENCES/")
	if strings.Count(body, `href="/a/#cite-ref-k3s-memory-1"`) != 1 {
		t.Fatalf("references page does not list the citing page once:\n%s", body)
	}
	write(t, h.dir, "a.md", "# A\n\n规模 [k8s-scale]。\n")
	e := h.waitEvent()
	if !contains(e.URLs, "/REFERENCES/") {
		t.Errorf("references page not reloaded: %v", e.URLs)
	}
	_, body = h.get("/REFERENCES/")
	if strings.Count(body, `href="/a/#cite-ref-k8s-scale-1"`) != 1 || strings.Contains(body, `href="/a/#cite-ref-k3s-memory-1"`) {
		t.Errorf("references page after the edit:\n%s", body)
	}
}

// TestSavesDuringChecks applies saves back to back, so each rebuild changes
// the site while the previous save's checks still read it (run with -race).
func TestSavesDuringChecks(t *testing.T) {
	h := start(t, "a.md", "# A\n\n[b](b.md#x)\n", "b.md", "# B\n\n## x\n")
	for i := range 30 {
		write(t, h.dir, "b.md", "# B\n\n## x"+strings.Repeat("y", i%2)+"\n")
		h.srv.Apply([]string{"b.md"})
	}
	if _, body := h.get("/_docsite/diagnostics?path=/a/"); !strings.Contains(body, "link/missing-anchor") {
		t.Errorf("panel after the last save: %s", body)
	}
}

package external

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeClock returns at once from Sleep, moving its time on and noting how
// long it was asked to wait, so back-off is tested without waiting.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	sleeps []time.Duration
}

func newFakeClock() *fakeClock { return &fakeClock{now: time.Now()} }

func (f *fakeClock) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	f.mu.Lock()
	f.sleeps = append(f.sleeps, d)
	f.now = f.now.Add(d)
	f.mu.Unlock()
	return ctx.Err()
}

func (f *fakeClock) advance(d time.Duration) {
	f.mu.Lock()
	f.now = f.now.Add(d)
	f.mu.Unlock()
}

func (f *fakeClock) waits() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Duration(nil), f.sleeps...)
}

// site is a test server whose handlers see how often their path was asked.
type site struct {
	*httptest.Server
	mu       sync.Mutex
	hits     map[string]int // "METHOD /path" → count
	requests atomic.Int64
}

func newSite(t *testing.T, handle func(w http.ResponseWriter, r *http.Request, n int)) *site {
	s := &site{hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.requests.Add(1)
		s.mu.Lock()
		key := r.Method + " " + r.URL.Path
		s.hits[key]++
		n := s.hits[key]
		s.mu.Unlock()
		handle(w, r, n)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *site) count(key string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[key]
}

// routes answers the fixed paths the behaviour tests use; n counts the
// requests with this method to this path so far, 1 for the first.
func routes(w http.ResponseWriter, r *http.Request, n int) {
	p := r.URL.Path
	switch {
	case p == "/ok":
		w.WriteHeader(200)
	case p == "/missing":
		w.WriteHeader(404)
	case p == "/ratelimited":
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(429)
			return
		}
		w.WriteHeader(200)
	case p == "/ratelimited-date":
		if n == 1 {
			w.Header().Set("Retry-After", time.Now().Add(5*time.Second).UTC().Format(http.TimeFormat))
			w.WriteHeader(429)
			return
		}
		w.WriteHeader(200)
	case p == "/ratelimited-long":
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(429)
	case p == "/unavailable":
		if n <= 2 {
			w.WriteHeader(503)
			return
		}
		w.WriteHeader(200)
	case p == "/down":
		w.WriteHeader(500)
	case p == "/nohead":
		if r.Method == http.MethodHead {
			w.WriteHeader(405)
			return
		}
		w.WriteHeader(200)
	case p == "/forbidden-head":
		if r.Method == http.MethodHead {
			w.WriteHeader(403)
			return
		}
		w.WriteHeader(200)
	case p == "/forbidden":
		w.WriteHeader(403)
	case p == "/hangup-head":
		if r.Method == http.MethodHead {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
			return
		}
		w.WriteHeader(200)
	case strings.HasPrefix(p, "/chain/"):
		i, _ := strconv.Atoi(strings.TrimPrefix(p, "/chain/"))
		if i >= 3 {
			http.Redirect(w, r, "/ok#somewhere", http.StatusFound)
			return
		}
		http.Redirect(w, r, "/chain/"+strconv.Itoa(i+1), http.StatusMovedPermanently)
	case p == "/loop/a":
		http.Redirect(w, r, "/loop/b", http.StatusFound)
	case p == "/loop/b":
		http.Redirect(w, r, "/loop/a", http.StatusFound)
	case p == "/forever":
		http.Redirect(w, r, "/forever?n="+strconv.Itoa(n)+r.URL.RawQuery, http.StatusFound)
	default:
		w.WriteHeader(404)
	}
}

func TestBehaviour(t *testing.T) {
	cases := []struct {
		path      string
		opts      []Option
		ok        bool
		status    int
		err       string          // part of Result.Err
		redirects int             //
		waits     []time.Duration // back-off asked of the clock
		hits      map[string]int  // requests the server saw
	}{
		{path: "/ok", ok: true, status: 200, hits: map[string]int{"HEAD /ok": 1, "GET /ok": 0}},
		{path: "/missing", status: 404, err: "HTTP 404 Not Found", hits: map[string]int{"HEAD /missing": 1}},
		{path: "/ratelimited", ok: true, status: 200, waits: []time.Duration{time.Second},
			hits: map[string]int{"HEAD /ratelimited": 2}},
		{path: "/ratelimited-long", status: 429, err: "rate limited (HTTP 429)",
			opts:  []Option{WithRetries(2), WithBackoff(time.Second, 20*time.Second)},
			waits: []time.Duration{20 * time.Second, 20 * time.Second}},
		{path: "/unavailable", ok: true, status: 200, waits: []time.Duration{time.Second, 2 * time.Second},
			hits: map[string]int{"HEAD /unavailable": 3}},
		{path: "/down", status: 500, err: "HTTP 500",
			waits: []time.Duration{time.Second, 2 * time.Second, 4 * time.Second},
			hits:  map[string]int{"HEAD /down": 4}},
		{path: "/nohead", ok: true, status: 200, hits: map[string]int{"HEAD /nohead": 1, "GET /nohead": 1}},
		{path: "/forbidden-head", ok: true, status: 200, hits: map[string]int{"HEAD /forbidden-head": 1, "GET /forbidden-head": 1}},
		{path: "/forbidden", status: 403, err: "HTTP 403", hits: map[string]int{"HEAD /forbidden": 1, "GET /forbidden": 1}},
		{path: "/forbidden", opts: []Option{WithAccept(403)}, ok: true, status: 403,
			hits: map[string]int{"HEAD /forbidden": 1, "GET /forbidden": 0}},
		{path: "/hangup-head", ok: true, status: 200, hits: map[string]int{"GET /hangup-head": 1}},
		{path: "/chain/0", ok: true, status: 200, redirects: 4, hits: map[string]int{"HEAD /ok": 1}},
		{path: "/chain/0", opts: []Option{WithMaxRedirects(2)}, status: 301, err: "too many redirects", redirects: 2},
		{path: "/loop/a", status: 302, err: "redirect loop", redirects: 1, hits: map[string]int{"HEAD /loop/a": 1}},
		{path: "/forever", err: "too many redirects", status: 302, redirects: 10},
	}
	for _, c := range cases {
		t.Run(strings.TrimPrefix(c.path, "/"), func(t *testing.T) {
			s := newSite(t, routes)
			clock := newFakeClock()
			u := s.URL + c.path
			ck := New(append([]Option{WithClient(s.Client()), WithClock(clock)}, c.opts...)...)
			got := ck.Check(context.Background(), []string{u})[u]
			if got.OK != c.ok || got.Status != c.status || !strings.Contains(got.Err, c.err) ||
				got.Redirects != c.redirects || (c.ok != (got.Err == "")) {
				t.Errorf("got %+v, want ok=%v status=%d err~%q redirects=%d", got, c.ok, c.status, c.err, c.redirects)
			}
			if waits := clock.waits(); !equalDurations(waits, c.waits) {
				t.Errorf("waits %v, want %v", waits, c.waits)
			}
			for key, n := range c.hits {
				if got := s.count(key); got != n {
					t.Errorf("%s asked %d times, want %d", key, got, n)
				}
			}
		})
	}
}

func equalDurations(a, b []time.Duration) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestRetryAfterDate(t *testing.T) {
	s := newSite(t, routes)
	clock := newFakeClock()
	u := s.URL + "/ratelimited-date"
	got := New(WithClient(s.Client()), WithClock(clock)).Check(context.Background(), []string{u})[u]
	if !got.OK {
		t.Fatalf("got %+v", got)
	}
	waits := clock.waits()
	// The date has one-second precision, so the wait is between 3 and 5 s.
	if len(waits) != 1 || waits[0] < 3*time.Second || waits[0] > 5*time.Second {
		t.Errorf("waits %v, want one of about 5s from the HTTP date", waits)
	}
}

func TestRetryAfterParse(t *testing.T) {
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	cases := map[string]time.Duration{
		"":                              0,
		"0":                             0,
		"7":                             7 * time.Second,
		" 2 ":                           2 * time.Second,
		"-5":                            0,
		"soon":                          0,
		"Fri, 01 May 2026 12:00:30 GMT": 30 * time.Second,
		"Fri, 01 May 2026 11:00:00 GMT": 0, // in the past
	}
	for in, want := range cases {
		if got := retryAfter(in, now); got != want {
			t.Errorf("retryAfter(%q) = %v, want %v", in, got, want)
		}
	}
}

func TestTimeout(t *testing.T) {
	release := make(chan struct{})
	s := newSite(t, func(w http.ResponseWriter, r *http.Request, n int) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	defer close(release) // before s.Close, which waits for handlers
	u := s.URL + "/slow"
	got := New(WithClient(s.Client()), WithClock(newFakeClock()), WithTimeout(50*time.Millisecond), WithRetries(1)).
		Check(context.Background(), []string{u})[u]
	if got.OK || !strings.Contains(got.Err, "no answer within 50ms") {
		t.Errorf("got %+v, want a timeout", got)
	}
	// Some servers never answer HEAD: after a HEAD that timed out, GET is
	// tried, once per attempt.
	if h, g := s.count("HEAD /slow"), s.count("GET /slow"); h != 2 || g != 2 {
		t.Errorf("HEAD tried %d times, GET %d; want 2 and 2 (one retry)", h, g)
	}
}

// TestHeadHangs: a server that never answers HEAD but answers GET is fine.
func TestHeadHangs(t *testing.T) {
	s := newSite(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.Method == http.MethodHead {
			<-r.Context().Done()
			return
		}
		w.WriteHeader(200)
	})
	u := s.URL + "/page"
	got := New(WithClient(s.Client()), WithClock(newFakeClock()), WithTimeout(100*time.Millisecond)).Check(context.Background(), []string{u})[u]
	if !got.OK || got.Status != 200 {
		t.Errorf("got %+v, want OK through GET", got)
	}
}

// limitSite records the most requests it ever had in flight at once.
type limitSite struct {
	inFlight, peak atomic.Int64
}

func (l *limitSite) handler(w http.ResponseWriter, r *http.Request, _ int) {
	n := l.inFlight.Add(1)
	for {
		p := l.peak.Load()
		if n <= p || l.peak.CompareAndSwap(p, n) {
			break
		}
	}
	time.Sleep(15 * time.Millisecond)
	l.inFlight.Add(-1)
	w.WriteHeader(200)
}

func urls(base string, n int) []string {
	var us []string
	for i := range n {
		us = append(us, base+"/p/"+strconv.Itoa(i))
	}
	return us
}

func TestPerHostLimit(t *testing.T) {
	var l limitSite
	s := newSite(t, l.handler)
	us := urls(s.URL, 24)
	res := New(WithClient(s.Client()), WithPerHost(3)).Check(context.Background(), us)
	for _, u := range us {
		if !res[u].OK {
			t.Errorf("%s: %+v", u, res[u])
		}
	}
	if p := l.peak.Load(); p > 3 || p < 2 {
		t.Errorf("peak of %d requests in flight to one host, want 2 or 3 (limit 3)", p)
	}
}

func TestGlobalLimit(t *testing.T) {
	var l limitSite // shared by both servers: counts in flight across hosts
	a, b := newSite(t, l.handler), newSite(t, l.handler)
	us := append(urls(a.URL, 12), urls(b.URL, 12)...)
	client := &http.Client{Transport: http.DefaultTransport}
	res := New(WithClient(client), WithPerHost(4), WithConcurrency(3)).Check(context.Background(), us)
	if len(res) != len(us) {
		t.Fatalf("%d results for %d URLs", len(res), len(us))
	}
	if p := l.peak.Load(); p > 3 {
		t.Errorf("peak of %d requests in flight, want at most 3", p)
	}
}

func TestCache(t *testing.T) {
	s := newSite(t, routes)
	path := filepath.Join(t.TempDir(), "sub", "links.json")
	clock := newFakeClock()
	ok1, ok2, bad := s.URL+"/ok", s.URL+"/chain/2", s.URL+"/missing"
	run := func() map[string]Result {
		var warned []error
		ck := New(WithClient(s.Client()), WithClock(clock), WithCache(path, 24*time.Hour),
			WithErrorHandler(func(err error) { warned = append(warned, err) }))
		res := ck.Check(context.Background(), []string{ok1, ok2, bad})
		if len(warned) > 0 {
			t.Errorf("warnings: %v", warned)
		}
		return res
	}

	first := run()
	if !first[ok1].OK || first[ok1].Cached || !first[ok2].OK || first[bad].OK {
		t.Fatalf("first run: %+v", first)
	}
	n := s.requests.Load()

	second := run()
	if !second[ok1].Cached || !second[ok2].Cached || second[ok2].Redirects != 2 || second[bad].Cached {
		t.Errorf("second run: %+v", second)
	}
	if got := s.requests.Load() - n; got != 1 {
		t.Errorf("second run made %d requests, want 1 (the failure only)", got)
	}

	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), "/missing") {
		t.Errorf("failure cached:\n%s", data)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*tmp")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}

	clock.advance(25 * time.Hour)
	n = s.requests.Load()
	third := run()
	if third[ok1].Cached || !third[ok1].OK {
		t.Errorf("expired entry used: %+v", third[ok1])
	}
	if got := s.requests.Load() - n; got < 3 {
		t.Errorf("after expiry %d requests, want all three URLs asked again", got)
	}
}

func TestCacheDamaged(t *testing.T) {
	s := newSite(t, routes)
	path := filepath.Join(t.TempDir(), "links.json")
	os.WriteFile(path, []byte("{not json"), 0o644)
	var warned []error
	u := s.URL + "/ok"
	res := New(WithClient(s.Client()), WithCache(path, time.Hour),
		WithErrorHandler(func(err error) { warned = append(warned, err) })).Check(context.Background(), []string{u})
	if !res[u].OK || len(warned) != 1 {
		t.Errorf("result %+v, warnings %v", res[u], warned)
	}
	data, _ := os.ReadFile(path)
	if !strings.Contains(string(data), `"version": 1`) {
		t.Errorf("damaged cache not replaced:\n%s", data)
	}
}

func TestExcludeAndNormalise(t *testing.T) {
	s := newSite(t, routes)
	skip := s.URL + "/skip/this"
	same := []string{s.URL + "/ok#one", strings.Replace(s.URL, "http://", "HTTP://", 1) + "/ok#two", s.URL + "/ok"}
	in := append([]string{skip, "mailto:someone@example.org", "http://"}, same...)
	res := New(WithClient(s.Client()), WithExclude(regexp.MustCompile(`/skip/`))).Check(context.Background(), in)
	if r := res[skip]; !r.Excluded || !r.OK {
		t.Errorf("excluded URL: %+v", r)
	}
	if n := s.count("HEAD /skip/this") + s.count("GET /skip/this"); n != 0 {
		t.Errorf("excluded URL requested %d times", n)
	}
	for _, bad := range []string{"mailto:someone@example.org", "http://"} {
		if r := res[bad]; r.OK || !strings.Contains(r.Err, "invalid URL") {
			t.Errorf("%s: %+v", bad, r)
		}
	}
	for _, u := range same {
		if r := res[u]; !r.OK || r.URL != s.URL+"/ok" {
			t.Errorf("%s: %+v", u, r)
		}
	}
	if n := s.count("HEAD /ok"); n != 1 {
		t.Errorf("one address in three spellings asked %d times, want 1", n)
	}
}

func TestProgress(t *testing.T) {
	s := newSite(t, routes)
	var calls []int
	total := 0
	us := urls(s.URL, 7)
	New(WithClient(s.Client()), WithProgress(func(done, all int) {
		calls = append(calls, done) // calls never overlap, so no lock
		total = all
	})).Check(context.Background(), append(us, us[0]))
	if total != 7 || len(calls) != 7 || calls[6] != 7 {
		t.Errorf("progress calls %v, total %d", calls, total)
	}
}

func TestCancel(t *testing.T) {
	s := newSite(t, func(w http.ResponseWriter, r *http.Request, n int) {
		<-r.Context().Done()
	})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	us := urls(s.URL, 10)
	res := New(WithClient(s.Client()), WithPerHost(2), WithTimeout(10*time.Second)).Check(ctx, us)
	for _, u := range us {
		if r := res[u]; r.OK || !strings.Contains(r.Err, "canceled") {
			t.Errorf("%s: %+v", u, r)
		}
	}
}

func TestNormalize(t *testing.T) {
	cases := []struct{ in, want string }{
		{"HTTPS://Example.COM/Path?Q=1#frag", "https://example.com/Path?Q=1"},
		{"http://example.com:80", "http://example.com/"},
		{"https://example.com:443/a", "https://example.com/a"},
		{"https://example.com:8443/a", "https://example.com:8443/a"},
		{"http://example.com:443/", "http://example.com:443/"},
		{"http://[::1]:80/x", "http://[::1]/x"},
		{"http://[::1]:8080/x", "http://[::1]:8080/x"},
		{"https://zh.wikipedia.org/wiki/%E6%A0%87%E9%A2%98", "https://zh.wikipedia.org/wiki/%E6%A0%87%E9%A2%98"},
		{"  https://example.com/a b ", "https://example.com/a%20b"},
		{"https://example.com/?", "https://example.com/?"},
	}
	for _, c := range cases {
		got, err := Normalize(c.in)
		if err != nil || got != c.want {
			t.Errorf("Normalize(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"", "ftp://x/", "mailto:a@b", "https://", "/relative", "http://a b/", "%zz"} {
		if got, err := Normalize(bad); err == nil {
			t.Errorf("Normalize(%q) = %q, want an error", bad, got)
		}
	}
}

// FuzzNormalize: Normalize never panics, and its output is a fixed point.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"HTTPS://Example.COM:443/a?b#c", "http://[::1]:80", "http://a/%zz", "http://x:99999/",
		"https://用户:密码@例子.中国/路径?查询=1#片段", "http://a/b/../c", "http://A:80@B:80/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := Normalize(s)
		if err != nil {
			return
		}
		again, err := Normalize(n)
		if err != nil || again != n {
			t.Fatalf("Normalize(%q) = %q, but Normalize of that = %q, %v", s, n, again, err)
		}
	})
}

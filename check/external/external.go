// Package external checks that external links answer: every URL once,
// concurrently but politely (a limit per host), with retries that honour
// Retry-After, HEAD before GET, and a cache of successes so that a second run
// costs nothing.
package external

import (
	"context"
	"net/http"
	"regexp"
	"sync"
	"time"
)

// Result is the outcome for one URL.
type Result struct {
	URL       string // the normalised URL that was requested
	Status    int    // the last HTTP status, 0 if none arrived
	Err       string // why the URL counts as broken; empty when OK
	OK        bool
	Unknown   bool // no verdict (still rate limited): neither broken nor cached
	Cached    bool // taken from the cache, no request made
	Excluded  bool // matched an exclude pattern, not checked (OK is true)
	Redirects int
	Duration  time.Duration
}

// Clock lets tests run back-off and cache expiry without waiting.
type Clock interface {
	Now() time.Time
	// Sleep waits for d or until ctx is done, returning ctx's error then.
	Sleep(ctx context.Context, d time.Duration) error
}

// Checker checks URLs. It is safe to reuse, but not to call Check
// concurrently with the same cache file.
type Checker struct {
	client       *http.Client
	concurrency  int
	perHost      int
	timeout      time.Duration
	retries      int
	backoff      time.Duration
	maxWait      time.Duration
	maxRedirects int
	accept       map[int]bool
	exclude      []*regexp.Regexp
	cachePath    string
	maxAge       time.Duration
	clock        Clock
	progress     func(done, total int)
	onError      func(error)
	userAgent    string

	noHead sync.Map // host → true once a host refused HEAD with 405 or 501
}

// Option configures a Checker.
type Option func(*Checker)

// WithConcurrency caps requests in flight overall (default 64).
func WithConcurrency(n int) Option { return func(c *Checker) { c.concurrency = max(n, 1) } }

// WithPerHost caps requests in flight to one host (default 4), so a page
// with hundreds of links to one site does not look like an attack.
func WithPerHost(n int) Option { return func(c *Checker) { c.perHost = max(n, 1) } }

// WithTimeout limits each request, redirects counted separately (default 10s).
func WithTimeout(d time.Duration) Option { return func(c *Checker) { c.timeout = d } }

// WithRetries sets how often a URL is tried again after 429, a 5xx status or
// a network error (default 3).
func WithRetries(n int) Option { return func(c *Checker) { c.retries = max(n, 0) } }

// WithBackoff sets the first wait before a retry, doubled each time
// (default 1s), and the longest wait, which also caps Retry-After (default 30s).
func WithBackoff(first, longest time.Duration) Option {
	return func(c *Checker) { c.backoff, c.maxWait = first, longest }
}

// WithMaxRedirects sets how many redirects are followed (default 10).
func WithMaxRedirects(n int) Option { return func(c *Checker) { c.maxRedirects = max(n, 0) } }

// WithAccept adds status codes that count as success besides 200–299,
// such as 403 for sites that refuse robots or 429 for rate-limited ones.
// An accepted status is final: it is neither retried nor re-asked with GET.
func WithAccept(codes ...int) Option {
	return func(c *Checker) {
		for _, code := range codes {
			c.accept[code] = true
		}
	}
}

// WithExclude skips URLs that any of the patterns matches, in the form
// written or normalised.
func WithExclude(patterns ...*regexp.Regexp) Option {
	return func(c *Checker) { c.exclude = append(c.exclude, patterns...) }
}

// WithCache keeps successes in a JSON file at path and trusts them for
// maxAge (default 24h). Failures are never cached.
func WithCache(path string, maxAge time.Duration) Option {
	return func(c *Checker) { c.cachePath, c.maxAge = path, maxAge }
}

// WithClient replaces the HTTP client. The checker follows redirects
// itself, so the client's CheckRedirect is overridden on a copy.
func WithClient(client *http.Client) Option { return func(c *Checker) { c.client = client } }

// WithClock replaces the clock used for back-off, durations and cache age.
func WithClock(clock Clock) Option { return func(c *Checker) { c.clock = clock } }

// WithProgress is called after each URL is done. Calls never overlap.
func WithProgress(f func(done, total int)) Option { return func(c *Checker) { c.progress = f } }

// WithErrorHandler receives problems that do not stop the check, such as a
// cache file that cannot be read or written.
func WithErrorHandler(f func(error)) Option { return func(c *Checker) { c.onError = f } }

// New returns a Checker with the defaults of docsite check --external.
func New(opts ...Option) *Checker {
	c := &Checker{
		concurrency:  64,
		perHost:      4,
		timeout:      10 * time.Second,
		retries:      3,
		backoff:      time.Second,
		maxWait:      30 * time.Second,
		maxRedirects: 10,
		accept:       map[int]bool{},
		maxAge:       24 * time.Hour,
		clock:        realClock{},
		userAgent:    "Mozilla/5.0 (compatible; docsite-linkcheck/1)",
	}
	for _, o := range opts {
		o(c)
	}
	if c.client == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConnsPerHost = c.perHost
		c.client = &http.Client{Transport: t}
	} else {
		cl := *c.client
		c.client = &cl
	}
	c.client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return c
}

func (c *Checker) accepted(status int) bool {
	return status >= 200 && status <= 299 || c.accept[status]
}

func (c *Checker) excluded(raw, norm string) bool {
	for _, re := range c.exclude {
		if re.MatchString(raw) || re.MatchString(norm) {
			return true
		}
	}
	return false
}

func (c *Checker) warn(err error) {
	if c.onError != nil && err != nil {
		c.onError(err)
	}
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

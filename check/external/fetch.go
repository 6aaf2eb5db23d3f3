package external

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// outcome is one attempt at a URL: HEAD or GET, redirects followed.
type outcome struct {
	status     int
	redirects  int
	err        error
	retryable  bool          // worth another attempt after a wait
	retryAfter time.Duration // what the server asked for, if it did
}

var (
	errRedirectLoop = errors.New("redirect loop")
	errTooMany      = errors.New("too many redirects")
)

// check tries a URL up to 1+retries times and says how it went.
func (c *Checker) check(ctx context.Context, u, host string, global chan struct{}) Result {
	start := c.clock.Now()
	var o outcome
	for attempt := 0; ; attempt++ {
		select {
		case global <- struct{}{}:
		case <-ctx.Done():
			return Result{URL: u, Err: "canceled: " + ctx.Err().Error(), Duration: c.clock.Now().Sub(start)}
		}
		o = c.attempt(ctx, u, host)
		<-global // released while waiting to retry, so back-off idles no slot
		if c.accepted(o.status) && o.err == nil || !o.retryable || attempt >= c.retries || ctx.Err() != nil {
			break
		}
		if c.clock.Sleep(ctx, c.wait(attempt, o.retryAfter)) != nil {
			break
		}
	}
	r := Result{URL: u, Status: o.status, Redirects: o.redirects, Duration: c.clock.Now().Sub(start)}
	switch {
	case o.err != nil && ctx.Err() != nil:
		r.Err = "canceled: " + ctx.Err().Error()
	case o.err == nil && o.status == http.StatusTooManyRequests && !c.accepted(o.status):
		// Still rate limited after the retries: the link may well work;
		// nothing is known, so nothing is reported or cached.
		r.Unknown = true
		r.Err = "rate limited (HTTP 429) after every retry"
	case o.err != nil:
		r.Err = describe(o.err, c.timeout)
	case !c.accepted(o.status):
		r.Err = fmt.Sprintf("HTTP %d %s", o.status, http.StatusText(o.status))
	default:
		r.OK = true
	}
	return r
}

// wait is the pause before retry number attempt+1: what Retry-After asked
// for, else an exponential back-off, never more than maxWait.
func (c *Checker) wait(attempt int, retryAfter time.Duration) time.Duration {
	d := retryAfter
	if d <= 0 {
		d = c.backoff << min(attempt, 20)
	}
	return min(d, c.maxWait)
}

// attempt asks with HEAD, the cheap way, and again with GET when the server
// refuses HEAD: some answer 405 or 501, some 403, some drop the connection,
// some never answer HEAD at all (so HEAD waits a third of the timeout).
func (c *Checker) attempt(ctx context.Context, u, host string) outcome {
	if _, refused := c.noHead.Load(host); !refused {
		o := c.follow(ctx, http.MethodHead, u)
		switch {
		case o.err == nil && (c.accepted(o.status) || !headRefused(o.status)):
			return o
		case ctx.Err() != nil, o.err != nil && !connectionRefusedHead(o.err) && !isTimeout(o.err):
			return o
		}
		if o.status == http.StatusMethodNotAllowed || o.status == http.StatusNotImplemented {
			c.noHead.Store(host, true) // the whole host: save a request per URL
		}
	}
	return c.follow(ctx, http.MethodGet, u)
}

func headRefused(status int) bool {
	return status == http.StatusMethodNotAllowed || status == http.StatusNotImplemented || status == http.StatusForbidden
}

// isTimeout reports a request that got no answer in time.
func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout() || errors.Is(err, context.DeadlineExceeded)
}

// connectionRefusedHead tells a server that hung up on HEAD from one that
// cannot be reached or is too slow, where GET would not do better.
func connectionRefusedHead(err error) bool {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() || errors.Is(err, context.DeadlineExceeded) {
		return false
	}
	var dns *net.DNSError
	var op *net.OpError
	if errors.As(err, &dns) || errors.As(err, &op) && op.Op == "dial" {
		return false
	}
	return !errors.Is(err, errRedirectLoop) && !errors.Is(err, errTooMany)
}

// follow makes one request and follows its redirects, each hop with its own
// timeout.
func (c *Checker) follow(ctx context.Context, method, u string) outcome {
	seen := map[string]bool{u: true}
	cur := u
	var o outcome
	for {
		status, header, err := c.request(ctx, method, cur)
		o.status = status
		if err != nil {
			o.err, o.retryable = err, retryableError(err)
			return o
		}
		loc := header.Get("Location")
		if status < 300 || status > 399 || status == http.StatusNotModified || loc == "" {
			if status == http.StatusTooManyRequests || status >= 500 && status != http.StatusNotImplemented {
				o.retryable = true
				o.retryAfter = retryAfter(header.Get("Retry-After"), c.clock.Now())
			}
			return o
		}
		next, err := resolve(cur, loc)
		if err != nil {
			o.err = fmt.Errorf("bad redirect to %q: %w", loc, err)
			return o
		}
		if seen[next] {
			o.err = fmt.Errorf("%w via %s", errRedirectLoop, next)
			return o
		}
		if o.redirects >= c.maxRedirects {
			o.err = fmt.Errorf("%w (more than %d)", errTooMany, c.maxRedirects)
			return o
		}
		seen[next] = true
		o.redirects++
		cur = next
	}
}

func (c *Checker) request(ctx context.Context, method, u string) (int, http.Header, error) {
	timeout := c.timeout
	if method == http.MethodHead && timeout >= 3*time.Second {
		timeout /= 3 // GET, tried after a HEAD that hangs, has the rest
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, u, nil)
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("User-Agent", c.userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
	resp, err := c.client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	// Read a little so the connection can be reused, but never a whole
	// download: the status is all we need.
	io.CopyN(io.Discard, resp.Body, 16<<10)
	resp.Body.Close()
	return resp.StatusCode, resp.Header, nil
}

// resolve makes a Location header absolute and drops its fragment.
func resolve(base, loc string) (string, error) {
	b, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	l, err := url.Parse(loc)
	if err != nil {
		return "", err
	}
	next := b.ResolveReference(l)
	if next.Scheme != "http" && next.Scheme != "https" {
		return "", errors.New("not an http or https URL")
	}
	next.Fragment, next.RawFragment = "", ""
	return next.String(), nil
}

// retryAfter reads the header as seconds or as an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		return time.Duration(max(s, 0)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// retryableError is false for failures that a second try will not change.
func retryableError(err error) bool {
	var dns *net.DNSError
	if errors.As(err, &dns) && dns.IsNotFound {
		return false
	}
	var cert *tls.CertificateVerificationError
	if errors.As(err, &cert) {
		return false
	}
	return !errors.Is(err, errRedirectLoop) && !errors.Is(err, errTooMany)
}

// describe turns an error into a short reason for the report, without the
// "Head \"https://…\":" prefix that net/http adds.
func describe(err error, timeout time.Duration) string {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Sprintf("no answer within %v", timeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var dns *net.DNSError
	if errors.As(err, &dns) && dns.IsNotFound {
		return "no such host " + dns.Name
	}
	return err.Error()
}

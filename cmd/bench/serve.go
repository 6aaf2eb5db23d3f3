package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"time"
)

// serveResult is what one `docsite serve` session measured.
type serveResult struct {
	urlLine   time.Duration   // start until the URL line is printed
	firstPage time.Duration   // start until the home page answers 200
	watching  time.Duration   // start until a save gets a reload event
	latencies []time.Duration // save → event: reload, one per edit that got one
	missed    int             // edits that got no event within the limit
	extra     int             // events beyond one per edit (a save seen twice)
	rss       int64
	err       error
}

// reloadWait is how long an edit may wait for its event before it counts
// as missed; settle is the least quiet time after an event before the next
// save, so that each event belongs to one save.
const (
	reloadWait = 5 * time.Second
	settle     = 150 * time.Millisecond
)

var errExited = errors.New("serve exited")

var urlRE = regexp.MustCompile(`https?://[^\s]+`)

// pageClient fetches pages; the event stream uses a client without a
// time limit, since it stays open.
var pageClient = &http.Client{Timeout: 10 * time.Second}

// serveContent is the folder in work that holds serve's copy of the corpus.
const serveContent = "serve-content"

// measureServe runs the serve binary on a copy of the corpus, listens to
// its event stream as a browser tab would, and edits pages one at a time.
// The copy is made in work, where no earlier copy may be left.
func measureServe(ctx context.Context, bin, corpus, work, cacheDir string, edits int, gap time.Duration, logf func(string, ...any)) (r serveResult) {
	content := filepath.Join(work, serveContent)
	if err := copyTree(corpus, content); err != nil {
		r.err = err
		return r
	}
	pages, err := markdownFiles(content)
	if err != nil || len(pages) == 0 {
		r.err = fmt.Errorf("no pages to edit in %s: %v", content, err)
		return r
	}
	addr, err := freeAddr()
	if err != nil {
		r.err = err
		return r
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	cmd := exec.Command(bin, "serve", "--content", content, "--addr", addr, "--cache-dir", cacheDir)
	cmd.Dir = work
	stdout, _ := cmd.StdoutPipe()
	logPath := filepath.Join(work, "serve.log")
	logFile, err := os.Create(logPath)
	if err != nil {
		r.err = err
		return r
	}
	defer logFile.Close()
	cmd.Stderr = logFile
	start := time.Now()
	if err := cmd.Start(); err != nil {
		r.err = err
		return r
	}
	// exited closes when serve ends by itself, so an edit never waits on
	// a server that crashed.
	var waitErr error
	exited := make(chan struct{})
	go func() { waitErr = cmd.Wait(); close(exited) }()
	crashed := func() error {
		data, _ := os.ReadFile(logPath)
		return fmt.Errorf("serve exited (%v): %s (log: %s)", waitErr, crashLine(data), logPath)
	}
	defer func() {
		if err := stop(cmd, exited); err != nil && r.err == nil {
			r.err = err
		}
		select {
		case <-exited:
			r.rss = maxRSS(cmd.ProcessState.SysUsage())
		default:
		}
	}()

	base, err := waitURL(stdout, 2*time.Minute)
	if err != nil {
		r.err = fmt.Errorf("serve printed no URL: %v", err)
		return r
	}
	r.urlLine = time.Since(start)
	if err := waitPage(ctx, base, time.Minute); err != nil {
		r.err = err
		return r
	}
	r.firstPage = time.Since(start)
	logf("serve: URL after %s, first page after %s", fmtDur(r.urlLine), fmtDur(r.firstPage))

	events, err := subscribe(ctx, strings.TrimSuffix(base, "/")+"/_docsite/events")
	if err != nil {
		r.err = err
		return r
	}
	// The watcher starts after the URL line: saves until it is live are
	// not seen. Probe with saves until one gets its event; that is when
	// serve really is ready.
	if err := r.probe(ctx, filepath.Join(content, pages[0]), events, exited, start); err != nil {
		r.err = err
		if errors.Is(err, errExited) {
			r.err = crashed()
		}
		return r
	}
	logf("serve: first save seen %s after start", fmtDur(r.watching))
	for i := range edits {
		page := pages[(i*7919)%len(pages)] // a prime stride: pages far apart
		if len(pages) >= edits {
			page = pages[(i*len(pages))/edits]
		}
		path := filepath.Join(content, page)
		src, err := os.ReadFile(path)
		if err != nil {
			r.err = err
			return r
		}
		t0 := time.Now()
		if err := os.WriteFile(path, edit(src, i), 0o644); err != nil {
			r.err = err
			return r
		}
		select {
		case at := <-events:
			r.latencies = append(r.latencies, at.Sub(t0))
		case <-time.After(reloadWait):
			r.missed++
			logf("serve: no reload event within %s after editing %s", reloadWait, page)
		case <-exited:
			r.err = crashed()
			return r
		case <-ctx.Done():
			r.err = ctx.Err()
			return r
		}
		time.Sleep(max(settle, gap-time.Since(t0)))
		for drained := false; !drained; {
			select {
			case <-events:
				r.extra++
			default:
				drained = true
			}
		}
	}
	return r
}

// probe saves path every 200 ms until a reload event follows, then lets
// the server settle.
func (r *serveResult) probe(ctx context.Context, path string, events <-chan time.Time, exited <-chan struct{}, start time.Time) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	deadline := time.Now().Add(time.Minute)
	for i := 0; ; i++ {
		if err := os.WriteFile(path, edit(src, 2*i), 0o644); err != nil {
			return err
		}
		select {
		case at := <-events:
			r.watching = at.Sub(start)
			time.Sleep(settle)
			for len(events) > 0 {
				<-events
			}
			return nil
		case <-time.After(200 * time.Millisecond):
		case <-exited:
			return errExited
		case <-ctx.Done():
			return ctx.Err()
		}
		if time.Now().After(deadline) {
			return errors.New("no reload event within a minute of saves: serve does not watch the content")
		}
	}
}

// edit changes a page as an author does: every other save appends a
// sentence, the others rename the first second-level heading, which also
// changes the page's anchors.
func edit(src []byte, i int) []byte {
	s := string(src)
	if i%2 == 1 {
		if j := strings.Index(s, "\n## "); j >= 0 {
			k := strings.IndexByte(s[j+1:], '\n')
			if k >= 0 {
				k += j + 1
				return []byte(s[:k] + fmt.Sprintf("（修订 %d）", i) + s[k:])
			}
		}
	}
	return []byte(s + fmt.Sprintf("\n基准测试追加的第 %d 行，检查保存到重新加载的延迟。\n", i))
}

// freeAddr asks the kernel for a loopback port that is free right now.
func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// waitURL reads serve's stdout until it prints its URL, then keeps
// draining it so the child never blocks on a full pipe.
func waitURL(r io.Reader, limit time.Duration) (string, error) {
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(r)
		sent := false
		for sc.Scan() {
			if u := urlRE.FindString(sc.Text()); u != "" && !sent {
				found <- u
				sent = true
			}
		}
		if !sent {
			close(found)
		}
	}()
	select {
	case u, ok := <-found:
		if !ok {
			return "", errors.New("serve exited")
		}
		return u, nil
	case <-time.After(limit):
		return "", fmt.Errorf("nothing within %s", limit)
	}
}

func waitPage(ctx context.Context, url string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
		resp, err := pageClient.Do(req)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
			err = fmt.Errorf("GET %s: %s", url, resp.Status)
		}
		if time.Now().After(deadline) || ctx.Err() != nil {
			return fmt.Errorf("first page: %v", err)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// subscribe opens the event stream and sends the arrival time of every
// reload event. It returns once the server has sent its first bytes, which
// it does only after the client has joined: no event can be lost after.
func subscribe(ctx context.Context, url string) (<-chan time.Time, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		resp.Body.Close()
		return nil, fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	out := make(chan time.Time, 64)
	ready := make(chan struct{})
	go func() {
		defer resp.Body.Close()
		readEvents(resp.Body, ready, func(name string) {
			if name == "reload" {
				out <- time.Now()
			}
		})
	}()
	select {
	case <-ready:
		return out, nil
	case <-time.After(10 * time.Second):
		return nil, errors.New("the event stream sent nothing")
	}
}

// readEvents parses a text/event-stream: it calls each with the name of
// every event dispatched (a blank line ends an event; "message" when it
// has data but no name), and closes ready after the first line.
func readEvents(r io.Reader, ready chan struct{}, each func(name string)) {
	sc := bufio.NewScanner(r)
	name, data := "", false
	first := true
	for sc.Scan() {
		line := sc.Text()
		if first {
			close(ready)
			first = false
		}
		switch {
		case line == "":
			if data || name != "" {
				if name == "" {
					name = "message"
				}
				each(name)
			}
			name, data = "", false
		case strings.HasPrefix(line, ":"):
			// comment, e.g. keep-alive
		case strings.HasPrefix(line, "event:"):
			name = strings.TrimSpace(strings.TrimPrefix(line, "event:"))
		case strings.HasPrefix(line, "data:"):
			data = true
		}
	}
	if first {
		close(ready)
	}
}

// crashLine picks the line of a log that says why the process died: a
// Go panic or fatal error, else the last line.
func crashLine(log []byte) string {
	for _, l := range strings.Split(string(log), "\n") {
		if strings.HasPrefix(l, "panic:") || strings.HasPrefix(l, "fatal error:") {
			return strings.TrimSpace(l)
		}
	}
	return lastLine(log)
}

// stop ends serve as Ctrl+C does; exited closes when it has.
func stop(cmd *exec.Cmd, exited <-chan struct{}) error {
	select {
	case <-exited:
		return nil // ended already; the caller reports why
	default:
	}
	_ = cmd.Process.Signal(syscall.SIGINT)
	select {
	case <-exited:
		return nil
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		<-exited
		return errors.New("serve did not stop within 10 s of SIGINT")
	}
}

package diagrams

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os/exec"
	"time"

	"github.com/chromedp/chromedp"
)

// ErrNoChromium says why render: build cannot draw.
var ErrNoChromium = errors.New("mermaid: {render: build} draws diagrams in headless Chromium, and none was found on PATH " +
	"(chromium, chromium-browser, google-chrome, headless_shell); install it (make chromium) or name it in docsite.yaml: mermaid: {chromium: /path/to/chromium}")

// findChromium returns the configured browser, else the first on PATH.
func findChromium(configured string) (string, error) {
	if configured != "" {
		return configured, nil
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless_shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChromium
}

// browser is one headless Chromium tab on a page that has loaded mermaid
// and the theme's configuration from assets, served on a loopback port.
type browser struct {
	ctx    context.Context
	cancel []context.CancelFunc
	srv    *http.Server
}

const host = `<!DOCTYPE html><html><body>
<script src="/js/mermaid-init.js"></script>
<script type="module">
import m from "/vendor/mermaid/mermaid.esm.min.mjs";
window.mermaid = m;
</script></body></html>`

func startBrowser(chromium string, assets fs.FS) (*browser, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	files := http.FileServerFS(assets)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write([]byte(host))
			return
		}
		files.ServeHTTP(w, r)
	})}
	go func() { _ = srv.Serve(ln) }()
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chromium), chromedp.NoSandbox,
		chromedp.Flag("disable-component-update", true))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	b := &browser{ctx: ctx, cancel: []context.CancelFunc{cancelB, cancelA}, srv: srv}
	// The browser belongs to the context of the first run: ctx, not the
	// start-up's timeout, which would close it when it ends.
	if err := chromedp.Do(ctx); err != nil {
		b.close()
		return nil, fmt.Errorf("mermaid: starting %s: %w", chromium, err)
	}
	start, cancelC := context.WithTimeout(ctx, 60*time.Second)
	defer cancelC()
	err = chromedp.Do(start, chromedp.Navigate("http://"+ln.Addr().String()+"/"))
	if err == nil {
		_, err = chromedp.Run(start, chromedp.Poll[bool](`!!window.mermaid && !!window.docsiteMermaid`, chromedp.WithPollingTimeout(30*time.Second)))
	}
	if err != nil {
		b.close()
		return nil, fmt.Errorf("mermaid: starting %s: %w", chromium, err)
	}
	return b, nil
}

func (b *browser) close() {
	for _, c := range b.cancel {
		c()
	}
	_ = b.srv.Close()
}

// job is one diagram to draw in one scheme, as the SVG element id.
type job struct {
	ID     string `json:"id"`
	Source string `json:"src"`
	Scheme string `json:"scheme"`
}

// drawn is mermaid's SVG, or its error message.
type drawn struct {
	SVG   string `json:"svg"`
	Error string `json:"error"`
}

const renderJS = `(async jobs => {
  const out = [];
  for (const j of jobs) {
    if (window.scheme !== j.scheme) mermaid.initialize(docsiteMermaid.config(window.scheme = j.scheme));
    try { out.push({svg: (await mermaid.render(j.id, j.src)).svg}); }
    catch (e) { out.push({error: String(e && e.message || e)}); document.getElementById("d" + j.id)?.remove(); }
  }
  return out;
})`

// render draws jobs in order; a batch that takes over a minute fails.
func (b *browser) render(jobs []job) ([]drawn, error) {
	in, err := json.Marshal(jobs)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(b.ctx, time.Minute+time.Duration(len(jobs))*time.Second)
	defer cancel()
	out, err := chromedp.Run(ctx, chromedp.Evaluate[[]drawn](renderJS+"("+string(in)+")", chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("mermaid: drawing in Chromium: %w", err)
	}
	if len(out) != len(jobs) {
		return nil, fmt.Errorf("mermaid: %d drawings for %d diagrams", len(out), len(jobs))
	}
	return out, nil
}

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"docsite/serve"
)

func serveCmd(stdout, stderr io.Writer) *cobra.Command {
	var (
		content, addr, cfgPath, cacheDir string
		open                             bool
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Preview the site while you write: rebuilds on save and reloads the browser",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg, err := setup(cfgPath, "", content)
			if err != nil {
				return err
			}
			host, _, err := net.SplitHostPort(addr)
			if err != nil {
				return usageErr("--addr %q: %v (use HOST:PORT, e.g. 127.0.0.1:8080)", addr, err)
			}
			if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
				fmt.Fprintf(stderr, "warning: serving on %s makes the preview reachable from other machines\n", addr)
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				if errors.Is(err, syscall.EADDRINUSE) {
					return usageErr("%s is already in use; stop the other server or pick another port, e.g. --addr %s", addr, nextPort(addr))
				}
				return usageErr("cannot listen on %s: %v", addr, err)
			}
			cfgFile := cfgPath
			if cfgFile == "" {
				if _, err := os.Stat("docsite.yaml"); err == nil {
					cfgFile = "docsite.yaml"
				}
			}
			if cacheDir == "" {
				cacheDir = defaultCacheDir()
			}
			start := time.Now()
			srv, err := serve.New(serve.Options{
				Content: content, Addr: ln.Addr().String(), ConfigPath: cfgFile, CacheDir: cacheDir, Config: cfg,
				Logf: func(f string, a ...any) { fmt.Fprintf(stderr, f+"\n", a...) },
			})
			if err != nil {
				ln.Close()
				return &exitError{code: 1, err: err}
			}
			url := "http://" + ln.Addr().String() + srv.Site().BasePath()
			fmt.Fprintf(stdout, "serving %s (%d pages, ready in %s); press Ctrl+C to stop\n",
				url, len(srv.Site().ByURL), time.Since(start).Round(time.Millisecond))
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			go func() {
				if err := srv.Watch(ctx); err != nil {
					fmt.Fprintln(stderr, "watch:", err)
				}
			}()
			if open {
				openBrowser(url)
			}
			// Idle keep-alive connections are closed; the event stream is a
			// request in progress, not idle.
			hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second, IdleTimeout: time.Minute}
			go func() {
				<-ctx.Done()
				sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
				defer cancel()
				_ = hs.Shutdown(sctx)
			}()
			if err := hs.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return &exitError{code: 1, err: err}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&content, "content", "content", "folder of Markdown to serve")
	f.StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on (loopback unless you say otherwise)")
	f.StringVar(&cfgPath, "config", "", "configuration file (default ./docsite.yaml when present)")
	f.StringVar(&cacheDir, "cache-dir", "", "cache folder (default under the user cache directory)")
	f.BoolVar(&open, "open", false, "open the site in the default browser")
	return cmd
}

func nextPort(addr string) string {
	host, port, _ := net.SplitHostPort(addr)
	var n int
	fmt.Sscan(port, &n)
	return net.JoinHostPort(host, fmt.Sprint(n+1))
}

func openBrowser(url string) {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	_ = cmd.Start()
}

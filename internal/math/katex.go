package math

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dop251/goja"
)

// KaTeX typesets TeX with KaTeX's own katex.min.js running in goja, so the
// site gets KaTeX's exact HTML+MathML without node. It is safe for
// concurrent use: each worker owns a goja runtime (runtimes are not
// thread-safe), created on first need up to WithWorkers. Results are cached
// by content in memory and, with WithCacheDir, on disk across builds.
type KaTeX struct {
	src      string
	key      string // fingerprint of script and options, part of every cache key
	workers  int
	timeout  time.Duration
	maxStack int
	output   string // KaTeX's output option: htmlAndMathml or mathml
	cacheDir string
	disk     *diskCache

	compileOnce sync.Once
	prog        *goja.Program
	compileErr  error

	slots chan struct{} // one token per worker that may run at once
	idle  chan *vm      // runtimes not in use

	mu       sync.Mutex
	mem      map[string]result
	inflight map[string]*call

	renders, memHits, diskHits, runtimes atomic.Int64
}

type result struct {
	html string
	err  string // KaTeX's message when the formula does not parse
}

// call lets concurrent requests for one formula share a single render.
type call struct {
	done chan struct{}
	res  result
	err  error // an engine failure, not cached
}

// EngineOption configures NewKaTeX.
type EngineOption func(*KaTeX)

// WithWorkers bounds the number of goja runtimes (default runtime.NumCPU()).
func WithWorkers(n int) EngineOption {
	return func(k *KaTeX) {
		if n > 0 {
			k.workers = n
		}
	}
}

// WithCacheDir keeps results under dir/math so that later builds, and
// other engine instances, never render an unchanged formula again.
func WithCacheDir(dir string) EngineOption {
	return func(k *KaTeX) { k.cacheDir = dir }
}

// WithTimeout bounds the time one formula may take (default 10s); a formula
// that exceeds it is an engine error, and its runtime is thrown away.
func WithTimeout(d time.Duration) EngineOption {
	return func(k *KaTeX) {
		if d > 0 {
			k.timeout = d
		}
	}
}

// WithMathMLOnly makes KaTeX write MathML alone, as the native engine does,
// so that a fallback formula needs neither KaTeX's stylesheet nor its fonts.
func WithMathMLOnly() EngineOption {
	return func(k *KaTeX) { k.output = "mathml" }
}

// NewKaTeX returns an engine running src, the contents of katex.min.js.
// Nothing runs yet: a build whose formulas are all cached never starts a
// JavaScript runtime.
func NewKaTeX(src []byte, opts ...EngineOption) (*KaTeX, error) {
	if len(src) == 0 {
		return nil, errors.New("katex: empty script")
	}
	k := &KaTeX{
		src:      string(src),
		workers:  runtime.NumCPU(),
		timeout:  10 * time.Second,
		maxStack: 10000,
		output:   "htmlAndMathml",
		mem:      make(map[string]result),
		inflight: make(map[string]*call),
	}
	for _, o := range opts {
		o(k)
	}
	k.slots = make(chan struct{}, k.workers)
	k.idle = make(chan *vm, k.workers)
	// The script's hash stands for the KaTeX version (and catches a
	// patched build); the options that change output are added to it.
	h := sha256.New()
	h.Write(src)
	fmt.Fprintf(h, "\x00output=%s strict=ignore stack=%d", k.output, k.maxStack)
	k.key = hex.EncodeToString(h.Sum(nil))
	if k.cacheDir != "" {
		k.disk = newDiskCache(k.cacheDir, k.key)
	}
	return k, nil
}

// Close releases the disk cache's file. The engine stays usable; a later
// Render reopens the file if it has something to add.
func (k *KaTeX) Close() error {
	if k.disk == nil {
		return nil
	}
	return k.disk.close()
}

// Stats counts what the engine did since it was made.
type Stats struct {
	Renders    int64 // formulas typeset by KaTeX (cache misses)
	MemoryHits int64
	DiskHits   int64
	Runtimes   int64 // goja runtimes started
}

// Stats returns the engine's counters.
func (k *KaTeX) Stats() Stats {
	return Stats{
		Renders:    k.renders.Load(),
		MemoryHits: k.memHits.Load(),
		DiskHits:   k.diskHits.Load(),
		Runtimes:   k.runtimes.Load(),
	}
}

// Render implements Renderer. A formula KaTeX rejects gives a *ParseError
// with KaTeX's message; any other error is a failure of the engine.
func (k *KaTeX) Render(tex string, display bool) (string, error) {
	key := k.cacheKey(tex, display)

	k.mu.Lock()
	if r, ok := k.mem[key]; ok {
		k.mu.Unlock()
		k.memHits.Add(1)
		return r.out()
	}
	if c, ok := k.inflight[key]; ok {
		k.mu.Unlock()
		<-c.done
		if c.err != nil {
			return "", c.err
		}
		k.memHits.Add(1)
		return c.res.out()
	}
	c := &call{done: make(chan struct{})}
	k.inflight[key] = c
	k.mu.Unlock()

	c.res, c.err = k.lookupOrRender(key, tex, display)

	k.mu.Lock()
	if c.err == nil {
		k.mem[key] = c.res
	}
	delete(k.inflight, key)
	k.mu.Unlock()
	close(c.done)

	if c.err != nil {
		return "", c.err
	}
	return c.res.out()
}

func (r result) out() (string, error) {
	if r.err != "" {
		return "", &ParseError{Message: r.err}
	}
	return r.html, nil
}

func (k *KaTeX) cacheKey(tex string, display bool) string {
	h := sha256.New()
	h.Write([]byte(k.key))
	if display {
		h.Write([]byte("\x00display\x00"))
	} else {
		h.Write([]byte("\x00inline\x00"))
	}
	h.Write([]byte(tex))
	return hex.EncodeToString(h.Sum(nil))
}

func (k *KaTeX) lookupOrRender(key, tex string, display bool) (result, error) {
	if k.disk != nil {
		if r, ok := k.disk.get(key); ok {
			k.diskHits.Add(1)
			return r, nil
		}
	}
	r, err := k.run(tex, display)
	if err != nil {
		return result{}, err
	}
	if k.disk != nil {
		// The cache only saves time: a write that fails is not an error.
		_ = k.disk.put(key, r)
	}
	return r, nil
}

// Version returns KaTeX's version string, starting a runtime if none is.
func (k *KaTeX) Version() (string, error) {
	v, err := k.acquire()
	if err != nil {
		return "", err
	}
	defer k.release(v, true)
	return v.version, nil
}

// vm is one goja runtime with KaTeX loaded.
type vm struct {
	rt      *goja.Runtime
	render  goja.Callable
	isParse func(goja.Value) bool
	opts    [2]goja.Value // inline, display
	version string
}

func (k *KaTeX) acquire() (*vm, error) {
	k.slots <- struct{}{}
	select {
	case v := <-k.idle:
		return v, nil
	default:
	}
	v, err := k.newVM()
	if err != nil {
		<-k.slots
		return nil, err
	}
	return v, nil
}

// release returns v to the pool, or drops it when it may be unusable.
func (k *KaTeX) release(v *vm, reuse bool) {
	if reuse {
		k.idle <- v
	}
	<-k.slots
}

func (k *KaTeX) newVM() (*vm, error) {
	k.compileOnce.Do(func() {
		k.prog, k.compileErr = goja.Compile("katex.min.js", k.src, false)
	})
	if k.compileErr != nil {
		return nil, fmt.Errorf("katex: %w", k.compileErr)
	}
	rt := goja.New()
	// goja's default call depth is unbounded and deep nesting such as
	// {{{{…}}}} would grow the Go stack until the process dies.
	rt.SetMaxCallStackSize(k.maxStack)
	if _, err := rt.RunProgram(k.prog); err != nil {
		return nil, fmt.Errorf("katex: loading script: %w", err)
	}
	katex := rt.Get("katex")
	if katex == nil || goja.IsUndefined(katex) {
		return nil, errors.New("katex: script did not define katex")
	}
	obj := katex.ToObject(rt)
	render, ok := goja.AssertFunction(obj.Get("renderToString"))
	if !ok {
		return nil, errors.New("katex: katex.renderToString is not a function")
	}
	v := &vm{rt: rt, render: render, version: obj.Get("version").String()}
	if pe, ok := obj.Get("ParseError").(*goja.Object); ok {
		v.isParse = func(x goja.Value) bool { return rt.InstanceOf(x, pe) }
	} else {
		v.isParse = func(goja.Value) bool { return false }
	}
	for i, display := range []bool{false, true} {
		o := rt.NewObject()
		_ = o.Set("displayMode", display)
		_ = o.Set("output", k.output)
		_ = o.Set("throwOnError", true)
		// "ignore" lets Chinese text stand in math mode (资源 = R(T)),
		// which KaTeX's default "warn" would log about on every use.
		_ = o.Set("strict", "ignore")
		v.opts[i] = o
	}
	k.runtimes.Add(1)
	return v, nil
}

// run typesets one formula on a pooled runtime.
func (k *KaTeX) run(tex string, display bool) (result, error) {
	v, err := k.acquire()
	if err != nil {
		return result{}, err
	}
	k.renders.Add(1)
	timer := time.AfterFunc(k.timeout, func() { v.rt.Interrupt("timeout") })
	out, err := v.render(goja.Undefined(), v.rt.ToValue(tex), v.opts[boolIndex(display)])
	stopped := timer.Stop()
	// The result and a JavaScript exception still belong to the runtime:
	// read them before it goes back to the pool for another goroutine. A
	// timer that fired (or is firing) may leave an interrupt pending, so
	// such a runtime is not used again.
	res, err := k.interpret(v, out, err)
	k.release(v, stopped)
	return res, err
}

// interpret turns what the runtime returned into a result or an error.
func (k *KaTeX) interpret(v *vm, out goja.Value, err error) (result, error) {
	if err == nil {
		return result{html: out.String()}, nil
	}
	var ex *goja.Exception
	var so *goja.StackOverflowError
	var ie *goja.InterruptedError
	switch {
	case errors.As(err, &ie):
		return result{}, fmt.Errorf("katex: formula took longer than %v", k.timeout)
	case errors.As(err, &so):
		// Deterministic for a given stack bound, so it is cached like a
		// parse error: the author has to simplify the formula.
		return result{err: "KaTeX: formula nested too deeply (over " + strconv.Itoa(k.maxStack) + " levels)"}, nil
	case errors.As(err, &ex):
		msg := ex.Value().String()
		if o, ok := ex.Value().(*goja.Object); ok {
			if m := o.Get("message"); m != nil && !goja.IsUndefined(m) {
				msg = m.String()
			}
		}
		if v.isParse(ex.Value()) {
			return result{err: msg}, nil
		}
		return result{}, fmt.Errorf("katex: %s", msg)
	}
	return result{}, fmt.Errorf("katex: %w", err)
}

func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}

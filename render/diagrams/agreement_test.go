package diagrams_test

import (
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"docsite/internal/browsertest"
	"docsite/internal/diagram"
	"docsite/internal/sitetest"
	theme "docsite/themes/default"
)

// TestBrowserAgreement re-checks internal/diagram against the mermaid the
// theme ships: a random sample of the dev set's diagrams, each also with
// one random edit, go through mermaid.parse in Chromium and through
// diagram.Validate, and the verdicts must match. A mermaid upgrade that
// changes the grammar fails here. DOCSITE_SEED repeats a run.
func TestBrowserAgreement(t *testing.T) {
	raw, err := os.ReadFile(sitetest.Shared(t, "fixtures", "mermaid-dev.json"))
	if err != nil {
		t.Fatal(err)
	}
	var fixture struct{ Diagrams []struct{ Src string } }
	if err := json.Unmarshal(raw, &fixture); err != nil {
		t.Fatal(err)
	}
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("DOCSITE_SEED"); s != "" {
		_ = json.Unmarshal([]byte(s), &seed)
	}
	t.Logf("DOCSITE_SEED=%d", seed)
	r := rand.New(rand.NewPCG(seed, 0))
	var srcs []string
	for _, i := range r.Perm(len(fixture.Diagrams))[:120] {
		src := fixture.Diagrams[i].Src
		srcs = append(srcs, src, edit(r, src))
	}

	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.URL.Path == "/" {
			w.Header().Set("Content-Type", "text/html")
			_, _ = w.Write([]byte(`<!DOCTYPE html><script type="module">
import m from "/assets/vendor/mermaid/mermaid.esm.min.mjs";
m.initialize({startOnLoad: false}); window.mermaid = m;</script>`))
			return
		}
		http.FileServerFS(theme.FS).ServeHTTP(w, req)
	}))
	defer srv.Close()
	ctx := browsertest.Start(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/")); err != nil {
		t.Fatal(err)
	}
	if !browsertest.WaitFor(t, ctx, `!!window.mermaid`, 20*time.Second) {
		t.Fatal("mermaid did not load")
	}
	in, _ := json.Marshal(srcs)
	verdicts, err := chromedp.Run(ctx, chromedp.Evaluate[[]bool](`(async srcs => {
		const out = [];
		for (const s of srcs) out.push(await mermaid.parse(s).then(() => true, () => false));
		return out; })(`+string(in)+`)`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	type tally struct{ n, agree int }
	by := map[string]*tally{}
	for i, src := range srcs {
		kind := diagram.Type(src)
		if kind != "graph" && kind != "flowchart" && kind != "mindmap" {
			kind = "other"
		}
		if by[kind] == nil {
			by[kind] = &tally{}
		}
		by[kind].n++
		e := diagram.Validate(src)
		switch {
		case (e == nil) == verdicts[i]:
			by[kind].agree++
		case e != nil:
			t.Errorf("mermaid accepts, we report %v:\n%s", e, src)
		default:
			t.Logf("mermaid rejects, we accept:\n%s", src)
		}
	}
	for kind, c := range by {
		t.Logf("%-9s %3d diagrams: %d agree (%.1f%%)", kind, c.n, c.agree, 100*float64(c.agree)/float64(c.n))
		if kind != "other" && float64(c.agree) < 0.99*float64(c.n) {
			t.Errorf("%s: agreement with mermaid below 99%%", kind)
		}
	}
}

// edit makes one random change below the first line: a character deleted,
// or one of the characters mermaid's grammars care about inserted.
func edit(r *rand.Rand, src string) string {
	head := strings.IndexByte(src, '\n') + 1
	if head <= 0 || head >= len(src) {
		return src + "\n("
	}
	at := head + r.IntN(len(src)-head)
	for at > head && at < len(src) && src[at]&0xC0 == 0x80 {
		at-- // not inside a UTF-8 sequence
	}
	if r.IntN(3) == 0 {
		n := 1
		for at+n < len(src) && src[at+n]&0xC0 == 0x80 {
			n++
		}
		return src[:at] + src[at+n:]
	}
	ins := []string{"(", ")", "[", "]", "{", "}", "|", `"`, ";", "&", "-->", "\n", " ", ":::", "end\n"}
	return src[:at] + ins[r.IntN(len(ins))] + src[at:]
}

package diagrams

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"slices"
	"strings"
	"time"

	"docsite/internal/cache"
	"docsite/internal/diagram"
	"docsite/internal/mermaid"
	"docsite/internal/site"
)

// Options say where the browser and the cache are.
type Options struct {
	Chromium string // "" looks on PATH
	CacheDir string // "" keeps nothing between runs
	// Assets holds js/mermaid-init.js and vendor/mermaid/: the theme's
	// colours and the mermaid that draws, both part of the cache key.
	Assets fs.FS
}

// Stats say what a run did.
type Stats struct {
	Diagrams, Drawn, Cached, Failed int // distinct diagrams; drawn in Chromium now; from the cache; refused by mermaid
	Duration                        time.Duration
}

var schemes = []string{"light", "dark"}

// Draw replaces every diagram mermaid accepts, in the rendered bodies of
// s's pages, with its SVG in both schemes. Only diagrams the cache lacks
// start Chromium, so a warm build draws nothing and needs no browser.
func Draw(s *site.Site, opts Options) (Stats, error) {
	start := time.Now()
	version, err := versionKey(opts.Assets)
	if err != nil {
		return Stats{}, err
	}
	store := cache.Open(opts.CacheDir, "diagrams.bin")
	svgs := map[string]string{} // key → SVG ("!" + message when mermaid refused)
	var missing []job
	var st Stats
	for _, p := range s.Pages {
		for _, d := range p.Diagrams {
			if d.Err != nil {
				continue
			}
			for _, scheme := range schemes {
				k := key(version, scheme, d.Source)
				if _, seen := svgs[k]; seen {
					continue
				}
				if scheme == schemes[0] {
					st.Diagrams++
				}
				if v, ok := store.Get(k); ok {
					svgs[k] = string(v)
					st.Cached++
					continue
				}
				svgs[k] = ""
				missing = append(missing, job{ID: "mmd-" + k[:12], Source: d.Source, Scheme: scheme})
			}
		}
	}
	st.Cached /= len(schemes)
	// One scheme after the other: mermaid is configured once per scheme.
	slices.SortStableFunc(missing, func(a, b job) int { return strings.Compare(b.Scheme, a.Scheme) })
	if len(missing) > 0 {
		chromium, err := findChromium(opts.Chromium)
		if err != nil {
			return st, err
		}
		b, err := startBrowser(chromium, opts.Assets)
		if err != nil {
			return st, err
		}
		defer b.close()
		const batch = 40
		for i := 0; i < len(missing); i += batch {
			jobs := missing[i:min(i+batch, len(missing))]
			out, err := b.render(jobs)
			if err != nil {
				return st, err
			}
			for j, o := range out {
				v := o.SVG
				if o.Error != "" || v == "" {
					v = "!" + o.Error
				}
				k := key(version, jobs[j].Scheme, jobs[j].Source)
				svgs[k] = v
				store.Put(k, []byte(v))
			}
		}
		st.Drawn = len(missing) / len(schemes)
	}
	for _, p := range s.Pages {
		st.Failed += replace(p, version, svgs)
	}
	_ = store.Save() // a cache that cannot be written only slows the next run
	st.Duration = time.Since(start)
	return st, nil
}

// versionKey hashes what a drawing depends on besides its source: the
// mermaid build (its entry names every chunk by content hash) and the
// theme's configuration of it.
func versionKey(assets fs.FS) (string, error) {
	h := sha256.New()
	for _, name := range []string{"vendor/mermaid/mermaid.esm.min.mjs", "js/mermaid-init.js"} {
		b, err := fs.ReadFile(assets, name)
		if err != nil {
			return "", fmt.Errorf("mermaid: %w (run themes/default/scripts/vendor.sh)", err)
		}
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func key(version, scheme, src string) string {
	h := sha256.Sum256([]byte(version + "\x00" + scheme + "\x00" + src))
	return hex.EncodeToString(h[:])
}

// replace swaps p's diagram elements for the drawings and returns how
// many mermaid refused. Diagrams are in source order, so one pass finds
// them; each copy gets its own ids, as the SVG's styles and markers are
// scoped by the id of its element.
func replace(p *site.Page, version string, svgs map[string]string) int {
	body := string(p.Body)
	var b strings.Builder
	failed, from := 0, 0
	for i, d := range p.Diagrams {
		if d.Err != nil {
			continue
		}
		pre := mermaid.Pre(d.Source)
		at := strings.Index(body[from:], pre)
		if at < 0 {
			continue // not in the body (a hidden table of contents)
		}
		b.WriteString(body[from : from+at])
		from += at + len(pre)
		light, dark := svgs[key(version, "light", d.Source)], svgs[key(version, "dark", d.Source)]
		if strings.HasPrefix(light, "!") || strings.HasPrefix(dark, "!") {
			failed++
			writeRefused(&b, p, d, strings.TrimPrefix(light+dark, "!"))
			continue
		}
		suffix := fmt.Sprintf("-%d", i)
		b.WriteString(`<div class="diagram">` + "\n")
		for _, v := range []struct{ scheme, svg string }{{"light", light}, {"dark", dark}} {
			id := "mmd-" + key(version, v.scheme, d.Source)[:12]
			b.WriteString(`<div class="diagram-` + v.scheme + `">`)
			b.WriteString(strings.ReplaceAll(v.svg, id, id+suffix))
			b.WriteString("</div>\n")
		}
		b.WriteString("</div>\n")
	}
	if from == 0 {
		return failed
	}
	b.WriteString(body[from:])
	p.Body = template.HTML(b.String())
	return failed
}

// writeRefused shows a diagram mermaid refused although docsite's parse
// let it through (a type docsite checks only by keyword) the way a
// diagram docsite rejects is shown: its source and mermaid's message.
func writeRefused(b *strings.Builder, p *site.Page, d site.Diagram, msg string) {
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	line, _ := p.Lines.Position(d.Offset)
	mermaid.WriteError(w, &mermaid.Diagram{Source: d.Source, Err: &diagram.Error{Message: msg}}, line)
	_ = w.Flush()
	b.Write(buf.Bytes())
}

package corpus

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"path"
)

// An asset is a non-Markdown file beside the pages.
type asset struct {
	path string
	data []byte
	kind string // "yaml", "rego", "json", "png", "sh"
}

// layoutAssets puts configuration, policy, data, image and script files in
// about a third of the folders and lets the pages of that folder link them.
func (g *gen) layoutAssets() {
	for _, land := range g.pages {
		if land.kind != landingPage || g.r.Float64() > 0.35 {
			continue
		}
		var ids []int
		for _, k := range g.r.Perm(5)[:1+g.r.IntN(4)] {
			a := g.makeAsset(land, []string{"yaml", "rego", "json", "png", "sh"}[k])
			g.exists[a.path] = true
			if k == 3 {
				g.exists[path.Join(land.dir, "img")] = true
			}
			ids = append(ids, len(g.assets))
			g.assets = append(g.assets, a)
		}
		// Pages link the assets of their own folder; one asset in five is
		// linked from nowhere, as in any real tree.
		for _, p := range append([]*page{land}, land.children...) {
			if p.kind == normalPage {
				p.assets = ids
			}
		}
		land.assets = ids
	}
}

func (g *gen) makeAsset(land *page, kind string) asset {
	r := g.r
	en := land.topic.en
	switch kind {
	case "yaml":
		return asset{path.Join(land.dir, en+"-values.yaml"), []byte(code(r, "yaml")), kind}
	case "rego":
		return asset{path.Join(land.dir, "policy.rego"), []byte(code(r, "rego")), kind}
	case "json":
		return asset{path.Join(land.dir, "config.json"), []byte(code(r, "json")), kind}
	case "sh":
		return asset{path.Join(land.dir, "install.sh"), []byte("#!/bin/sh\nset -eu\n" + code(r, "bash")), kind}
	}
	return asset{path.Join(land.dir, "img", en+"-arch.png"), tinyPNG(r), kind}
}

// tinyPNG is a valid 16×16 PNG in two colours; the encoder is deterministic.
func tinyPNG(r *rand.Rand) []byte {
	img := image.NewPaletted(image.Rect(0, 0, 16, 16), color.Palette{
		color.RGBA{0xe1, 0xf5, 0xff, 0xff},
		color.RGBA{uint8(r.IntN(256)), uint8(r.IntN(256)), uint8(r.IntN(256)), 0xff},
	})
	for y := range 16 {
		for x := range 16 {
			if (x/4+y/4)%2 == 0 {
				img.SetColorIndex(x, y, 1)
			}
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		panic(fmt.Sprint("png: ", err)) // cannot happen for an in-memory buffer
	}
	return b.Bytes()
}

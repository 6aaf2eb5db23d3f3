package html

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"

	"docsite/internal/site"
)

// faviconNames are the icons a content folder may give at its root, in the
// order one is preferred; the theme's favicon.svg stands in for none.
var faviconNames = []string{"favicon.svg", "favicon.png", "favicon.ico"}

// Favicon is the icon every page links to: the content's own, else the
// theme's, with its media type.
func Favicon(s *site.Site) (href, mediaType string) {
	name := "favicon.svg"
	for _, n := range faviconNames {
		if s.Exists[n] {
			name = n
			break
		}
	}
	types := map[string]string{"favicon.svg": "image/svg+xml", "favicon.png": "image/png", "favicon.ico": "image/x-icon"}
	return s.Href("/" + name), types[name]
}

// OwnFavicon reports whether the content gives an icon of its own.
func OwnFavicon(s *site.Site) bool {
	for _, n := range faviconNames {
		if s.Exists[n] {
			return true
		}
	}
	return false
}

// FaviconICO is /favicon.ico, which browsers ask for on their own (for a
// JSON or text file, which links no icon): the theme's mark drawn at 32 px,
// a PNG in an ICO wrapper, so that request never ends in a 404.
func FaviconICO() []byte {
	const n, sub = 32, 4
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	accent := color.NRGBA{0x09, 0x69, 0xda, 0xff}
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			var inBox, onBar int
			for sy := 0; sy < sub; sy++ {
				for sx := 0; sx < sub; sx++ {
					fx, fy := float64(x)+(float64(sx)+.5)/sub, float64(y)+(float64(sy)+.5)/sub
					if inRoundedSquare(fx, fy, n, 6) {
						inBox++
						if onTextLine(fx, fy) {
							onBar++
						}
					}
				}
			}
			if inBox == 0 {
				continue
			}
			mix := func(a, b uint8) uint8 { return uint8((int(a)*(inBox-onBar) + int(b)*onBar) / inBox) }
			img.SetNRGBA(x, y, color.NRGBA{mix(accent.R, 0xff), mix(accent.G, 0xff), mix(accent.B, 0xff), uint8(inBox * 255 / (sub * sub))})
		}
	}
	var pngData bytes.Buffer
	_ = png.Encode(&pngData, img)
	var ico bytes.Buffer
	// ICONDIR (reserved, type 1 = icon, one image), then its ICONDIRENTRY.
	_ = binary.Write(&ico, binary.LittleEndian, [3]uint16{0, 1, 1})
	ico.Write([]byte{n, n, 0, 0})
	_ = binary.Write(&ico, binary.LittleEndian, [2]uint16{1, 32}) // planes, bits per pixel
	_ = binary.Write(&ico, binary.LittleEndian, [2]uint32{uint32(pngData.Len()), 6 + 16})
	ico.Write(pngData.Bytes())
	return ico.Bytes()
}

// inRoundedSquare and onTextLine are favicon.svg's shapes in its 32-unit box.
func inRoundedSquare(x, y, size, r float64) bool {
	cx, cy := min(max(x, r), size-r), min(max(y, r), size-r)
	return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r
}

func onTextLine(x, y float64) bool {
	in := func(x0, y0, w, h float64) bool { return x >= x0 && x < x0+w && y >= y0 && y < y0+h }
	return in(8, 8, 16, 3) || in(8, 14.5, 16, 3) || in(8, 21, 10, 3)
}

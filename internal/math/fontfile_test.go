package math

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// sfnt is what the math font tests read from a TrueType file: its tables,
// its character map, and the glyph constructions of its MATH table.
type sfnt struct {
	tables map[string][]byte
	cmap   map[rune]uint16 // code point → glyph
	// vert and horiz give, for each glyph with a construction, its number
	// of size variants and of assembly parts.
	vert, horiz map[uint16]construction
}

type construction struct{ variants, parts int }

// constructions returns the constructions of the font's characters, by code
// point and direction ("v" or "h").
func (f *sfnt) constructions() map[string]construction {
	out := map[string]construction{}
	for c, g := range f.cmap {
		if k, ok := f.vert[g]; ok {
			out[fmt.Sprintf("U+%04X v", c)] = k
		}
		if k, ok := f.horiz[g]; ok {
			out[fmt.Sprintf("U+%04X h", c)] = k
		}
	}
	return out
}

// fontReader bounds every read, so a truncated table is an error rather
// than a panic.
type fontReader struct{ b []byte }

var errShort = errors.New("font table too short")

func (r fontReader) u16(off int) (uint16, error) {
	if off < 0 || off+2 > len(r.b) {
		return 0, errShort
	}
	return binary.BigEndian.Uint16(r.b[off:]), nil
}

func (r fontReader) u32(off int) (uint32, error) {
	if off < 0 || off+4 > len(r.b) {
		return 0, errShort
	}
	return binary.BigEndian.Uint32(r.b[off:]), nil
}

// readSfnt parses a TrueType/OpenType file.
func readSfnt(data []byte) (*sfnt, error) {
	r := fontReader{data}
	n, err := r.u16(4)
	if err != nil {
		return nil, err
	}
	f := &sfnt{tables: map[string][]byte{}}
	for i := range int(n) {
		rec := 12 + 16*i
		off, err1 := r.u32(rec + 8)
		size, err2 := r.u32(rec + 12)
		if err := errors.Join(err1, err2); err != nil || int(off)+int(size) > len(data) {
			return nil, fmt.Errorf("table record %d: %w", i, errShort)
		}
		f.tables[string(data[rec:rec+4])] = data[off : off+size]
	}
	if f.cmap, err = readCmap(f.tables["cmap"]); err != nil {
		return nil, fmt.Errorf("cmap: %w", err)
	}
	if math, ok := f.tables["MATH"]; ok {
		if f.vert, f.horiz, err = readMathVariants(math); err != nil {
			return nil, fmt.Errorf("MATH: %w", err)
		}
	}
	return f, nil
}

// readCmap reads the Unicode subtable of a cmap: format 12 when there is
// one (it holds the code points past the BMP), else format 4.
func readCmap(t []byte) (map[rune]uint16, error) {
	r := fontReader{t}
	n, err := r.u16(2)
	if err != nil {
		return nil, err
	}
	var f4, f12 = -1, -1
	for i := range int(n) {
		off, err := r.u32(4 + 8*i + 4)
		if err != nil {
			return nil, err
		}
		switch format, _ := r.u16(int(off)); format {
		case 4:
			f4 = int(off)
		case 12:
			f12 = int(off)
		}
	}
	out := map[rune]uint16{}
	switch {
	case f12 >= 0:
		groups, err := r.u32(f12 + 12)
		if err != nil {
			return nil, err
		}
		for i := range int(groups) {
			g := f12 + 16 + 12*i
			start, err1 := r.u32(g)
			end, err2 := r.u32(g + 4)
			glyph, err3 := r.u32(g + 8)
			if err := errors.Join(err1, err2, err3); err != nil || end < start || end > 0x10FFFF {
				return nil, fmt.Errorf("format 12 group %d: bad", i)
			}
			for c := start; c <= end; c++ {
				out[rune(c)] = uint16(glyph + c - start)
			}
		}
	case f4 >= 0:
		segX2, err := r.u16(f4 + 6)
		if err != nil {
			return nil, err
		}
		segs := int(segX2) / 2
		ends, starts, deltas, ranges := f4+14, f4+16+2*segs, f4+16+4*segs, f4+16+6*segs
		for i := range segs {
			end, err1 := r.u16(ends + 2*i)
			start, err2 := r.u16(starts + 2*i)
			delta, err3 := r.u16(deltas + 2*i)
			ro, err4 := r.u16(ranges + 2*i)
			if err := errors.Join(err1, err2, err3, err4); err != nil {
				return nil, err
			}
			for c := int(start); c <= int(end) && c != 0xFFFF; c++ {
				glyph := uint16(c) + delta
				if ro != 0 {
					g, err := r.u16(ranges + 2*i + int(ro) + 2*(c-int(start)))
					if err != nil {
						return nil, err
					}
					if g == 0 {
						continue
					}
					glyph = g + delta
				}
				if glyph != 0 {
					out[rune(c)] = glyph
				}
			}
		}
	default:
		return nil, errors.New("no Unicode subtable")
	}
	return out, nil
}

// readMathVariants reads the MathVariants subtable of a MATH table: which
// glyphs stretch vertically and horizontally, and how.
func readMathVariants(t []byte) (vert, horiz map[uint16]construction, err error) {
	r := fontReader{t}
	mv16, err := r.u16(8)
	if err != nil {
		return nil, nil, err
	}
	mv := int(mv16)
	vcov, err1 := r.u16(mv + 2)
	hcov, err2 := r.u16(mv + 4)
	vcount, err3 := r.u16(mv + 6)
	hcount, err4 := r.u16(mv + 8)
	if err := errors.Join(err1, err2, err3, err4); err != nil {
		return nil, nil, err
	}
	read := func(cov uint16, count int, first int) (map[uint16]construction, error) {
		out := map[uint16]construction{}
		if count == 0 {
			return out, nil
		}
		glyphs, err := readCoverage(r, mv+int(cov))
		if err != nil || len(glyphs) != count {
			return nil, fmt.Errorf("coverage of %d glyphs for %d constructions (%v)", len(glyphs), count, err)
		}
		for i, g := range glyphs {
			off, err := r.u16(mv + 10 + 2*(first+i))
			if err != nil {
				return nil, err
			}
			c := mv + int(off)
			asm, err1 := r.u16(c)
			variants, err2 := r.u16(c + 2)
			if err := errors.Join(err1, err2); err != nil {
				return nil, err
			}
			k := construction{variants: int(variants)}
			if asm != 0 {
				parts, err := r.u16(c + int(asm) + 4)
				if err != nil {
					return nil, err
				}
				k.parts = int(parts)
			}
			out[g] = k
		}
		return out, nil
	}
	if vert, err = read(vcov, int(vcount), 0); err != nil {
		return nil, nil, err
	}
	if horiz, err = read(hcov, int(hcount), int(vcount)); err != nil {
		return nil, nil, err
	}
	return vert, horiz, nil
}

// readCoverage lists the glyphs of an OpenType coverage table in order.
func readCoverage(r fontReader, off int) ([]uint16, error) {
	format, err1 := r.u16(off)
	n, err2 := r.u16(off + 2)
	if err := errors.Join(err1, err2); err != nil {
		return nil, err
	}
	var out []uint16
	for i := range int(n) {
		switch format {
		case 1:
			g, err := r.u16(off + 4 + 2*i)
			if err != nil {
				return nil, err
			}
			out = append(out, g)
		case 2:
			lo, err1 := r.u16(off + 4 + 6*i)
			hi, err2 := r.u16(off + 6 + 6*i)
			if err := errors.Join(err1, err2); err != nil {
				return nil, err
			}
			for g := int(lo); g <= int(hi); g++ {
				out = append(out, uint16(g))
			}
		default:
			return nil, fmt.Errorf("coverage format %d", format)
		}
	}
	return out, nil
}

// themeModules is the default theme's node_modules folder, where npm put
// the math font and the WOFF2 decoder.
var themeModules = filepath.Join("..", "..", "themes", "default", "node_modules")

// woff2ToSfnt decodes WOFF2 files (Brotli, which Go's standard library
// lacks) with the theme's wawoff2 under node, and parses each.
func woff2ToSfnt(t *testing.T, files ...string) []*sfnt {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	decoder, err := filepath.Abs(filepath.Join(themeModules, "wawoff2"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(decoder); err != nil {
		t.Skip("the theme's npm packages are not installed (make assets)")
	}
	dir := t.TempDir()
	const script = `const fs = require("fs"), w = require(process.argv[1]);
(async () => { for (const [i, f] of process.argv.slice(3).entries())
  fs.writeFileSync(process.argv[2] + "/" + i + ".ttf", await w.decompress(fs.readFileSync(f))); })()
  .catch((e) => { console.error(e.message); process.exit(1); });`
	args := append([]string{"-e", script, decoder, dir}, files...)
	if out, err := exec.Command(node, args...).CombinedOutput(); err != nil {
		t.Fatalf("decoding WOFF2: %v\n%s", err, out)
	}
	fonts := make([]*sfnt, len(files))
	for i, name := range files {
		data, err := os.ReadFile(filepath.Join(dir, fmt.Sprintf("%d.ttf", i)))
		if err != nil {
			t.Fatal(err)
		}
		if fonts[i], err = readSfnt(data); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	return fonts
}

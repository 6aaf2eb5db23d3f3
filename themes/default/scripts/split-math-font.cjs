// split-math-font.cjs cuts the math font into the pieces that math.css
// names, so that a page downloads only the pieces its formulas use. Each
// @font-face rule of the stylesheet pairs a file with a unicode-range; this
// script writes each file with the font's characters in that range, so the
// stylesheet is the one place the ranges are written down.
//
// hb-subset (HarfBuzz, through subset-font) keeps the OpenType MATH table
// in every piece, restricted to the piece's glyphs: the constants (axis
// height, fraction and radical gaps), and for each stretchy character its
// size variants and the parts of its assembly. All GSUB features are kept
// too (dotless i and j, script-size primes), with the glyphs they reach.
//
// usage: node split-math-font.cjs FONT.woff2 math.css OUTDIR
"use strict";

const fs = require("fs");
const path = require("path");
const subsetFont = require("subset-font");
const wawoff2 = require("wawoff2");

// pieces reads the @font-face rules of the math stylesheet: the file each
// one loads from the vendor folder, and its unicode-range as [lo, hi] pairs.
function pieces(css) {
  const out = [];
  for (const [, body] of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const file = body.match(/url\(["']?\.\.\/vendor\/math-font\/([^"')]+)["']?\)/);
    const range = body.match(/unicode-range:([^;]+);/);
    if (!file || !range) continue;
    if (!/^[\w.-]+\.woff2$/.test(file[1])) throw new Error(`math.css: the piece ${file[1]} is not a plain .woff2 name`);
    const ranges = range[1].split(",").map((r) => {
      const m = r.trim().match(/^U\+([0-9A-F]+)(?:-([0-9A-F]+))?$/i);
      if (!m) throw new Error(`math.css: cannot read the unicode-range ${r.trim()}`);
      return [parseInt(m[1], 16), parseInt(m[2] || m[1], 16)];
    });
    out.push({ file: file[1], ranges });
  }
  return out;
}

// cmap lists the code points a TrueType font maps, from its format 12 or
// format 4 cmap subtable.
function cmap(ttf) {
  const dv = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  let table = -1;
  for (let i = 0, n = dv.getUint16(4); i < n; i++) {
    const rec = 12 + 16 * i;
    if (String.fromCharCode(...ttf.subarray(rec, rec + 4)) === "cmap") table = dv.getUint32(rec + 8);
  }
  if (table < 0) throw new Error("the font has no cmap");
  const subtables = [];
  for (let i = 0, n = dv.getUint16(table + 2); i < n; i++) {
    subtables.push(table + dv.getUint32(table + 4 + 8 * i + 4));
  }
  const codes = new Set();
  const f12 = subtables.find((o) => dv.getUint16(o) === 12);
  if (f12 !== undefined) {
    for (let i = 0, n = dv.getUint32(f12 + 12); i < n; i++) {
      const g = f12 + 16 + 12 * i;
      for (let c = dv.getUint32(g); c <= dv.getUint32(g + 4); c++) codes.add(c);
    }
    return codes;
  }
  const f4 = subtables.find((o) => dv.getUint16(o) === 4);
  if (f4 === undefined) throw new Error("the font has no Unicode cmap subtable");
  const segs = dv.getUint16(f4 + 6) / 2;
  for (let i = 0; i < segs; i++) {
    const end = dv.getUint16(f4 + 14 + 2 * i);
    const start = dv.getUint16(f4 + 16 + 2 * segs + 2 * i);
    for (let c = start; c <= end && c !== 0xffff; c++) codes.add(c);
  }
  return codes;
}

async function main() {
  const [fontPath, cssPath, outDir] = process.argv.slice(2);
  if (!outDir) throw new Error("usage: node split-math-font.cjs FONT.woff2 math.css OUTDIR");
  const font = fs.readFileSync(fontPath);
  const all = [...cmap(await wawoff2.decompress(font))].sort((a, b) => a - b);
  const list = pieces(fs.readFileSync(cssPath, "utf8"));
  if (list.length === 0) throw new Error(`${cssPath} names no piece of the math font`);
  // Check the ranges before cutting anything: each character of the font
  // in exactly one piece, and no piece empty. A character of the font that
  // no piece holds would silently fall back to another font.
  const claimed = new Map();
  for (const p of list) {
    p.codes = all.filter((c) => p.ranges.some(([lo, hi]) => lo <= c && c <= hi));
    if (p.codes.length === 0) throw new Error(`${p.file}: the font has no character in its range`);
    for (const c of p.codes) {
      if (claimed.has(c)) {
        throw new Error(`U+${c.toString(16).toUpperCase()} is in both ${claimed.get(c)} and ${p.file}`);
      }
      claimed.set(c, p.file);
    }
  }
  const left = all.filter((c) => !claimed.has(c));
  if (left.length > 0) {
    const shown = left.slice(0, 8).map((c) => "U+" + c.toString(16).toUpperCase());
    throw new Error(`math.css leaves ${left.length} characters of the font out: ${shown.join(" ")}…`);
  }
  fs.mkdirSync(outDir, { recursive: true });
  for (const p of list) {
    // TrueType hinting is a quarter of the bytes, and browsers draw the
    // glyphs of web fonts well without it (only Windows ever reads it).
    const piece = await subsetFont(font, String.fromCodePoint(...p.codes), {
      targetFormat: "woff2",
      noHinting: true,
    });
    fs.writeFileSync(path.join(outDir, p.file), piece);
  }
}

main().catch((err) => {
  console.error("split-math-font:", err.message);
  process.exit(1);
});

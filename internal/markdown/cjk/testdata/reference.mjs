// Regenerates reference.jsonl: random short inputs rendered by markdown-it
// with markdown-it-cjk-friendly, the amendment's reference implementation.
// TestReference checks that goldmark with this extension agrees.
//
//   npm install --prefix /tmp/cjkref markdown-it markdown-it-cjk-friendly
//   NODE_PATH=/tmp/cjkref/node_modules node reference.mjs > reference.jsonl
//
// (ES modules ignore NODE_PATH, hence createRequire below.)
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(path.join(process.env.NODE_PATH ?? ".", "x.js"));
const MarkdownIt = require("markdown-it");
const cjk = require("markdown-it-cjk-friendly").default ?? require("markdown-it-cjk-friendly");

const plain = MarkdownIt("commonmark");
const friendly = MarkdownIt("commonmark").use(cjk);

// Pieces chosen to hit every branch of the flanking rules: CJK letters and
// punctuation, non-CJK punctuation (ASCII and the ambiguous-width quotes),
// emoji, Hangul of width W and N, half-width kana, and variation selectors.
const pieces = ["*", "*", "**", "_", "__", "中", "文", "（", "）", "。", "，",
  "“", "”", "’", "—", "…", "a", "b", "(", ")", ".", "!", "\"", " ", "😀",
  "이", "ᆨ", "ｱ", "\uFE00", "\uFE01", "\u{E0100}"];

// mulberry32, so the file is reproducible.
let seed = 650;
function rand() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const seen = new Set();
let changed = 0, same = 0;
while (changed < 600 || same < 150) {
  let s = "";
  const n = 2 + Math.floor(rand() * 9);
  for (let i = 0; i < n; i++) s += pieces[Math.floor(rand() * pieces.length)];
  if (seen.has(s)) continue;
  seen.add(s);
  const html = friendly.render(s);
  if (!html.startsWith("<p>")) continue;
  const differs = html !== plain.render(s);
  if (differs ? changed >= 600 : same >= 150) continue;
  differs ? changed++ : same++;
  console.log(JSON.stringify({ in: s, html }));
}

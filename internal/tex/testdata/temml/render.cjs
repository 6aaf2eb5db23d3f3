// Reads a JSON array of {"tex", "display"} on stdin and prints a JSON array,
// one entry per formula: {"mathml"} from Temml, {"katex_error", "katex_pos"}
// from KaTeX (null when KaTeX accepts it; katex_pos in bytes). Used by compare_test.go.
"use strict";
const temml = require("temml");
const katex = require("katex");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (c) => (input += c));
process.stdin.on("end", () => {
  const out = JSON.parse(input).map(({ tex, display }) => {
    const r = { mathml: null, temml_error: null, katex_error: null, katex_pos: null };
    try {
      r.mathml = temml.renderToString(tex, {
        displayMode: display, throwOnError: true, strict: false, annotate: true,
      });
    } catch (e) {
      r.temml_error = String(e.message || e);
    }
    try {
      katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: "ignore" });
    } catch (e) {
      r.katex_error = String(e.rawMessage || e.message || e);
      r.katex_pos = typeof e.position === "number" ? Buffer.byteLength(tex.slice(0, e.position)) : null;
    }
    return r;
  });
  process.stdout.write(JSON.stringify(out));
});

// Prints KaTeX's internal tables (symbols, functions, environments, macros,
// Unicode sub/superscripts and accents) as JSON, so that gen.go can write our
// own Go tables from them. Run: node dump.cjs > /tmp/katex-tables.json
"use strict";
const fs = require("fs");
const path = require("path");
const file = path.join(__dirname, "node_modules/katex/dist/katex.js");
let src = fs.readFileSync(file, "utf8");
const hook = "/* harmony default export */ var katex_webpack";
src = src.replace(hook, "globalThis.__katexTables = {symbols, functions: _functions, " +
  "environments: _environments, macros: _macros, uSubsAndSups, unicodeAccents, unicodeSymbols};\n" + hook);
const m = { exports: {} };
new Function("module", "exports", src)(m, m.exports);
const t = globalThis.__katexTables;
const fn = (f) => ({
  type: f.type, numArgs: f.numArgs, numOptionalArgs: f.numOptionalArgs || 0,
  argTypes: f.argTypes || null, allowedInText: !!f.allowedInText,
  allowedInMath: f.allowedInMath !== false, allowedInArgument: !!f.allowedInArgument,
  infix: !!f.infix, primitive: !!f.primitive,
});
const out = {
  symbols: t.symbols,
  functions: Object.fromEntries(Object.entries(t.functions).map(([k, v]) => [k, fn(v)])),
  environments: Object.fromEntries(Object.entries(t.environments).map(([k, v]) => [k, fn(v)])),
  macros: Object.fromEntries(Object.entries(t.macros).map(([k, v]) =>
    [k, typeof v === "string" ? v : typeof v === "function" ? "<function>" : JSON.stringify(v)])),
  uSubsAndSups: t.uSubsAndSups, unicodeAccents: t.unicodeAccents, unicodeSymbols: t.unicodeSymbols,
};
if (process.argv[2] !== "temml") process.stdout.write(JSON.stringify(out, null, 1));

// With an argument "temml", print Temml's symbols instead: the writer uses
// them where Temml classifies a symbol differently from KaTeX.
if (process.argv[2] === "temml") {
  const tfile = path.join(__dirname, "node_modules/temml/dist/temml.cjs");
  let tsrc = fs.readFileSync(tfile, "utf8");
  tsrc = tsrc.replace("module.exports = temml$1;", "globalThis.__temmlTables = {symbols};\nmodule.exports = temml$1;");
  const tm = { exports: {} };
  new Function("module", "exports", "require", tsrc)(tm, tm.exports, require);
  process.stdout.write("\n" + JSON.stringify({ temmlSymbols: globalThis.__temmlTables.symbols }));
}

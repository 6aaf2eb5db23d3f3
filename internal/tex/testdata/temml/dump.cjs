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
process.stdout.write(JSON.stringify(out, null, 1));

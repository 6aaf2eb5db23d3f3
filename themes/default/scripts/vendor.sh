#!/bin/sh
# vendor.sh copies the third-party assets the default theme ships from npm
# into assets/vendor, which the theme embeds: the math font for the MathML
# that docsite writes (cut into pieces by Unicode range), KaTeX's script for
# the build-time fallback engine, mermaid's ESM build. Versions are pinned
# by package-lock.json; nothing copied here is committed. Run it from
# anywhere.
set -eu

theme=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$theme"

# npm ci only when node_modules is missing or older than the lock, so a
# repeated make is quick and needs no network.
marker=node_modules/.package-lock.json
if [ ! -f "$marker" ] || [ package-lock.json -nt "$marker" ]; then
	npm ci --no-audit --no-fund --loglevel=error
fi

vendor=assets/vendor
katex=node_modules/katex/dist
mermaid=node_modules/mermaid/dist
font=node_modules/@fontsource/noto-sans-math

# Staging folders live in node_modules (git-ignored, never embedded).
tmp=node_modules/.vendor-new
old=node_modules/.vendor-old
rm -rf "$tmp" "$old"
mkdir -p "$tmp/katex" "$tmp/math-font" "$tmp/mermaid"
# Pages carry MathML, which browsers lay out natively: KaTeX runs only at
# build time, for the few formulas the native engine cannot typeset, so its
# stylesheet and fonts are not shipped.
cp "$katex/katex.min.js" "$tmp/katex/"
# The package's one file holds the whole font (3,000 code points and the
# OpenType MATH table, 270 KB) whatever its "latin" name says; the site
# serves it in the pieces that math.css names, each with its MATH table.
node scripts/split-math-font.cjs "$font/files/noto-sans-math-latin-400-normal.woff2" \
	assets/css/math.css "$tmp/math-font"
cp "$font/LICENSE" "$tmp/math-font/LICENSE"
# mermaid's ESM build, without source maps: its entry imports the core
# chunks and each diagram type's chunk is imported when a diagram of that
# type is drawn, so a page fetches only what it shows. The build-time
# renderer uses the same files.
mkdir -p "$tmp/mermaid/chunks/mermaid.esm.min"
cp "$mermaid/mermaid.esm.min.mjs" "$tmp/mermaid/"
cp "$mermaid"/chunks/mermaid.esm.min/*.mjs "$tmp/mermaid/chunks/mermaid.esm.min/"
cp node_modules/katex/LICENSE "$tmp/katex/LICENSE"
cp node_modules/mermaid/LICENSE "$tmp/mermaid/LICENSE"

# Swap the new folder in whole so a concurrent go build never embeds a
# half-copied vendor tree.
if [ -d "$vendor" ]; then mv "$vendor" "$old"; fi
mv "$tmp" "$vendor"
rm -rf "$old"

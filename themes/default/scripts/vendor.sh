#!/bin/sh
# vendor.sh copies the third-party browser assets the default theme ships
# (KaTeX's stylesheet and fonts, KaTeX's script for the build-time math
# engine, mermaid's browser bundle) from npm into assets/vendor, which the
# theme embeds. Versions are pinned by package-lock.json; nothing copied here
# is committed. Run it from anywhere.
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

# Staging folders live in node_modules (git-ignored, never embedded).
tmp=node_modules/.vendor-new
old=node_modules/.vendor-old
rm -rf "$tmp" "$old"
mkdir -p "$tmp/katex/fonts" "$tmp/mermaid"
cp "$katex/katex.min.js" "$katex/katex.min.css" "$tmp/katex/"
# The stylesheet lists woff2 first for every face and every browser the site
# targets reads woff2, so the woff and ttf fallbacks are left out.
cp "$katex"/fonts/*.woff2 "$tmp/katex/fonts/"
cp "$mermaid/mermaid.min.js" "$tmp/mermaid/"
cp node_modules/katex/LICENSE "$tmp/katex/LICENSE"
cp node_modules/mermaid/LICENSE "$tmp/mermaid/LICENSE"

# Swap the new folder in whole so a concurrent go build never embeds a
# half-copied vendor tree.
if [ -d "$vendor" ]; then mv "$vendor" "$old"; fi
mv "$tmp" "$vendor"
rm -rf "$old"

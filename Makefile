# docsite — build, preview and check a Markdown knowledge base.
# `make site` and `make test` install what they need themselves.

GO      ?= go
BIN     := bin/docsite
CONTENT ?= content
OUT     ?= public
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
VENDOR  := themes/default/assets/vendor/katex/katex.min.js
GOFILES := $(shell find . -name '*.go' -not -path './themes/default/node_modules/*' 2>/dev/null)

.PHONY: all build site serve check test test-short vet fuzz bench corpus assets temml axe peers chromium clean lighthouse

all: build

# Browser assets (the math font, KaTeX, mermaid) come from npm, pinned by the
# lock file. The font is cut into the pieces whose ranges math.css declares.
assets: $(VENDOR)
$(VENDOR): themes/default/package.json themes/default/package-lock.json themes/default/scripts/vendor.sh \
		themes/default/scripts/split-math-font.cjs themes/default/assets/css/math.css
	sh themes/default/scripts/vendor.sh
	@touch $@

# KaTeX and Temml for internal/tex's comparison tests (never shipped).
TEMML := internal/tex/testdata/temml
temml: $(TEMML)/node_modules/.package-lock.json
$(TEMML)/node_modules/.package-lock.json: $(TEMML)/package.json $(TEMML)/package-lock.json
	npm ci --prefix $(TEMML) --no-audit --no-fund --loglevel=error
	@touch $@

# axe-core for the accessibility browser tests (injected by the test, never shipped).
AXE := internal/browsertest/testdata/axe
axe: $(AXE)/node_modules/.package-lock.json
$(AXE)/node_modules/.package-lock.json: $(AXE)/package.json $(AXE)/package-lock.json
	npm ci --prefix $(AXE) --no-audit --no-fund --loglevel=error
	@touch $@

# Pagefind (and the other npm peers of make bench), pinned by bench's lock
# file: TestSearchEval runs the same queries against it when it is here.
PEERS := bench/node_modules/.package-lock.json
peers: $(PEERS)
$(PEERS): bench/package.json bench/package-lock.json
	npm ci --prefix bench --no-audit --no-fund --loglevel=error
	@touch $@

build: $(BIN)
$(BIN): $(VENDOR) $(GOFILES) $(shell find themes/default/layouts themes/default/assets -type f 2>/dev/null) go.mod go.sum
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/docsite

# The project's own site draws its diagrams at build time (docsite.yaml:
# mermaid: {render: build}), which needs Debian's chromium.
site: build chromium
	./$(BIN) build --content $(CONTENT) --out $(OUT)
	@echo "Site written to $(OUT)/ — preview it with 'make serve' and open http://127.0.0.1:8080/"

serve: build
	./$(BIN) serve --content $(CONTENT)

check: build
	./$(BIN) check --content $(CONTENT)

# Browser tests need Debian's chromium; CI installs it, so can you.
chromium:
	@command -v chromium >/dev/null 2>&1 || (apt-get update && apt-get install -y --no-install-recommends chromium)

vet:
	$(GO) vet ./...

test: assets temml axe peers vet
	$(GO) test -race -count=1 ./...
	$(GO) test -count=1 -run 'TestGrowth' ./adversarial/

test-short: assets
	$(GO) test -short ./...

# Run each fuzz target for a while: make fuzz FUZZTIME=1m
FUZZTIME ?= 20s
fuzz: assets
	@$(GO) list -f '{{.ImportPath}}' ./... | while read pkg; do \
	  for f in $$($(GO) test -list 'Fuzz.*' $$pkg | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$f"; $(GO) test -run XXX -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; done

# Measure SPEC §12's budgets on a generated 1,200-file corpus against the peers
# installed here (Hugo, remark-validate-links, htmltest, Pagefind); the table is
# printed and kept in .cache/bench/last.md. BENCHFLAGS=-peers=false: docsite alone;
# BENCHFLAGS=-remark=false skips the slow peer.
BENCHFLAGS ?=
# The hostile corpus (adversarial/) runs at full size here, at small sizes
# in make test.
bench: build
	$(GO) run ./cmd/bench -docsite $(BIN) -corpus .cache/bench-corpus -runs 3 $(BENCHFLAGS)
	DOCSITE_HOSTILE=full $(GO) test -count=1 -v -run 'TestHostileFolder|TestGrowth' ./adversarial/ | grep -E '^(--- |ok|FAIL)|build:|check:'

# Lighthouse 12.2.3 (mobile) on the bench corpus served with gzip: the home
# page, the page with the most formulas and the biggest page. It fails below
# performance 90 or accessibility/best practices/SEO 100;
# LIGHTHOUSEFLAGS=-report-only only reports. The table is kept in
# .cache/bench/lighthouse.md.
LIGHTHOUSE      := bench/lighthouse
LIGHTHOUSEFLAGS ?=
lighthouse: build chromium $(LIGHTHOUSE)/node_modules/.package-lock.json
	@test -f .cache/bench-corpus/README.md || $(GO) run ./cmd/gencorpus -out .cache/bench-corpus -force
	./$(BIN) build --content .cache/bench-corpus --out .cache/bench/lighthouse-site >/dev/null
	$(GO) run ./cmd/lighthouse -site .cache/bench/lighthouse-site -md .cache/bench/lighthouse.md $(LIGHTHOUSEFLAGS)
$(LIGHTHOUSE)/node_modules/.package-lock.json: $(LIGHTHOUSE)/package.json $(LIGHTHOUSE)/package-lock.json
	npm ci --prefix $(LIGHTHOUSE) --no-audit --no-fund --loglevel=error
	@touch $@

corpus:
	$(GO) run ./cmd/gencorpus -out .cache/bench-corpus -force

clean:
	rm -rf bin $(OUT)

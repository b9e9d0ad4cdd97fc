# Two commands for a new user: `make serve` (or `make site`) and `make test`.
# Each installs what it needs on a fresh Debian machine: a .venv with exact pins,
# and Debian's chromium for the browser tests. Nothing is downloaded at run time.

VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test test-unit fuzz lint validate schema bench bench-search browser offline clean import

$(STAMP): pyproject.toml requirements.lock
	@python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Cần Python 3.11 trở lên / Python 3.11+ required"; exit 1; }
	@python3 -c 'import venv, ensurepip' 2>/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv; }
	@# WeasyPrint (leaflet PDFs) needs Pango; the leaflets and share cards use DejaVu fonts (Vietnamese glyphs).
	@{ ldconfig -p | grep -q libpangoft2-1.0 && fc-list | grep -q DejaVuSans; } || { $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fontconfig; }
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c requirements.lock -e '.[test]'
	touch $@

site: $(STAMP)
	$(PY) -m generator build

serve: $(STAMP)
	$(PY) -m mkdocs serve -a 127.0.0.1:8000

validate: $(STAMP)
	$(PY) -m generator validate

schema: $(STAMP)
	$(PY) -m generator schema

# Import a received document as a draft plan: make import FILE=ke-hoach.docx [ID=ma-ke-hoach]
# (CONTRIBUTING.md, "Thêm một văn bản mới"). The review report goes to nhap/ (gitignored).
import: $(STAMP)
	@test -n "$(FILE)" || { echo "Cách dùng: make import FILE=duong/dan/van-ban.docx [ID=ma-ke-hoach]"; exit 2; }
	$(PY) -m generator import "$(FILE)" $(if $(ID),--id "$(ID)")

# Debian's chromium for Playwright (never `playwright install`: it downloads a browser),
# and the npm test tools (axe-core) from tests/browser/package-lock.json into its
# gitignored node_modules; npm runs only when the lockfile is newer than the install.
NPM_TOOLS := tests/browser/node_modules/.package-lock.json

browser: $(NPM_TOOLS)
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

$(NPM_TOOLS): tests/browser/package.json tests/browser/package-lock.json
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; }
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
	touch $@

# The offline copy: the whole site in one zip to open from file:// without internet
# (generator/offline.py) → dist/binh-dang-gioi-ngoai-tuyen.zip. It ships the iframe-worker
# shim pinned in offline/package-lock.json, installed into the gitignored
# offline/node_modules; npm runs only when the lockfile is newer than the install.
OFFLINE_TOOLS := offline/node_modules/.package-lock.json

$(OFFLINE_TOOLS): offline/package.json offline/package-lock.json
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; }
	npm ci --prefix offline --no-audit --no-fund --loglevel=error
	touch $@

test: $(STAMP) browser $(OFFLINE_TOOLS) lint
	$(PY) -m pytest -q

offline: $(STAMP) $(OFFLINE_TOOLS)
	$(PY) -m generator offline

# A long random fuzzing campaign of the gate with the real data (make test runs a small
# fixed sample): FUZZ_EXAMPLES in total across the content folders, 5,000 by default.
FUZZ_EXAMPLES ?= 5000
fuzz: $(STAMP)
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest -q -p no:cacheprovider tests/test_fuzz.py

# Lint and types: ruff and mypy, configured in pyproject.toml (also run by pre-commit).
lint: $(STAMP)
	$(PY) -m ruff check generator tests bench
	$(PY) -m mypy

# The fast loop: unit tests only, no site build, no CLI, no browser (tests/conftest.py).
test-unit: $(STAMP)
	$(PY) -m pytest -q -m unit

# Lighthouse for `make bench`, pinned in bench/package-lock.json, into the gitignored
# bench/node_modules; npm runs only when the lockfile is newer than the install.
BENCH_TOOLS := bench/node_modules/.package-lock.json

$(BENCH_TOOLS): bench/package.json bench/package-lock.json
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; }
	npm ci --prefix bench --no-audit --no-fund --loglevel=error
	touch $@

# Scale against stock MkDocs + Material, edit-to-preview, build time and memory, page
# weight, search transfer and Lighthouse → bench/results/latest.json, bench/RESULTS.md.
# All three sizes take about an hour on 2 cores; a quicker run: make bench BENCH_SIZES="100 1000"
BENCH_SIZES ?= 100 1000 10000
bench: $(STAMP) browser $(BENCH_TOOLS)
	$(PY) -m bench.run --sizes $(BENCH_SIZES)

# Bytes downloaded before the first search result, at 100 and 1,000 plans → bench/RESULTS.md.
bench-search: $(STAMP) browser
	$(PY) -m bench.search_transfer

clean:
	rm -rf site .site-new-* .site-old-* .pytest_cache .hypothesis tests/.hypothesis dist

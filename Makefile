# Two entry points for a fresh machine (see README): `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# The site generator: ProperDocs, the maintained continuation of MkDocs 1.6 (see
# developers/engine.md). The config keeps the name mkdocs.yml, so it
# is passed with -f and the plain `mkdocs` command still builds the same site.
# Material for MkDocs reaches end of life on 5 May 2027; it prints that notice
# only when run as `mkdocs`, so nothing is silenced here: developers/engine.md says what
# the date means for this site.
ENGINE := $(PY) -m properdocs

.PHONY: serve edit build build-zensical deps test test-quick validate generate check-generated lint external-links benchmark lighthouse clean

$(VENV)/.site: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt -e .
	touch $@

$(VENV)/.dev: $(VENV)/.site requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

serve: $(VENV)/.site node_modules/.installed  ## build and serve the site on http://127.0.0.1:8000/kin/
	$(ENGINE) serve -f mkdocs.yml --strict -a 127.0.0.1:8000

# The web editor on the working copy: http://127.0.0.1:8000/kin/admin/ (saves go to data/). The site's
# server also serves the editor's back end (kin_site/editmount.py; developers/editor-backend.md);
# KIN_EDIT_ALLOWED_HOSTS names other host names it is opened at (a Codespace's forwarded port).
edit: $(VENV)/.site node_modules/.installed
	KIN_EDIT=1 $(ENGINE) serve -f mkdocs.yml --strict -a 127.0.0.1:8000

build: $(VENV)/.site node_modules/.installed
	$(ENGINE) build -f mkdocs.yml --strict

build-zensical: $(VENV)/.dev  ## the same site built by Zensical, into build/zensical/site (developers/engine.md)
	$(PY) scripts/build_zensical.py build/zensical

validate: $(VENV)/.site  ## check the data files only
	$(PY) -m kin validate

generate: $(VENV)/.site  ## rewrite the files generated from kin/schema/ (JSON Schemas, field reference)
	$(PY) -m kin generate

check-generated: $(VENV)/.site  ## fail if a generated file is stale
	$(PY) -m kin generate --check

lint: $(VENV)/.dev
	$(PY) -m ruff check .

# npm packages: the web editor served at /admin/ (Decap CMS) and test tools (package.json, exact pins).
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node.js) is needed: the web editor at /admin/ comes from npm"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

deps: $(VENV)/.dev node_modules/.installed  ## pinned Python and npm dependencies, Chromium and Java for the tests
	sh scripts/ensure-system.sh $(PY)

test: deps  ## the full test suite, browser tests included
	$(PY) -m ruff check .
	$(PY) -m kin validate
	$(PY) -m pytest

# The inner loop: everything but the browser and LibreOffice tests (markers in pyproject.toml),
# in QUICK_JOBS processes (pytest-xdist; a test file stays in one process, so its builds run once;
# files go out slowest first, timed by the last run: tests/conftest.py; site builds fork from
# tests/zygote.py, which has the site generator imported already).
# Temp files go to RAM (/dev/shm, where it has a gigabyte free, in a folder of the user's own): a run
# writes and deletes some ten thousand files, which cost a disk-backed /tmp seconds of system time.
QUICK_JOBS ?= 2
test-quick: $(VENV)/.dev node_modules/.installed  ## lint, validate and the tests without Chromium or LibreOffice
	$(PY) -m ruff check .
	$(PY) -m kin validate
	ram=$$(df -Pk /dev/shm 2>/dev/null | awk -v dir=/dev/shm/kin-tests-$$(id -u) 'NR == 2 && $$4 > 1048576 { print dir }'); \
	if [ -n "$$ram" ] && mkdir -p -m 700 "$$ram" && [ -O "$$ram" ]; then export TMPDIR="$$ram"; fi; \
	$(PY) -m pytest -q -m "not browser and not libreoffice" -n $(QUICK_JOBS) --dist loadfile --no-loadscope-reorder

external-links: $(VENV)/.site  ## list (and, when online, check) external URLs in data/; never blocks
	-$(PY) -m kin urls --check

benchmark: $(VENV)/.dev  ## build cost at 1x, 10x, 100x data (developers/performance.md; earlier runs: developers/performance-history.md)
	$(PY) scripts/benchmark.py
	$(PY) scripts/bench_catalogue.py
	$(PY) scripts/bench_editor.py

lighthouse: deps  ## Lighthouse, every page type, mobile and desktop (developers/page-speed.md)
	CHROME_PATH=/usr/bin/chromium $(PY) scripts/lighthouse.py

clean:
	rm -rf site build $(VENV) node_modules .pytest_cache .ruff_cache

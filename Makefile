# Evidence Wall: `make build` then `make test` is all a fresh machine needs.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
WINS   := $(VENV)/bin/wins
STAMP  := $(VENV)/.installed
# The day the example wall is built for in tests (EXAMPLE_TODAY in tests/conftest.py).
EXAMPLE_TODAY := 2026-11-25

.PHONY: wheels-check build test test-fast golden serve bench lint screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

build: $(STAMP)  ## build example-notes/ into site/
	$(WINS) build example-notes -o site

test: $(STAMP)  ## run every test
	$(PY) -m pytest

test-fast: $(STAMP)  ## every test but the browser ones
	$(PY) -m pytest -m "not browser"

# The example wall tests/test_golden.py compares byte for byte: the files made from the notes (the
# theme's own files, copied as they are, are left out). It keeps the build's .evidence-wall marker, so
# `wins build` may replace the folder: a page no longer built leaves with the old one.
golden: $(STAMP)  ## rebuild tests/golden after a change that alters the example wall on purpose
	$(WINS) build example-notes -o tests/golden --today $(EXAMPLE_TODAY) --no-cache --force -q
	cd themes/default && find . -type f ! -path './templates/*' -exec rm -f ../../tests/golden/{} ';'

serve: build  ## look at the example wall on http://127.0.0.1:8000
	$(PY) -m http.server --bind 127.0.0.1 --directory site 8000

bench: $(STAMP)  ## time builds of synthetic notes (not part of `make test`)
	$(PY) tests/bench/bench.py $(NOTES)

screenshots: $(STAMP)  ## refresh the phone and desktop screenshots in docs/ from the browser tests
	WINS_SCREENSHOTS=docs $(PY) -m pytest tests/test_browser.py tests/test_week_browser.py tests/test_stories_browser.py tests/test_milestones_browser.py -k screenshot
	WINS_SCREENSHOTS=docs $(PY) -m pytest tests/test_share.py -k phone

# Every dependency must install from a wheel on CPython 3.13 and 3.14 (nothing to compile).
wheels-check: $(STAMP)  ## resolve the dependencies binary-only for Python 3.13 and 3.14
	$(PY) -c 'import tomllib; print("\n".join(tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]))' > $(VENV)/deps.txt
	for v in 3.13 3.14; do \
		$(PY) -m pip install --quiet --dry-run --ignore-installed --only-binary :all: \
			--python-version $$v --target $(VENV)/wheels-check-$$v -r $(VENV)/deps.txt || exit 1; \
		echo "wheels-check: Python $$v resolves from wheels only"; \
	done

lint: $(STAMP)
	$(VENV)/bin/ruff check generator tests

clean:
	rm -rf site $(VENV) dist build *.egg-info .pytest_cache .ruff_cache .bench

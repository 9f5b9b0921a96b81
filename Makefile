# Evidence Wall: `make build` then `make test` is all a fresh machine needs.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
WINS   := $(VENV)/bin/wins
STAMP  := $(VENV)/.installed

.PHONY: build test serve bench lint screenshots clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

build: $(STAMP)  ## build example-notes/ into site/
	$(WINS) build example-notes -o site

test: $(STAMP)  ## run every test
	$(PY) -m pytest

serve: build  ## look at the example wall on http://127.0.0.1:8000
	$(PY) -m http.server --bind 127.0.0.1 --directory site 8000

bench: $(STAMP)  ## time builds of synthetic notes (not part of `make test`)
	$(PY) tests/bench/bench.py

screenshots: $(STAMP)  ## refresh docs/wall-*.png from the browser tests
	WINS_SCREENSHOTS=docs $(PY) -m pytest tests/test_browser.py -k screenshot

lint: $(STAMP)
	$(VENV)/bin/ruff check generator tests

clean:
	rm -rf site $(VENV) dist build *.egg-info .pytest_cache .ruff_cache .bench

# Two commands set everything up on a fresh machine: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve test lint site build render eval bench clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check generator tests bench scripts

serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty --livereload -a 127.0.0.1:8000

site: $(STAMP)
	$(BIN)/mkdocs build --strict

render: $(STAMP)
	$(BIN)/quotebrief render --out build/pages

# ruff (configured in pyproject.toml), then every test; the slow ones include tests/test_package.py,
# which builds the wheel and installs it with its dependencies from PyPI into a fresh venv.
test: $(STAMP)
	$(BIN)/ruff check generator tests bench scripts
	$(BIN)/python -m pytest

# The speed benchmark on ../shared/corpus/bbc; e.g. `make bench BENCH_ARGS="--limit 200"`.
bench: $(STAMP)
	$(BIN)/python bench/bench.py $(BENCH_ARGS)

# Extraction scores against ../shared/eval: seed; bbc-speech dev, speech-dev2, their union and its two fixed
# halves; our own annotations of 349 more BBC articles (extra to extra9); PolNeAR dev and train compartments;
# generic speakers on the whole BBC corpus.
eval: $(STAMP)
	$(BIN)/python scripts/eval.py

clean:
	rm -rf site build .cache

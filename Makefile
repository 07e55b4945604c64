# pressdesk: `make run` opens the TUI on the demo desk; `make test` runs the whole suite;
# `make bench` runs every benchmark beside its floor (BENCH_ARGS=--quick for a 100k desk).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench graph clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/pressdesk --demo

test: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -n auto

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

graph:
	$(PYTHON) tools/import_graph.py --packages

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .import_linter_cache

# The two commands of the README, and the pieces they are made of.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
PORT ?= 8000

.PHONY: run test lint env eval

$(BIN)/marsad: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/marsad

env: $(BIN)/marsad

## run: extract the bundled example collection, show the records, archive them in SQLite and serve the web UI
run: env
	mkdir -p out
	$(BIN)/marsad extract examples/ -o out/examples.jsonl
	$(BIN)/python -m marsad.show out/examples.jsonl
	rm -f out/examples.db*
	$(BIN)/marsad ingest examples/ --db out/examples.db
	@echo '$$ marsad search "وزارة الصحة" --db out/examples.db'
	@$(BIN)/marsad search "وزارة الصحة" --db out/examples.db
	$(BIN)/marsad serve --db out/examples.db --port $(PORT)

## test: lint, type-check and run the whole test suite
test: env
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy
	MARSAD_SHARED=$(SHARED) $(BIN)/pytest -p no:cacheprovider

eval: env
	$(BIN)/marsad eval extract --shared $(SHARED)

lint: env
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

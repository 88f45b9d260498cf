# Two commands matter: `make demo` (install, then run the whole pipeline on synthetic data)
# and `make test` (install, then lint, type-check and run the whole test suite).
# Every install is pinned by constraints.txt (a newer typer once changed every usage error's exit).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install demo test lint bench clean

$(BIN)/.installed: pyproject.toml setup.py constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet 'pip==26.3'
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev,model,spark,bench]'
	touch $@

install: $(BIN)/.installed

demo: install
	rm -rf demo-output
	$(BIN)/safelink demo -o demo-output

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest -n 2 --dist loadgroup

bench: install
	for script in benchmarks/bench_*.py; do $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) build src/*.egg-info src/safelink/*.so

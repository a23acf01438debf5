# Two commands for a newcomer: `make run` and `make test`. Both build .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format bench clean teams-package

# Bytecode up front: where PYTHONDONTWRITEBYTECODE is set, every start would recompile.
# setuptools' "editable installation" notice is advice for package authors, not a problem here.
$(STAMP): pyproject.toml
	@echo "Setting up $(VENV) (first run only)…"
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --upgrade pip
	@PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet -e ".[dev]"
	@$(BIN)/python -m compileall -q bot
	@# pytest's own bytecode of the test modules (asserts rewritten), written once here rather
	@# than by both workers racing on the first `make test`; a collection error shows there.
	@PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest --collect-only -q -n 0 >/dev/null 2>&1 || true
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/roadmap run

# Tests keep their bytecode (gitignored __pycache__): pytest rewrites every test module's asserts
# otherwise, on each start of each of the two workers. Green, only pytest's closing line is
# shown; otherwise everything it printed.
test: $(STAMP)
	@$(BIN)/ruff check --quiet .
	@$(BIN)/ruff format --check --quiet .
	@log=$$(mktemp); \
	if PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest >"$$log" 2>&1; \
	then tail -n 1 "$$log"; rm -f "$$log"; \
	else status=$$?; cat "$$log"; rm -f "$$log"; exit $$status; fi

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	$(BIN)/python bench/ingest.py
	$(BIN)/python bench/ask.py
	$(BIN)/python bench/load.py
	$(BIN)/python bench/dispatch.py
	$(BIN)/python bench/slowloris.py --seconds 20

teams-package: $(STAMP)
	$(BIN)/roadmap teams-package --out build/teams-app.zip

clean:
	rm -rf $(VENV) data/roadmap.db data/roadmap.db-*

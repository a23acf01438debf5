# Two commands for a newcomer: `make run` and `make test`. Both build .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The versions the tests ran with: .venv and the Docker image install exactly these
# (`make lock` moves them to the newest that pyproject.toml allows, once the tests pass).
LOCK := constraints.txt
FLOORS := .venv-floors
SCRATCH := .venv-lock

.PHONY: run test test-floors test-all lock lint format bench mutation clean teams-package

# Bytecode up front: where PYTHONDONTWRITEBYTECODE is set, every start would recompile.
# setuptools' "editable installation" notice is advice for package authors, not a problem here.
$(STAMP): pyproject.toml $(LOCK)
	@echo "Setting up $(VENV) (first run only)…"
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --upgrade pip -c $(LOCK)
	@PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet -e ".[dev]" -c $(LOCK)
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

# The lowest versions pyproject.toml declares (scripts/floors.py), in a venv of their own,
# through the same test suite: a floor is a version the tests passed with, not a guess.
test-floors: $(STAMP)
	@echo "Testing the declared lowest versions in $(FLOORS)…"
	@rm -rf $(FLOORS)
	@$(PYTHON) -m venv $(FLOORS)
	@$(FLOORS)/bin/python -m pip install --quiet --upgrade pip
	@$(BIN)/python scripts/floors.py > $(FLOORS)/floors.txt
	@PYTHONWARNINGS=ignore $(FLOORS)/bin/python -m pip install --quiet -e ".[dev]" \
		-c $(FLOORS)/floors.txt
	@$(FLOORS)/bin/python scripts/floors.py --check
	@log=$$(mktemp); \
	if ROADMAP_VERSIONS=floors PYTHONDONTWRITEBYTECODE=1 \
		$(FLOORS)/bin/python -m pytest -p no:cacheprovider >"$$log" 2>&1; \
	then tail -n 1 "$$log"; rm -f "$$log"; \
	else status=$$?; cat "$$log"; rm -f "$$log"; exit $$status; fi

# Both: the locked versions, then the lowest declared ones (what CI runs).
test-all: test test-floors

# The newest versions pyproject.toml allows, in a scratch venv, through the tests; only if
# they pass are they written to $(LOCK) (and .venv is rebuilt from it on the next make).
lock:
	@echo "Resolving the newest allowed versions in $(SCRATCH)…"
	@rm -rf $(SCRATCH)
	@$(PYTHON) -m venv $(SCRATCH)
	@$(SCRATCH)/bin/python -m pip install --quiet --upgrade pip
	@PYTHONWARNINGS=ignore $(SCRATCH)/bin/python -m pip install --quiet -e ".[dev]"
	@log=$$(mktemp); \
	if PYTHONDONTWRITEBYTECODE=1 $(SCRATCH)/bin/python -m pytest -p no:cacheprovider >"$$log" 2>&1; \
	then tail -n 1 "$$log"; rm -f "$$log"; \
	else status=$$?; cat "$$log"; rm -f "$$log"; echo "$(LOCK) left as it was"; exit $$status; fi
	@{ echo "# The versions the tests ran with: .venv and the Docker image install these"; \
	   echo "# (pip install -c $(LOCK)). Written by make lock; edit pyproject.toml, not this."; \
	   $(SCRATCH)/bin/python -m pip --version | awk '{print "pip==" $$2}'; \
	   $(SCRATCH)/bin/python -m pip freeze --exclude-editable; } > $(LOCK).new
	@mv $(LOCK).new $(LOCK)
	@rm -rf $(SCRATCH)
	@echo "$(LOCK) updated: review its diff, then make test"

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

# Mutation testing of the core (#28): a benchmark, not part of `make test`. Each module in
# bench/mutation.py is mutated in a scratch copy under build/mutation/, two mutants at a time
# (niced), over the tests that exercise it; the score per module is printed and every survivor's
# diff written to build/mutation/report.md. MODULES="bot/digest.py …" runs only those.
MUTMUT := mutmut==3.8.1
$(VENV)/.mutmut: $(STAMP)
	@PYTHONWARNINGS=ignore $(BIN)/python -m pip install --quiet "$(MUTMUT)" -c $(LOCK)
	@touch $@

mutation: $(VENV)/.mutmut
	$(BIN)/python bench/mutation.py $(MODULES)

teams-package: $(STAMP)
	$(BIN)/roadmap teams-package --out build/teams-app.zip

clean:
	rm -rf $(VENV) $(FLOORS) $(SCRATCH) data/roadmap.db data/roadmap.db-*

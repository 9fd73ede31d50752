# Folio: `make run` sets everything up and starts Folio; `make test` runs the test suite.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
FILE ?=

.PHONY: run test bench lint format schema translations screenshots clean dist mutate

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m app.desktop_check
	$(BIN)/folio start $(FILE)

# Tests run on every core; PYTEST_ARGS='-n 0' runs them in one process (for a debugger).
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py

lint: $(STAMP)
	$(BIN)/ruff check app tests bench
	$(BIN)/ruff format --check app tests bench

format: $(STAMP)
	$(BIN)/ruff check --fix app tests bench

schema: $(STAMP)
	$(BIN)/python -m app.store.interchange > resources/schema/folio-interchange.schema.json

# Every string of app/ui and every label from data into resources/translations/folio_*.ts,
# English plural forms filled in, each compiled to its .qm; LANGUAGES='de fr' starts new ones.
LANGUAGES ?=
translations: $(STAMP)
	$(BIN)/python -m app.ui.translation_sources $(LANGUAGES)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache

# The desktop package: a self-contained Folio in dist/folio/ (PyInstaller, packaging/folio.spec;
# the spec says why PyInstaller). packaging/linux/install.sh installs it with its menu entry,
# icon and .folio file type.
dist: $(STAMP)
	$(BIN)/python -m pip install --quiet 'pyinstaller>=6.10'
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller packaging/folio.spec
	@echo "Built $(CURDIR)/dist/folio ($$(du -sh dist/folio | cut -f1)); run dist/folio/folio start FILE"

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m app.ui.screenshots out/screenshots

# Mutation testing (mutation/run.py, mutmut): the kill rate per area and the survivors in
# docs/mutation/survivors.md. AREA=checker|store|workflow|export (default all), MODULE=a path
# or glob within it, SAMPLE=N checks N mutants not yet checked,
# RECHECK=1 checks the survivors again (after adding tests), JOBS=N mutants at once.
AREA ?=
MODULE ?=
SAMPLE ?=
RECHECK ?=
JOBS ?= 1
mutate: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[mutate]'
	$(BIN)/python mutation/run.py --jobs $(JOBS) $(if $(AREA),--area $(AREA)) $(if $(MODULE),--module '$(MODULE)') $(if $(SAMPLE),--sample $(SAMPLE)) $(if $(RECHECK),--recheck)

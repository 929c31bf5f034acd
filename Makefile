# The two commands of the README: `make demo` and `make test`. Each installs what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
RUNTIME_DEBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
TEST_DEBS := poppler-utils
DEMO := var/demo
export BENCHHOUSE_WAREHOUSE ?= $(CURDIR)/$(DEMO)/warehouse

.PHONY: demo test bench deps clean

$(INSTALLED): pyproject.toml constraints.txt
	scripts/install-debian-packages $(RUNTIME_DEBS)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

deps: $(INSTALLED)

# Sources in the order they are read: catalogues first (Epoch AI's model versions decide release
# dates; the others fill gaps), so that the scores, usage, prices and openness read after them
# find their models. NAME:FOLDER under data/sources (genai-prices is read from its installed package).
SOURCES := epoch-eci:epoch-ai epoch-models:epoch-ai models-dev:models-dev eosai:eosai-index \
	mof:lf-model-openness-tool genai-prices: llm-stats:llm-stats epoch-notable:epoch-ai \
	epoch-hub:epoch-ai epoch-token-usage:epoch-ai tau2-bench:tau2-bench-leaderboard \
	tau-bench:tau-bench-v1-trajectories aider:aider-leaderboards \
	models-dev-prices:models-dev litellm-prices:litellm fmti:stanford-fmti

# Build the demo warehouse from the real data in data/sources, add generated house runs
# calibrated to it, and show what it holds. Running it again loads nothing twice.
demo: $(INSTALLED)
	@mkdir -p $(DEMO)
	$(BIN)/benchhouse ingest evaluations warehouse/identity/evaluations.csv
	$(BIN)/benchhouse ingest indices
	@for pair in $(SOURCES); do \
	  name=$${pair%%:*}; folder=$${pair#*:}; \
	  $(BIN)/benchhouse ingest source $$name $${folder:+data/sources/$$folder} || exit 1; \
	done
	$(BIN)/benchhouse generate-runs $(DEMO)/generated_runs.parquet
	$(BIN)/benchhouse ingest runs $(DEMO)/generated_runs.parquet
	$(BIN)/benchhouse identity coverage
	$(BIN)/benchhouse sql -f demo/overview.sql
	@echo "The demo warehouse is in $(BENCHHOUSE_WAREHOUSE); try: BENCHHOUSE_WAREHOUSE=$(BENCHHOUSE_WAREHOUSE) $(BIN)/benchhouse schema"

test: $(INSTALLED)
	scripts/install-debian-packages $(TEST_DEBS)
	$(BIN)/python -m pytest

bench: $(INSTALLED)
	$(BIN)/python bench/ingest_bench.py

clean:
	rm -rf $(DEMO) .pytest_cache
